"""Translations as gettext PO files, for the tools translators use (Poedit, Weblate...): `po-export` writes a
language's texts with their notes, places and fuzzy state; `po-import` takes them back, checked as `check` checks
the files, refusing what would undo newer work."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import polib

from generator.inputs.errors import InputError, Problem
from generator.inputs.yamlsource import read_plain
from generator.pipeline import GUIDES
from generator.translating.plural_forms import gettext_plurals
from generator.translating.translation import (_english_translated, allowed_characters, english, known_language,
                                               pages_in_short, translation, usage)
from generator.words.glossary import Term, load_glossary
from generator.words.texts import (PLURAL_FORMS, Entry, check_translation, english_of, entry_problem, is_stale,
                             plural_base, plural_families, source_hash)


def export_po(root: Path, language: str, keys: set[str] | None = None) -> str:
    """A language's texts as a PO file (all, or only `keys`); each entry names its English file and line and
    the pages that use it (guides by network id, the simulator, other pages). A text said for a count is one
    entry with its plural forms, as the language's Plural-Forms header counts them."""
    known_language(root, language, "po-export")
    source, entries = english(root), translation(root, language)
    used = usage(root)
    networks = len({p for pages in used.values() for p in pages if p.startswith("networks/")})
    header, forms = gettext_plurals(language)
    families = plural_families(source)
    terms = load_glossary(root / GUIDES / language, f"{GUIDES}/{language}")
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": "ERN Guides", "PO-Revision-Date": _revision_date(root, language),
                   "Last-Translator": "ERN Guides translators", "Language-Team": f"ERN Guides ({language})",
                   "Language": language, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit", "Plural-Forms": header}
    done_families: set[str] = set()
    for key, entry in source.items():
        if keys is not None and key not in keys:
            continue
        base = plural_base(key)
        if base in families:
            if base not in done_families:
                done_families.add(base)
                po.append(_plural_entry(root, base, source, entries, forms, used, networks))
            continue
        done = entries.get(key)
        flags = ["python-brace-format"] if entry.placeholders else []
        previous = None
        if done and is_stale(done, entry):
            flags.append("fuzzy")  # translated from an older English text, shown to tools as `#| msgid`
            found = _english_translated(root, key, done)
            previous = found[0] if found else None
        exported = f"{EXPORTED} {source_hash(done.text) if done else 'none'}"  # to tell a newer file at import
        comment = "\n".join([entry.note, *_guidance(entry, done, terms), exported])
        po.append(polib.POEntry(msgctxt=key, msgid=entry.text, msgstr=done.text if done else "",
                                comment=comment, flags=flags, previous_msgid=previous,
                                occurrences=[(entry.file, str(entry.line))] + [
                                    (where, "") for where in pages_in_short(used.get(key, set()), networks)]))
    return str(po)


def _guidance(entry: Entry, done: Entry | None, terms: list[Term]) -> list[str]:
    """What a translator must keep: the words of the live screen the text quotes, and the glossary's terms
    its translation uses."""
    lines = [f"On screen, keep in English, in bold: {'; '.join(entry.labels)}"] if entry.labels else []
    used = [term for term in terms if done and any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", done.text, re.I)
                                                    for word in (term.prefer, *term.avoid))]
    return lines + [f"Glossary: {term.prefer} (not: {', '.join(term.avoid)})" for term in used]


def _plural_entry(root: Path, base: str, source: dict[str, Entry], entries: dict[str, Entry], forms: list[str],
                  used: dict[str, set[str]], networks: int) -> polib.POEntry:
    """One text said for a count: the English singular and plural, and a msgstr for each of the language's
    forms (msgstr[i] is the CLDR form `forms[i]`, its key `<base>.<form>`)."""
    one, other = source[f"{base}.one"], source[f"{base}.other"]
    done = {form: entries.get(f"{base}.{form}") for form in dict.fromkeys(forms)}
    stale = any(d and is_stale(d, english_of(source, f"{base}.{form}")) for form, d in done.items())
    recorded = " ".join(f"{form}={source_hash(d.text) if d else 'none'}" for form, d in done.items())
    pages = set().union(*(used.get(f"{base}.{form}", set()) for form in PLURAL_FORMS))
    return polib.POEntry(
        msgctxt=base, msgid=one.text, msgid_plural=other.text,
        msgstr_plural={i: (done[form].text if done[form] else "") for i, form in enumerate(forms)},
        comment=f"{other.note}\n{EXPORTED} {recorded}",
        flags=["python-brace-format"] + (["fuzzy"] if stale else []),
        occurrences=[(other.file, str(other.line))] + [(where, "") for where in pages_in_short(pages, networks)])


# The line of an entry's comment that records the translation the files held when the PO was exported: its
# fingerprint, or, for a text said for a count, `<form>=<fingerprint>` for each form.
EXPORTED = "ern-guides, translation when exported:"


def _newer_in_files(unit: _Unit, english: Entry, done: Entry | None) -> str | None:
    """Why importing this text would undo work done in the files since the PO was exported, if it would."""
    if unit.msgid != english.text and not unit.fuzzy:
        return ("the English text has changed since this PO was exported; export again (or use --force to import "
                "it, marked out of date)")
    now = source_hash(done.text) if done else "none"
    if unit.recorded and unit.recorded != now and done and done.text != unit.msgstr:
        return (f"its translation in {done.file} was changed after this PO was exported; use --force to replace "
                "it with the PO's")
    return None


def _revision_date(root: Path, language: str) -> str:
    """When the language's texts last changed (their newest file), as PO headers write it."""
    files = list((root / GUIDES / language).glob("*.yaml"))
    newest = max((p.stat().st_mtime for p in files), default=0)
    return datetime.fromtimestamp(newest, timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


@dataclass(frozen=True)
class _Unit:
    """One text of a PO entry: a plain entry has one, a plural entry one per form."""
    key: str
    msgid: str  # the English it translates, as the PO has it
    msgstr: str
    fuzzy: bool
    recorded: str | None  # the fingerprint of the translation the files held at export
    line: int


def _units(item: polib.POEntry, forms: list[str], lines: list[str]) -> list[_Unit]:
    """The texts of one PO entry, each with the line of its `msgstr` (where a translator fixes it). A form
    beyond the language's has the key of no text (its form `msgstr[i]`), which the import refuses."""
    comment = item.comment or ""
    if not item.msgid_plural:
        recorded = re.search(re.escape(EXPORTED) + r" (\w+)\s*$", comment, re.M)
        return [_Unit(item.msgctxt, item.msgid, item.msgstr, item.fuzzy, recorded and recorded.group(1),
                      _line_of(lines, item.linenum, "msgstr"))]
    units = []
    for i, text in sorted(item.msgstr_plural.items(), key=lambda found: int(found[0])):
        form = forms[int(i)] if int(i) < len(forms) else f"msgstr[{i}]"
        recorded = re.search(rf"\b{form}=(\w+)", comment)
        units.append(_Unit(f"{item.msgctxt}.{form}", item.msgid if form == "one" else item.msgid_plural, text,
                           item.fuzzy, recorded and recorded.group(1),
                           _line_of(lines, item.linenum, f"msgstr[{i}]")))
    return units


def _line_of(lines: list[str], start: int, field: str) -> int:
    """The line (1-based) of an entry's `field` (msgstr, msgstr[1]), from the entry's first line on."""
    return next((n for n in range(start, len(lines) + 1) if lines[n - 1].startswith(field + " ")
                 or lines[n - 1].startswith(field + '"')), start)


@dataclass
class Import:
    """What a PO file would change in a language's files, found before anything is written."""
    texts: dict[str, tuple[str, str | None]]  # every translation (text, fingerprint) as the files would hold it
    new: list[tuple[str, str]] = field(default_factory=list)  # (key, text)
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (key, before, after); same text: restamped
    fuzzy: int = 0
    alone: int = 0  # translations of the PO that are already in the files as they are
    warnings: list[str] = field(default_factory=list)


def plan_import(root: Path, language: str, text: str, display: str = "the PO file", force: bool = False) -> Import:
    """What taking the translations of a PO file would change. A fuzzy entry is stored stale (its old
    fingerprint if the translation was stale already, else none) until a translator unmarks it. Every translation
    is checked first as `check` would (placeholders, links, list items, Markdown), and any problem stops the
    import with the PO file's line and the key. A plural entry's forms are the language's (its Plural-Forms
    header must say so)."""
    known_language(root, language, "po-import")
    source, entries = english(root), translation(root, language)
    header, forms = gettext_plurals(language)
    po_file = po_entries(text, display)
    items, lines = list(po_file), text.splitlines()
    named = (po_file.metadata.get("Language") or "").strip()
    if named and named.replace("_", "-").lower() != language.lower():
        raise InputError([Problem(display, 1, 1, "", f"the header says Language: {named}, but this is an import "
                                  f"into {language!r}: import it as {named.replace('_', '-')}, or export the right "
                                  "file; nothing was imported")])
    warnings = [] if named else [f"{display}: the header names no Language; imported as {language!r}, as asked "
                                 "(set it in your tool so that a file of another language is refused)"]
    declared = po_file.metadata.get("Plural-Forms")
    if declared and any(item.msgid_plural for item in items) and _nplurals(declared) != _nplurals(header):
        raise InputError([Problem(display, 1, 1, "", f"the header says Plural-Forms: {declared}, but "
                                  f"{language} has {_nplurals(header)} forms ({header}); set it so in your tool")])
    planned = Import({k: (e.text, e.source) for k, e in entries.items()}, warnings=warnings)
    allowed = allowed_characters(root, language)
    problems: list[Problem] = []
    for item in items:
        if item.obsolete:  # #~ entries: translations no longer used
            continue
        for unit in _units(item, forms, lines):
            english_text = english_of(source, unit.key)
            if not unit.msgstr:
                continue
            if english_text is None:  # nothing in silence: what cannot be written stops the import
                problems.append(Problem(display, unit.line, 1, unit.key, (
                    f"{language} has {len(forms)} plural form(s) ({', '.join(forms)}): this form has no place; "
                    "set your tool's plural forms to the header's" if "msgstr[" in unit.key else
                    "no English text has this key (removed since the export?): export again, or mark the entry "
                    "obsolete in your tool")))
                continue
            issue = entry_problem(unit.key, {"text": unit.msgstr}, is_source=False, invisible=allowed)
            if issue:
                problems.append(Problem(display, unit.line, 1, unit.key, issue))
                continue
            problems += check_translation(source, {unit.key: Entry(unit.msgstr, display, unit.line)}, language)
            previous = entries.get(unit.key)
            newer = None if force else _newer_in_files(unit, english_text, previous)
            if newer:
                problems.append(Problem(display, unit.line, 1, unit.key, newer))
            fingerprint = source_hash(unit.msgid)
            if unit.fuzzy:  # unreviewed: stale, whatever it changes
                planned.fuzzy += 1
                fingerprint = previous.source if previous and is_stale(previous, english_text) else None
            if previous is None:
                planned.new.append((unit.key, unit.msgstr))
            elif (previous.text, previous.source) != (unit.msgstr, fingerprint):
                planned.changed.append((unit.key, previous.text, unit.msgstr))
            else:
                planned.alone += 1
            planned.texts[unit.key] = (unit.msgstr, fingerprint)
    if problems:
        raise InputError(problems)
    return planned


def _nplurals(header: str) -> str | None:
    found = re.search(r"nplurals\s*=\s*(\d+)", header)
    return found.group(1) if found else None


# A line of a PO file that holds a quoted string (`msgstr "..."`, a continuation `"..."`, a previous `#| msgid "..."`)
# and whether its string is closed: an unescaped `"` at the end of the line.
_PO_STRING = re.compile(r'^(?:#[|~]\s*)*(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"')
_PO_CLOSED = re.compile(r'(?<!\\)(?:\\\\)*"\s*$')


def po_entries(text: str, display: str) -> polib.POFile:
    """A PO file (its entries and header); a string left unclosed (which gettext's parser would read with its last character
    dropped) or any other syntax error is refused with its line."""
    for number, line in enumerate(text.splitlines(), 1):
        if _PO_STRING.match(line) and not _PO_CLOSED.search(line[line.index('"') + 1:]):
            raise InputError([Problem(display, number, 1, "", "a quoted string is not closed on this line; end it "
                                      "with \" (write a \" inside the text as \\\")")])
    try:
        return polib.pofile(text)
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
    if charset.lower().replace("_", "-") not in ("utf-8", "utf8") and not raw.isascii():
        try:  # text in UTF-8 under another charset's name reads, byte by byte, as other letters: "ktÃ³rzy"
            raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            line = raw[:next(i for i, byte in enumerate(raw) if byte > 127)].count(b"\n") + 1
            raise InputError([Problem(str(path), line, 1, "", f"the header declares charset={charset}, but the "
                                      "file is written in UTF-8 (its letters would be misread); set the header to "
                                      "charset=UTF-8 in your tool, or save the file in the charset it declares")])
    try:
        return raw.decode(charset)
    except LookupError:
        raise refuse(f"the header declares charset={charset}, which is not known; save the file as UTF-8") from None
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise InputError([Problem(str(path), line, 1, "", f"the header declares charset={charset}, but byte "
                                  f"0x{raw[e.start]:02x} is not {charset}; save the file as UTF-8")]) from None
