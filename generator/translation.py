"""The translators' tools: coverage and staleness, writing language files, gettext PO exchange, new languages.

A translation records in `source` the hash of the English text it translates; when the English changes, the
hash no longer matches and the translation is reported stale until it is updated and stamped again.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import babel
import material
import polib
import yaml

from generator.errors import InputError, Problem
from generator.pipeline import GUIDES, LANGUAGE_CODE, generate, languages_in
from generator.texts import (PLACEHOLDER, SOURCE_LANGUAGE, Entry, check_translation, entry_problem, is_stale,
                             load_language, source_hash)
from generator.yamlsource import load, read_plain

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
HEADER = ("# Translations of guides/en/{name} into '{language}'. Keep {{placeholders}} as in English.\n"
          "# `source` is the fingerprint of the English text translated; see TRANSLATING.md.\n")


class _Dumper(yaml.SafeDumper):
    """Multi-line texts (lists) as literal blocks, as a person would write them."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


# For a language the Material theme does not know (Irish, Maltese...): pages declare the right language,
# while the theme's few labels (search, table of contents) stay English.
THEME_LABELS = """{{#- Material has no '{language}': its labels in English, the page's language declared right. -#}}
{{% import "partials/languages/en.html" as english %}}
{{% macro t(key) %}}{{{{ "{language}" if key == "language" else english.t(key) }}}}{{% endmacro %}}
"""


@dataclass
class Coverage:
    language: str
    total: int
    translated: int
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.missing or self.stale or self.mismatched)


def english(root: Path) -> dict[str, Entry]:
    return load_language(root / GUIDES / SOURCE_LANGUAGE, f"{GUIDES}/{SOURCE_LANGUAGE}", is_source=True)


def translation(root: Path, language: str) -> dict[str, Entry]:
    folder = root / GUIDES / language
    if not any(folder.glob("*.yaml")):
        return {}
    return load_language(folder, f"{GUIDES}/{language}", is_source=False)


def coverage(root: Path, language: str, keys: set[str] | None = None) -> Coverage:
    """How much of a language is translated: all texts, or only `keys` (the texts one guide needs)."""
    source, entries = english(root), translation(root, language)
    if keys is not None:
        source = {k: e for k, e in source.items() if k in keys}
        entries = {k: e for k, e in entries.items() if k in keys}
    mismatched = [p.path for p in check_translation(source, entries) if p.path in source]
    return Coverage(
        language, len(source), len([k for k in entries if k in source]),
        missing=[k for k in source if k not in entries],
        stale=[k for k, e in entries.items() if k in source and is_stale(e, source[k])],
        mismatched=mismatched)


def usage(root: Path) -> dict[str, set[str]]:
    """The pages that show each text (the same in every language), found by rendering the site in English:
    `networks/<id>.md`, `sim/<id>/...`, `index.md`..."""
    return generate(root, [SOURCE_LANGUAGE]).texts[SOURCE_LANGUAGE].used


# Texts every page shows around its content, which rendering the pages in English does not record: the language
# menu and the site's name, the navigation, the notice of texts not yet translated.
AROUND_EVERY_PAGE = ("language.", "site.", "nav.", "untranslated.")


def guide_keys(root: Path, network_id: str) -> set[str]:
    """The texts one network's reader meets: its guide and its practice in the simulator, and what is around
    every page."""
    used = usage(root)
    if not any(f"networks/{network_id}.md" in pages for pages in used.values()):
        raise InputError([Problem("ern-guides --guide", 1, 1, "", f"expected a network id of the catalogue, "
                                  f"got {network_id!r}")])
    return {key for key, pages in used.items()
            if any(p == f"networks/{network_id}.md" or p.startswith(f"sim/{network_id}/") for p in pages)} | {
        key for key in english(root) if key.startswith(AROUND_EVERY_PAGE)}


def pages_in_short(pages: set[str], networks: int) -> list[str]:
    """Where a text appears, for a PO reference: guides by network (or all of the `networks`), the simulator
    once, other pages by name."""
    guides = sorted(p[len("networks/"):-len(".md")] for p in pages if p.startswith("networks/"))
    others = sorted(p for p in pages if not p.startswith(("networks/", "sim/")))
    named = "all" if len(guides) == networks else ",".join(guides)
    return ([f"guide:{named}"] if guides else []) + (["simulator"] if any(
        p.startswith("sim/") for p in pages) else []) + [f"page:{p.removesuffix('.md')}" for p in others]


def write_language(root: Path, language: str, texts: dict[str, tuple[str, str | None]]) -> None:
    """Write `{key: (text, source)}` into guides/<language>/, one file per English file, English key order."""
    source = english(root)
    folder = root / GUIDES / language
    folder.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, dict] = {}
    for key, entry in source.items():
        name = Path(entry.file).name
        by_file.setdefault(name, {})
        if key in texts:
            text, fingerprint = texts[key]
            by_file[name][key] = {"text": text, **({"source": fingerprint} if fingerprint else {})}
    for name, entries in by_file.items():
        body = yaml.dump(entries, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110) if entries else ""
        (folder / name).write_text(HEADER.format(name=name, language=language) + body, encoding="utf-8")


def stamp(root: Path, language: str, keys: list[str] | None = None, force: bool = False) -> tuple[list[str], list[str]]:
    """Record stale translations (all, or `keys`) as translating the current English, by rewriting only their
    `source:` line: the file keeps its layout. A translation whose text has not changed since the English did
    is refused (nobody reviewed it) unless `force`. Returns (stamped, refused) keys."""
    known_language(root, language, "stamp")
    source, entries = english(root), translation(root, language)
    unknown = [k for k in keys or [] if k not in entries or k not in source]
    if unknown:
        raise InputError([Problem(f"{GUIDES}/{language}", 1, 1, k, "expected the key of a translated text") for k in unknown])
    stale = [k for k, e in entries.items() if k in source and is_stale(e, source[k])]
    stamped, refused = [], []
    for key in [k for k in stale if keys is None or k in keys]:
        entry = entries[key]
        if not force and _unchanged_since_english_changed(root, language, key, entry):
            refused.append(key)
            continue
        _set_source(root / entry.file, entry.file, key, source_hash(source[key].text))
        stamped.append(key)
    return stamped, refused


def _set_source(path: Path, display: str, key: str, fingerprint: str) -> None:
    """Write one entry's `source:`, in place: its line if it has one, else a new line after the entry."""
    located = load(path, display)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if (key, "source") in located.positions:
        at = located.positions[(key, "source")][0] - 1
        lines[at] = re.sub(r"source:\s*\S*", f"source: {fingerprint}", lines[at], count=1)
    else:
        keys = list(located.data)
        following = keys[keys.index(key) + 1] if keys.index(key) + 1 < len(keys) else None
        end = located.positions[(following,)][0] - 1 if following else len(lines)
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        lines.insert(end, f"  source: {fingerprint}\n")
    path.write_text("".join(lines), encoding="utf-8")


def _unchanged_since_english_changed(root: Path, language: str, key: str, entry: Entry) -> bool:
    """Whether the translation's text is the one it had when the English changed, per the git history."""
    found = _english_translated(root, key, entry)
    if found is None or found[1] is None:
        return False  # no history to judge by, or the English changed after the last commit: trust the working copy
    translated_then = _yaml_at(root, found[1], entry.file).get(key, {})
    return isinstance(translated_then, dict) and translated_then.get("text") == entry.text


def _english_translated(root: Path, key: str, entry: Entry) -> tuple[str, str | None] | None:
    """The English text a translation was made from (the newest commit whose English matches its fingerprint),
    and the commit after it, where the English changed (None: changed since the last commit). None when the
    git history does not tell."""
    english_file = f"{GUIDES}/{SOURCE_LANGUAGE}/{Path(entry.file).name}"
    history = _git(root, "log", "--format=%H", "--", english_file) if entry.source else None
    commits = history.split() if history else []
    for newer, older in zip([None, *commits], commits):
        then = _yaml_at(root, older, english_file).get(key, {})
        if isinstance(then, dict) and source_hash(str(then.get("text", ""))) == entry.source:
            return str(then["text"]), newer
    return None


def _git(root: Path, *args: str) -> str | None:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def _yaml_at(root: Path, commit: str, path: str) -> dict:
    shown = _git(root, "show", f"{commit}:{path}")
    try:
        data = yaml.safe_load(shown) if shown else None
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def export_po(root: Path, language: str, keys: set[str] | None = None) -> str:
    """A language's texts as a PO file (all, or only `keys`); each entry names its English file and line and
    the pages that use it (guides by network id, the simulator, other pages)."""
    known_language(root, language, "po-export")
    source, entries = english(root), translation(root, language)
    used = usage(root)
    networks = len({p for pages in used.values() for p in pages if p.startswith("networks/")})
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": "ERN Guides", "PO-Revision-Date": _revision_date(root, language),
                   "Last-Translator": "ERN Guides translators", "Language-Team": f"ERN Guides ({language})",
                   "Language": language, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit"}
    for key, entry in source.items():
        if keys is not None and key not in keys:
            continue
        done = entries.get(key)
        flags = ["python-brace-format"] if entry.placeholders else []
        previous = None
        if done and is_stale(done, entry):
            flags.append("fuzzy")  # translated from an older English text, shown to tools as `#| msgid`
            found = _english_translated(root, key, done)
            previous = found[0] if found else None
        exported = f"{EXPORTED} {source_hash(done.text) if done else 'none'}"  # to tell a newer file at import
        po.append(polib.POEntry(msgctxt=key, msgid=entry.text, msgstr=done.text if done else "",
                                comment=f"{entry.note}\n{exported}", flags=flags, previous_msgid=previous,
                                occurrences=[(entry.file, str(entry.line))] + [
                                    (where, "") for where in pages_in_short(used.get(key, set()), networks)]))
    return str(po)


# The line of an entry's comment that records the translation the files held when the PO was exported.
EXPORTED = "ern-guides, translation when exported:"


def _newer_in_files(item: polib.POEntry, english: Entry, done: Entry | None) -> str | None:
    """Why importing this entry would undo work done in the files since the PO was exported, if it would."""
    if item.msgid != english.text and not item.fuzzy:
        return ("the English text has changed since this PO was exported; export again (or use --force to import "
                "it, marked out of date)")
    recorded = re.search(re.escape(EXPORTED) + r" (\w+)", item.comment or "")
    now = source_hash(done.text) if done else "none"
    if recorded and recorded.group(1) != now and done and done.text != item.msgstr:
        return (f"its translation in {done.file} was changed after this PO was exported; use --force to replace "
                "it with the PO's")
    return None


def _revision_date(root: Path, language: str) -> str:
    """When the language's texts last changed (their newest file), as PO headers write it."""
    files = list((root / GUIDES / language).glob("*.yaml"))
    newest = max((p.stat().st_mtime for p in files), default=0)
    return datetime.fromtimestamp(newest, timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


def import_po(root: Path, language: str, text: str, display: str = "the PO file", force: bool = False
              ) -> dict[str, int]:
    """Take the translations of a PO file; a fuzzy entry keeps its old fingerprint, so it stays stale. Every
    translation is checked first as `check` would (placeholders, links, list items, Markdown), and any problem
    stops the import with the PO file's line and the key: nothing is written. Returns how many texts are new,
    changed and still fuzzy."""
    known_language(root, language, "po-import")
    source, entries = english(root), translation(root, language)
    texts = {k: (e.text, e.source) for k, e in entries.items()}
    counts = {"new": 0, "changed": 0, "fuzzy": 0}
    problems: list[Problem] = []
    for item in po_entries(text, display):
        key = item.msgctxt
        if item.obsolete or key not in source or not item.msgstr:  # #~ entries: translations no longer used
            continue
        issue = entry_problem(key, {"text": item.msgstr}, is_source=False)
        if issue:
            problems.append(Problem(display, item.linenum, 1, key, issue))
            continue
        problems += check_translation(source, {key: Entry(item.msgstr, display, item.linenum)})
        previous = entries.get(key)
        newer = None if force else _newer_in_files(item, source[key], previous)
        if newer:
            problems.append(Problem(display, item.linenum, 1, key, newer))
        fingerprint = (previous.source if previous else None) if item.fuzzy else source_hash(item.msgid)
        counts["fuzzy"] += item.fuzzy
        if previous is None:
            counts["new"] += 1
        elif (previous.text, previous.source) != (item.msgstr, fingerprint):
            counts["changed"] += 1
        texts[key] = (item.msgstr, fingerprint)
    if problems:
        raise InputError(problems)
    write_language(root, language, texts)
    return counts


# A line of a PO file that holds a quoted string (`msgstr "..."`, a continuation `"..."`, a previous `#| msgid "..."`)
# and whether its string is closed: an unescaped `"` at the end of the line.
_PO_STRING = re.compile(r'^(?:#[|~]\s*)*(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"')
_PO_CLOSED = re.compile(r'(?<!\\)(?:\\\\)*"\s*$')


def po_entries(text: str, display: str) -> list[polib.POEntry]:
    """A PO file's entries; a string left unclosed (which gettext's parser would read with its last character
    dropped) or any other syntax error is refused with its line."""
    for number, line in enumerate(text.splitlines(), 1):
        if _PO_STRING.match(line) and not _PO_CLOSED.search(line[line.index('"') + 1:]):
            raise InputError([Problem(display, number, 1, "", "a quoted string is not closed on this line; end it "
                                      "with \" (write a \" inside the text as \\\")")])
    try:
        return list(polib.pofile(text))
    except (OSError, ValueError) as e:
        found = re.search(r"line (\d+)", str(e))
        raise InputError([Problem(display, int(found.group(1)) if found else 1, 1, "",
                                  f"not a PO file gettext can read: {e}")]) from None


def read_po(path: Path) -> str:
    """A PO file's text, in the charset its header declares (gettext allows others than UTF-8); what is wrong
    with it (missing, not a plain file, too big, not in its charset) in one line."""
    def refuse(reason: str) -> InputError:
        return InputError([Problem(str(path), 1, 1, "", reason)])
    raw = read_plain(path, str(path))  # a plain file of sensible size, as every input
    declared = re.search(rb"charset=([A-Za-z0-9_.:-]+)", raw[:4096])
    charset = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return raw.decode(charset)
    except LookupError:
        raise refuse(f"the header declares charset={charset}, which is not known; save the file as UTF-8") from None
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise InputError([Problem(str(path), line, 1, "", f"the header declares charset={charset}, but byte "
                                  f"0x{raw[e.start]:02x} is not {charset}; save the file as UTF-8")]) from None


def known_language(root: Path, language: str, command: str) -> None:
    """A language the project has (never a path: nothing is read or written outside guides/<language>/)."""
    known = languages_in(root)[1:]
    if not LANGUAGE_CODE.match(language) or language not in known:
        raise InputError([Problem(f"ern-guides {command}", 1, 1, "", f"expected one of the project's languages "
                                  f"({', '.join(known) or 'none yet'}), got {language!r}; start a new one with "
                                  f"ern-guides new-language CODE")])


STARTERS = {
    "glossary.yaml": "# One name per idea: the terms this language prefers, and the variants `ern-guides status` names.\n"
                     "# Add terms like: - {prefer: e-mail, avoid: [courriel]}\n[]\n",
    "typography.yaml": "# This language's typography, applied to its texts when pages are generated (see guides/fr/).\n"
                       "# Add rules like: - {space: no-break, before: ':'}\n[]\n",
}


def own_name(language: str) -> str:
    """A language's name in that language, from the Unicode CLDR (Babel): what its menu shows ("Italiano")."""
    try:
        name = babel.Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return language
    return (name[:1].upper() + name[1:]) if name else language


def new_language(root: Path, language: str) -> list[str]:
    """Create guides/<language>/ (nothing translated yet, a starter glossary and typography) and register the
    language in mkdocs.yml under its own name."""
    if not LANGUAGE_CODE.match(language):
        raise InputError([Problem("ern-guides new-language", 1, 1, "", f"expected a language code like 'it' or "
                                  f"'pt-BR', got {language!r}")])
    if (root / GUIDES / language).exists():
        raise InputError([Problem(f"{GUIDES}/{language}", 1, 1, "", "this language exists already")])
    write_language(root, language, {})
    created = [f"{GUIDES}/{language}/"]
    for name, starter in STARTERS.items():
        (root / GUIDES / language / name).write_text(starter, encoding="utf-8")
        created.append(f"{GUIDES}/{language}/{name}")
    if not (MATERIAL_LANGUAGES / f"{language}.html").exists():
        partial = root / "overrides" / "partials" / "languages" / f"{language}.html"
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(THEME_LABELS.format(language=language), encoding="utf-8")
        created.append(partial.relative_to(root).as_posix())
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = f"        - {{locale: {language}, name: {json.dumps(own_name(language), ensure_ascii=False)}, build: true}}\n"
    anchor = re.search(r"^( *)languages:\n", text[text.index("- i18n:"):], flags=re.M)
    start = text.index("- i18n:") + anchor.end()
    end = start
    while end < len(text) and re.match(r"^ {8}", text[end:]):
        end = text.index("\n", end) + 1
    config.write_text(text[:end] + line + text[end:], encoding="utf-8")
    return created + [f"mkdocs.yml: {line.strip()}"]


PSEUDO_LANGUAGE = "en-XA"
_ACCENTS = str.maketrans("aeiouycnszAEIOUYCNSZ", "áéíóúýçñšžÁÉÍÓÚÝÇÑŠŽ")
_KEEP = re.compile(PLACEHOLDER.pattern + r"|\]\([^)]*\)|<[^>]+>|\*\*|`[^`]*`")


def pseudo_text(text: str) -> str:
    """Accent every letter and make each line ~40 % longer; placeholders, link targets and Markdown are kept."""
    def accent(line: str) -> str:
        parts, last = [], 0
        for match in _KEEP.finditer(line):
            parts += [line[last:match.start()].translate(_ACCENTS), match.group()]
            last = match.end()
        parts.append(line[last:].translate(_ACCENTS))
        body = "".join(parts)
        return body + (" " + "·" * max(2, len(line) * 2 // 5) if line.strip() else "")
    return "\n".join(accent(line) for line in text.split("\n"))


def pseudo_locale(root: Path) -> str:
    """Create or refresh the pseudo-locale en-XA from the English texts, to find hard-coded text."""
    if not (root / GUIDES / PSEUDO_LANGUAGE).exists():
        new_language(root, PSEUDO_LANGUAGE)
    source = english(root)
    write_language(root, PSEUDO_LANGUAGE, {k: (pseudo_text(e.text), source_hash(e.text)) for k, e in source.items()})
    return PSEUDO_LANGUAGE
