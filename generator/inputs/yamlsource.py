"""Read YAML into plain Python data while remembering where every value was written.

PyYAML's composer gives nodes with marks; we build the data ourselves so that duplicate keys are
errors (PyYAML would silently keep the last one) and every path maps to a line and column.
"""

from __future__ import annotations

import errno
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.inputs.errors import InputError, Problem

MAX_BYTES = 5_000_000  # the real catalogue at full scale is a few hundred kB
MAX_DEPTH = 32  # the catalogue nests about ten levels deep


@dataclass
class Located:
    """Plain data plus the position (1-based line, column) of each path into it."""

    file: str
    data: object
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    written: dict[tuple, str] = field(default_factory=dict)  # what was typed, where YAML made it a non-text

    def position(self, path: tuple) -> tuple[int, int]:
        """Position of the deepest part of `path` that exists in the file."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: tuple, message: str) -> Problem:
        line, column = self.position(path)
        return Problem(self.file, line, column, dotted(path), message)


def dotted(path: tuple) -> str:
    """networks, 3, countries -> networks[3].countries"""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load(path: Path, display: str) -> Located:
    """Parse `path`; `display` is how the file is named in messages (relative to the project)."""
    raw = read_plain(path, display)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError([Problem(display, raw[: e.start].count(b"\n") + 1, 1, "", f"expected UTF-8 text, got an "
                                  f"undecodable byte 0x{raw[e.start]:02x}; save the file as UTF-8")]) from None
    return parse(text, display)


def read_plain(path: Path, display: str) -> bytes:
    """The bytes of a file an author gives, only if it is a plain file: a folder, a symbolic link (which could
    point anywhere), a named pipe (which would block) or a file too big is refused, in one line."""
    def refuse(message: str) -> InputError:
        return InputError([Problem(display, 1, 1, "", message)])
    if path.is_symlink():
        raise refuse("expected a plain file, found a symbolic link; put the file itself here")
    try:
        if path.is_dir():
            raise refuse("expected a file, found a folder with that name; rename or remove the folder")
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):  # a named pipe would block reading for ever
            raise refuse("expected a plain file, found a named pipe or a device; remove it")
        if path.exists() and path.stat().st_nlink > 1:  # another name of a file that may live anywhere
            raise refuse("expected a plain file, found a hard link (a second name of a file elsewhere on this "
                         "machine); put a copy of the file itself here")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise refuse(f"the file is {size / 1e6:.1f} MB; files over {MAX_BYTES / 1e6:.0f} MB are refused "
                         "(is it the right file?)")
        return path.read_bytes()
    except FileNotFoundError:
        raise refuse("file not found") from None
    except OSError as e:
        reason = "too many symbolic links" if e.errno == errno.ELOOP else (e.strerror or str(e)).lower()
        raise refuse(f"cannot read the file: {reason}") from None


# libyaml, where PyYAML has it, reads a large catalogue several times faster; a file it finds anything wrong with
# is read again by PyYAML's own parser, whose marks and wording the messages below are written for.
_QUICK_LOADER = getattr(yaml, "CSafeLoader", None)


# Unicode's private-use characters show as nothing or as a box, and the generator uses two of them to mark English
# shown in place of a translation (texts.ENGLISH_START): an input never needs one.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def parse(text: str, display: str) -> Located:
    found = _PRIVATE_USE.search(text)
    if found:
        line, column = _line_column(text, found.start())
        raise InputError([Problem(display, line, column, "", f"a private-use character (U+{ord(found.group()):04X}) "
                                  "that shows as nothing or as a box; delete it (it is often pasted in by accident)")])
    if _QUICK_LOADER is not None:
        try:
            return _parse(text, display, _QUICK_LOADER)
        except (InputError, yaml.YAMLError):
            pass
    return _parse(text, display, yaml.SafeLoader)


def _parse(text: str, display: str, loader: type) -> Located:
    try:
        _refuse_constructs(text, display, loader)
        node = yaml.compose(text, Loader=loader)
    except yaml.reader.ReaderError as e:
        line, column = _line_column(text, e.position)
        raise InputError([Problem(display, line, column, "", f"a control character (U+{e.character:04X}) that "
                                  "YAML does not allow; delete it (it is often pasted in by accident)")]) from None
    except yaml.MarkedYAMLError as e:
        # an entry that never found its colon, a quote never closed: where it starts, not where the parser gave up
        starts = ("while scanning a simple key", "while scanning a quoted scalar")
        mark = e.context_mark if e.context in starts else e.problem_mark or e.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InputError([Problem(display, line, column, "", _plain_words(e, text, line, column))]) from None
    located = Located(display, None)
    problems: list[Problem] = []
    located.data = _build(node, (), located, problems) if node is not None else None
    if problems:
        raise InputError(problems)
    return located


def _line_column(text: str, position: int) -> tuple[int, int]:
    return text.count("\n", 0, position) + 1, position - (text.rfind("\n", 0, position) + 1) + 1


def _refuse_constructs(text: str, display: str, loader: type) -> None:
    """Refuse, before anything is built, what could make reading unbounded or surprising: anchors and aliases
    (an alias bomb grows without limit), tags, merge keys and very deep nesting."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        found = None
        if isinstance(event, yaml.AliasEvent):
            found = f"aliases (*{event.anchor}) are not allowed; write the value out in full"
        elif getattr(event, "anchor", None):
            found = f"anchors (&{event.anchor}) are not allowed; write the value out in full where it is needed"
        elif getattr(event, "tag", None):
            found = f"YAML tags like {event.tag} are not allowed; remove it and write the value itself"
        elif isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
            found = "merge keys (<<) are not allowed; write the fields out in full"
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                found = f"nested more than {MAX_DEPTH} levels deep; is the indentation right?"
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and not event.style:  # plain: None, or "" from the C parser
            found = _cut_by_comment(text, event)
        if found:
            mark = event.start_mark
            raise InputError([Problem(display, mark.line + 1, mark.column + 1, "", found)])


# A `#` right after a plain value, without a space after it: YAML reads it and the rest of the line as a comment.
_COMMENT_CUT = re.compile(r"[ \t]+(#[^\s#].*)$")


def _cut_by_comment(text: str, event: yaml.ScalarEvent) -> str | None:
    """A plain value that YAML cut short at a `#` meant as part of it (`label: ERN #2 - Bones` reads as 'ERN')."""
    line_end = text.find("\n", event.end_mark.index)
    cut = _COMMENT_CUT.match(text[event.end_mark.index:None if line_end < 0 else line_end])
    if not cut or not event.value:
        return None
    return (f"YAML reads `{cut.group(1).strip()}` as a comment, so this value stops at `{event.value}`; if the "
            "`#` belongs to the value, put the whole value in quotes; if it starts a comment, put a space after it")


# What the parser says of a line that does not fit the indentation of the lines above it.
_MISFIT = ("expected <block end>", "expected <block mapping key>", "did not find expected key")


def _plain_words(error: yaml.MarkedYAMLError, text: str, line: int, column: int) -> str:
    """The parser's complaint in a helpdesk's words, with the usual fix."""
    message = error.problem or "invalid YAML"
    if "\t" in message or "'\\t'" in message:
        return "tab character found; indent with spaces, not tabs"
    lines = text.splitlines()
    above = next((t for t in reversed(lines[: line - 1]) if t.strip() and not t.lstrip().startswith("#")), "")
    here = lines[line - 1] if line <= len(lines) else ""
    if _missing_dash(lines, line) and (message == "could not find expected ':'" or message.startswith(_MISFIT)):
        return (f"this line is indented like the list entries above it but does not start with `- `; write it "
                f"as `- {here.strip()}` if it is an entry of its own")
    if error.context in ("while parsing a flow mapping", "while parsing a flow sequence") and error.context_mark:
        opened = error.context_mark
        bracket = "{}" if "mapping" in error.context else "[]"
        if opened.line + 1 < line:
            comment = re.search(r"[ \t]#", lines[opened.line][opened.column:])
            if comment:  # `{code: DE30, name: Klinikum #2}`: the rest of the line, `}` included, is a comment
                return (f"the `{bracket[0]}` on line {opened.line + 1} is not closed: YAML reads the ` #` on that "
                        "line and all after it as a comment; put the value that holds the `#` in quotes")
            return (f"the `{bracket[0]}` on line {opened.line + 1} is not closed; end the entry with "
                    f"`{bracket[1]}` on that line")
        if message.endswith("but got ':'"):
            return (f"invalid YAML: a colon followed by a space inside a value; put the whole value in quotes "
                    f"(and inside `{bracket}`, separate the entries with commas)")
    if message == "could not find expected ':'":
        return "expected `field: value` on this line, or `- ` in front of it if it is an entry of a list"
    if message == "mapping values are not allowed here":
        field_above = len(above) - len(above.lstrip(" -"))
        key = re.match(r"^\s*[\w-]+: ", here)
        if key and key.end() - 1 == column and _indent(here) != field_above:  # the colon after a field's name
            return (f"this line is indented by {_indent(here)} spaces, the field above it by {field_above}; if it "
                    "is a field of its own, indent it like the field above, else put the whole value in quotes")
        return "invalid YAML: a colon followed by a space inside a value; put the whole value in quotes"
    if error.context == "while scanning a quoted scalar" and error.context_mark:
        quote = text[error.context_mark.index] if error.context_mark.index < len(text) else '"'
        return f"the {quote} that opens this value is not closed; end the value with {quote} on this line"
    if message.startswith(_MISFIT):
        entry = here.lstrip()
        after = re.search(r"\}[ \t]*([^\s#,}].*)$", here)
        if entry.startswith("-") and not entry.startswith("- "):
            return f"a list entry starts with `- `, a dash and a space; write it as `- {entry[1:].lstrip()}`"
        if after:
            return (f"`{after.group(1)}` comes after the `}}` that closes the entry; put it inside the braces, or "
                    "remove it")
        if _indent(here) == _indent(above):
            return ("this line does not fit the lines above it; look on it, or on the line above, for a missing "
                    "`- `, `:`, quote or bracket")
        return (f"the indentation of this line ({_indent(here)} spaces) does not fit the lines above it "
                f"({_indent(above)} spaces); indent it exactly like the other entries of its list or mapping")
    if message.startswith("found character '@'") or message.startswith("found character '`'"):
        return "a value may not start with @ or `; put the whole value in quotes"
    return f"invalid YAML: {message}"


def _missing_dash(lines: list[str], line: int) -> bool:
    """Whether a line (1-based) lacks the `- ` of the list entries above it at its own indentation."""
    here = lines[line - 1] if line <= len(lines) else ""
    if not here.strip() or here.lstrip().startswith("-"):
        return False
    for above in reversed(lines[: line - 1]):
        if above.strip() and not above.lstrip().startswith("#") and _indent(above) <= _indent(here):
            return _indent(above) == _indent(here) and above.lstrip().startswith("- ")
    return False


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _build(node: yaml.Node, path: tuple, located: Located, problems: list[Problem]) -> object:
    located.positions[path] = _position(node)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        repeated = False
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                problems.append(Problem(located.file, *_position(key_node), dotted(path),
                                        "expected a plain text key, got a complex one"))
                continue
            if key in result:
                first_line = located.positions[path + (key,)][0]
                in_list = bool(path) and isinstance(path[-1], int)  # `- a: 1` then `  a: 2`: a `- ` forgotten
                if not (in_list and repeated):  # the fields after a forgotten `- `: one cause, one message
                    problems.append(Problem(located.file, *_position(key_node), dotted(path + (key,)),
                                            f"duplicate key {key!r} (first written on line {first_line})"
                                            + ("; if it starts another entry of the list, begin it with `- `"
                                               if in_list else "")))
                repeated = True
                continue
            result[key] = _build(value_node, path + (key,), located, problems)
            if not isinstance(value_node, yaml.ScalarNode):  # point collections at their key
                located.positions[path + (key,)] = _position(key_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), located, problems) for i, item in enumerate(node.value)]
    value = _scalar(node)
    if not isinstance(value, str) and value is not None:
        located.written[path] = node.value
    return value


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.ScalarNode) -> object:
    """The value YAML gives a scalar; one it cannot build (a date like 2026-13-45) stays the text written."""
    if node.tag == "tag:yaml.org,2002:str":  # most of them: no constructor needed
        return node.value
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except ValueError:
        return node.value
