"""Read YAML into plain Python data while remembering where every value was written.

PyYAML's composer gives nodes with marks; we build the data ourselves so that duplicate keys are
errors (PyYAML would silently keep the last one) and every path maps to a line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import InputError, Problem

@dataclass
class Located:
    """Plain data plus the position (1-based line, column) of each path into it."""

    file: str
    data: object
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

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
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError([Problem(display, 1, 1, "", "file not found")]) from None
    except UnicodeDecodeError as e:
        line = path.read_bytes()[: e.start].count(b"\n") + 1
        raise InputError([Problem(display, line, 1, "", "expected UTF-8 text, got an undecodable byte "
                                  f"0x{path.read_bytes()[e.start]:02x}; save the file as UTF-8")]) from None
    return parse(text, display)


def parse(text: str, display: str) -> Located:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        message = e.problem or "invalid YAML"
        if "\t" in message or "'\\t'" in message:
            message = "tab character found; indent with spaces, not tabs"
        elif message == "mapping values are not allowed here":
            message = "invalid YAML: a colon followed by a space inside a value; put the whole value in quotes"
        else:
            message = f"invalid YAML: {message}"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InputError([Problem(display, line, column, "", message)]) from None
    located = Located(display, None)
    problems: list[Problem] = []
    located.data = _build(node, (), located, problems) if node is not None else None
    if problems:
        raise InputError(problems)
    return located


def _build(node: yaml.Node, path: tuple, located: Located, problems: list[Problem]) -> object:
    located.positions[path] = _position(node)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                problems.append(Problem(located.file, *_position(key_node), dotted(path),
                                        "expected a plain text key, got a complex one"))
                continue
            if key in result:
                first_line = located.positions[path + (key,)][0]
                problems.append(Problem(located.file, *_position(key_node), dotted(path + (key,)),
                                        f"duplicate key {key!r} (first written on line {first_line})"))
                continue
            result[key] = _build(value_node, path + (key,), located, problems)
            if not isinstance(value_node, yaml.ScalarNode):  # point collections at their key
                located.positions[path + (key,)] = _position(key_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), located, problems) for i, item in enumerate(node.value)]
    return _scalar(node)


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.ScalarNode) -> object:
    """The value YAML gives a scalar; one it cannot build (a date like 2026-13-45) stays the text written."""
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except ValueError:
        return node.value
