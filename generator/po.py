"""Translations as gettext PO files, for the tools translators use (Poedit, Weblate...): `po-export` writes a
language's texts with their notes, places and fuzzy state; `po-import` takes them back, checked as `check` checks
the files, refusing what would undo newer work."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import polib

from generator.errors import InputError, Problem
from generator.pipeline import GUIDES
from generator.texts import Entry, check_translation, entry_problem, is_stale, source_hash
from generator.translation import (_english_translated, english, known_language, pages_in_short, translation, usage,
                                   write_language)
from generator.yamlsource import read_plain


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
