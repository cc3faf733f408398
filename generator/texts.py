"""The words of the site: guides/<lang>/*.yaml, one entry per stable dotted key.

English entries carry `text` and a `note` telling translators where the text appears. Translations
carry `text` and, optionally, `source`: the hash of the English text they translate, so a translation
whose English has changed since can be found. Texts are Markdown with `{placeholder}`s; a text never
holds raw HTML: it is escaped, so nothing a translator writes can run in a reader's browser.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from generator.errors import InputError, Problem, describe
from generator.yamlsource import load

SOURCE_LANGUAGE = "en"
KEY = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
JINJA = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
LINK_TARGET = re.compile(r"\]\(\s*([^)\s]*)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s", flags=re.M)
SAFE_TARGET = re.compile(r"^(https://\S+|mailto:[^\s@]+@\S+|#[\w-]+|\{[a-z][a-z0-9_]*\})$")


@dataclass(frozen=True)
class Entry:
    text: str
    file: str
    line: int
    note: str | None = None
    source: str | None = None

    @property
    def placeholders(self) -> set[str]:
        return set(PLACEHOLDER.findall(self.text))

    @property
    def shape(self) -> tuple[int, int]:
        """What a translation must keep: how many links, and how many list items."""
        return len(LINK_TARGET.findall(self.text)), len(LIST_ITEM.findall(self.text))


def source_hash(text: str) -> str:
    """Short fingerprint of an English text, recorded by translations as `source`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def load_language(folder: Path, display: str, *, is_source: bool) -> dict[str, Entry]:
    """Read every YAML file of one language folder; `display` names the folder in messages."""
    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise InputError([Problem(display, 1, 1, "", "expected text files (*.yaml), found none")])
    for path in files:
        try:
            located = load(path, f"{display}/{path.name}")
        except InputError as e:
            problems.extend(e.problems)
            continue
        if located.data is None:
            continue
        if not isinstance(located.data, dict):
            problems.append(located.problem((), f"expected a mapping of text keys, got {describe(located.data)}"))
            continue
        for key, value in located.data.items():
            where = located.problem((key,), "")
            issue = _entry_problem(key, value, is_source)
            if issue:
                problems.append(located.problem((key,), issue))
            elif key in entries:
                first = entries[key]
                problems.append(located.problem((key,), f"duplicate key (first written in {first.file}:{first.line})"))
            else:
                entries[key] = Entry(value["text"], where.file, where.line, value.get("note"), value.get("source"))
    if problems:
        raise InputError(problems)
    return entries


def _entry_problem(key: object, value: object, is_source: bool) -> str | None:
    if not isinstance(key, str) or not KEY.match(key):
        return f"expected a text key like 'home.title', got {key!r}"
    if not isinstance(value, dict):
        wanted = "'text' and 'note'" if is_source else "'text'"
        return f"expected a mapping with {wanted}, got {describe(value)}"
    allowed = {"text", "note"} if is_source else {"text", "source"}
    unknown = sorted(set(value) - allowed)
    if unknown:
        return f"unknown field {unknown[0]!r}; expected {' and '.join(sorted(allowed))}"
    if not isinstance(value.get("text"), str) or not value["text"].strip():
        return f"expected non-empty text in 'text', got {describe(value.get('text'))}"
    if is_source and (not isinstance(value.get("note"), str) or not value["note"].strip()):
        return "expected a 'note' telling translators where this text appears, got nothing"
    if JINJA.search(value["text"]):
        return "template syntax ({{ }}, {% %}) is not allowed in texts; use {placeholder}"
    for match in LINK_TARGET.finditer(value["text"]):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if not SAFE_TARGET.match(target):
            return f"expected a link to https://, mailto:, #anchor or a {{placeholder}}, got {target!r}"
    return None


def file_for(source: dict[str, Entry], key: str, language: str = SOURCE_LANGUAGE) -> str:
    """The text file where a key belongs: a translation beside its English text (same file name); a new
    English text where most texts of its family (the part before the first dot) are, else the fullest file."""
    if key in source:
        name = source[key].file.rsplit("/", 1)[-1]
    else:
        family = key.split(".", 1)[0]
        files = Counter(e.file for k, e in source.items() if k.split(".", 1)[0] == family) or \
            Counter(e.file for e in source.values())
        name = files.most_common(1)[0][0].rsplit("/", 1)[-1] if files else "site.yaml"
    return f"guides/{language}/{name}"


def check_translation(source: dict[str, Entry], translation: dict[str, Entry]) -> list[Problem]:
    """Keys unknown to English and placeholders that differ from the English text."""
    problems = []
    for key, entry in translation.items():
        if key not in source:
            problems.append(Problem(entry.file, entry.line, 1, key, "unknown key: no English text has it"))
        elif entry.placeholders != source[key].placeholders:
            expected = ", ".join(f"{{{p}}}" for p in sorted(source[key].placeholders)) or "none"
            got = ", ".join(f"{{{p}}}" for p in sorted(entry.placeholders)) or "none"
            problems.append(Problem(entry.file, entry.line, 1, key,
                                    f"expected placeholders {expected} as in English, got {got}"))
        elif entry.shape != source[key].shape:
            (links, items), (got_links, got_items) = source[key].shape, entry.shape
            problems.append(Problem(entry.file, entry.line, 1, key, f"expected {links} link(s) and {items} list "
                                    f"item(s) as in English, got {got_links} and {got_items}"))
    return problems


class Texts:
    """Look up and fill the texts of one language, falling back to English for missing keys."""

    def __init__(self, language: str, entries: dict[str, Entry], source: dict[str, Entry]) -> None:
        self.language = language
        self.entries = entries
        self.source = source
        self.missing: set[str] = set()
        self.missing_on_page: set[str] = set()

    def __call__(self, key: str, **values: object) -> Markup:
        entry = self.entries.get(key)
        if entry is None:
            if key not in self.source:
                raise KeyError(f"no text with key {key!r} in guides/{SOURCE_LANGUAGE}/")
            self.missing.add(key)
            self.missing_on_page.add(key)
            entry = self.source[key]
        return fill(entry, values, key)


def fill(entry: Entry, values: dict[str, object], key: str) -> Markup:
    """Escape the text, then put the (escaped unless already Markup) values in its placeholders."""
    unfilled = entry.placeholders - set(values)
    if unfilled:
        raise KeyError(f"text {key!r} needs {', '.join(sorted(unfilled))}, which this page does not provide")
    body = str(escape(entry.text))
    return Markup(PLACEHOLDER.sub(lambda m: str(escape(values[m.group(1)])), body))
