"""The words of the site: guides/<lang>/*.yaml, one entry per stable dotted key.

English entries carry `text` and a `note` telling translators where the text appears. Translations
carry `text` and, optionally, `source`: the hash of the English text they translate, so a translation
whose English has changed since can be found. Texts are Markdown with `{placeholder}`s; a text never
holds raw HTML: it is escaped, and its Markdown is a small allowed subset (`markup_problem`), so nothing a
translator writes can run in a reader's browser. Looking texts up and filling them for a page: `lookup.py`.
"""

from __future__ import annotations

import functools
import hashlib
import html.parser
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import babel
import markdown
from markupsafe import escape

from generator.inputs.errors import InputError, Problem, describe
from generator.inputs.yamlsource import load
from generator.words.typography import ALLOWABLE

SOURCE_LANGUAGE = "en"
RULE_FILES = {"typography.yaml", "glossary.yaml"}  # a language folder's files that are rules, not texts
KEY = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
PLACEHOLDER_NAME = r"[a-z][a-z0-9_]*"  # the one rule for a placeholder's name, shared by every check and command
PLACEHOLDER = re.compile(r"\{(%s)\}" % PLACEHOLDER_NAME)
JINJA = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
LINK_TARGET = re.compile(r"\]\(\s*([^)\s]*)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
LIST_MARKER = r"(?:[-*+]|\d+\.)"  # what starts a list item for Python-Markdown
LIST_ITEM = re.compile(r"^\s*%s\s" % LIST_MARKER, flags=re.M)
SAFE_TARGET = re.compile(r"^(https://\S+|mailto:[^\s@]+@\S+|#[\w-]+|\{%s\})$" % PLACEHOLDER_NAME)
# What a text may use of Markdown (TRANSLATING.md says so): element -> allowed attributes.
ALLOWED_MARKUP = {"p": set(), "strong": set(), "em": set(), "code": set(), "br": set(),
                  "ul": set(), "ol": set(), "li": set(), "a": {"href"}}
SENTINEL = "ern-placeholder"


@dataclass(frozen=True)
class Entry:
    text: str
    file: str
    line: int
    note: str | None = None
    source: str | None = None  # a translation: the fingerprint of the English it translates
    sources: tuple[str, ...] = ()  # an English text: ids of the catalogue sources its facts come from
    interface: bool = False  # an English text that states no fact (a heading, a button, a date format)
    labels: tuple[str, ...] = ()  # an English text: words in bold that are on screen, kept as the screen shows them

    @property
    def placeholders(self) -> set[str]:
        return set(PLACEHOLDER.findall(self.text))

    @property
    def shape(self) -> tuple[int, int]:
        """What a translation must keep: how many links, and how many list items."""
        return len(LINK_TARGET.findall(self.text)), len(LIST_ITEM.findall(self.text))


def is_stale(translation: Entry, english: Entry) -> bool:
    """Whether a translation was not made from the current English (or was never recorded as made from it)."""
    return translation.source != source_hash(english.text)


def source_hash(text: str) -> str:
    """Short fingerprint of an English text, recorded by translations as `source`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def load_language(folder: Path, display: str, *, is_source: bool, allowed: frozenset[str] = frozenset()
                  ) -> dict[str, Entry]:
    """Read every YAML file of one language folder; `display` names the folder in messages; `allowed`, the
    invisible characters its script needs (its typography file says which)."""
    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    files = sorted(p for p in folder.glob("*.yaml") if p.name not in RULE_FILES)
    if not files:
        raise InputError([Problem(display, 1, 1, "", "expected text files (*.yaml), found none")])
    for path in files:
        try:
            located = load(path, f"{display}/{path.name}")
        except InputError as e:
            problems.extend(e.problems)
            continue
        if located.data is None and is_source:  # every page would miss its texts: say which file lost them
            problems.append(located.problem((), "expected English texts (`key:` with its `text:` and `note:`), got "
                                            "an empty file; restore it (git checkout) or delete it"))
            continue
        if located.data is None:
            continue
        if not isinstance(located.data, dict):
            problems.append(located.problem((), f"expected a mapping of text keys, got {describe(located.data)}"))
            continue
        for key, value in located.data.items():
            where = located.problem((key,), "")
            issue = entry_problem(key, value, is_source, allowed)
            if issue:
                problems.append(located.problem((key,), issue))
            elif key in entries:
                first = entries[key]
                problems.append(located.problem((key,), f"duplicate key (first written in {first.file}:{first.line})"))
            else:
                fingerprint = value.get("source")  # as written: a fingerprint of digits alone YAML reads as a number
                if fingerprint is not None and not isinstance(fingerprint, str):
                    fingerprint = located.written.get((key, "source"), str(fingerprint))
                entries[key] = Entry(value["text"], where.file, where.line, value.get("note"), fingerprint,
                                     tuple(value.get("sources", ())), value.get("interface", False),
                                     tuple(value.get("labels", ())))
    if problems:
        raise InputError(problems)
    return entries


def entry_problem(key: object, value: object, is_source: bool, invisible: frozenset[str] = frozenset()) -> str | None:
    """What is wrong with one entry of a language file, in a helpdesk's words; `invisible`: the invisible
    characters the language's script needs, which it may hold."""
    if not isinstance(key, str) or not KEY.match(key):
        return f"expected a text key like 'home.title', got {key!r}"
    if not isinstance(value, dict):
        wanted = "'text' and 'note'" if is_source else "'text'"
        return f"expected a mapping with {wanted}, got {describe(value)}"
    allowed = {"text", "note", "sources", "interface", "labels"} if is_source else {"text", "source"}
    unknown = sorted(set(value) - allowed)
    if unknown:
        return f"unknown field {unknown[0]!r}; expected {', '.join(sorted(allowed)[:-1])} and {sorted(allowed)[-1]}"
    if "sources" in value and (not isinstance(value["sources"], list) or not value["sources"]
                               or not all(isinstance(i, str) for i in value["sources"])):
        return f"expected sources as a list of source ids like [reconnet-fr], got {describe(value['sources'])}"
    if "interface" in value and value["interface"] is not True:
        return f"expected interface: true (a text that states no fact), got {describe(value['interface'])}"
    if "labels" in value and (not isinstance(value["labels"], list) or not value["labels"]
                              or not all(isinstance(label, str) for label in value["labels"])):
        return f"expected labels as a list of the words shown on screen, got {describe(value['labels'])}"
    for label in value.get("labels", []):
        if not isinstance(value.get("text"), str) or f"**{label}**" not in " ".join(value["text"].split()):
            return (f"expected the label {label!r} in bold in the text (**{label}**): labels are the words of the "
                    "live screen the text quotes")
    if value.get("sources") and value.get("interface"):
        return "expected either sources (the text states facts) or interface: true (it states none), not both"
    if not isinstance(value.get("text"), str) or not value["text"].strip():
        return f"expected non-empty text in 'text', got {describe(value.get('text'))}"
    if is_source and (not isinstance(value.get("note"), str) or not value["note"].strip()):
        return "expected a 'note' telling translators where this text appears, got nothing"
    if JINJA.search(value["text"]):
        return "template syntax ({{ }}, {% %}) is not allowed in texts; use {placeholder}"
    odd = next((found for found in UNSEEN.finditer(value["text"]) if found.group() not in invisible), None)
    if odd:
        allowable = odd.group() in ALLOWABLE.values()  # a joiner or direction mark a script may need
        return (f"an invisible or private-use character (U+{ord(odd.group()):04X}), typed or written as a YAML "
                "escape; delete it" + (" (if your language's script needs it, allow it in typography.yaml: "
                                       f"- {{allow: [U+{ord(odd.group()):04X}]}})" if allowable else ""))
    tag = HTML_TAG.search(value["text"])
    if tag:
        return (f"HTML ({tag.group()}) is not allowed in texts: it would be shown as typed; use **bold**, a new "
                "line, or [a link](https://...)")
    if len(value["text"]) > MAX_TEXT:
        return (f"the text is {len(value['text']):,} characters long; a text may have at most {MAX_TEXT:,} "
                "(split it into several texts)")
    if value["text"].count("[") > MAX_BRACKETS:
        return (f"the text holds {value['text'].count('[')} '['; a text may hold at most {MAX_BRACKETS} "
                "(a link takes one)")
    return markup_problem(value["text"])


# Limits that keep reading a text fast: Markdown's link syntax costs time growing with the square of the number of
# '[' in a text. The longest text shipped has under 800 characters and a few links.
MAX_TEXT = 4000
# Characters no text needs, however written (raw, or as a YAML escape like "\x9b", "\u2028", "\ue001"): controls
# other than tab and new line, line and paragraph separators, the private-use area the generator marks with, and
# what changes the text unseen: the soft hyphen, zero-width characters, direction marks and overrides, the byte
# order mark. (A language whose script needs a zero-width joiner or a direction mark allows it in its
# typography.yaml: `- {allow: [U+200D]}`.)
UNSEEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ue000-\uf8ff\u00ad\u200b-\u200f\u202a-\u202e"
                    "\u2060-\u2069\ufeff]")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
MAX_BRACKETS = 40


@functools.lru_cache(maxsize=None)
def markup_problem(text: str) -> str | None:
    """What in a text is more than the allowed Markdown, in the reader's words; None when it is all allowed.
    The text is rendered as the site renders it, so every form of a link (inline, reference, autolink) and
    every attribute list is judged by what it would become."""
    body = PLACEHOLDER.sub(SENTINEL, str(escape(text)))
    if "{" in body or "}" in body:
        return ("curly braces are only for placeholders like {network}; attribute lists such as "
                "{: ...} or { .class } are not allowed in texts")
    checker = _MarkupChecker()
    checker.feed(_TEXT_MARKDOWN.reset().convert(body))
    if _TEXT_MARKDOWN.references and not checker.problem:  # a page's texts are rendered together
        return ("a link definition ([name]: address) is not allowed in texts: the page's other texts could link "
                "through it; write each link in full: [text](https://...)")
    return checker.problem


MARKDOWN_EXTENSIONS = ["attr_list", "sane_lists", "admonition", "pymdownx.details"]  # mkdocs.yml's
_TEXT_MARKDOWN = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)


class _MarkupChecker(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problem: str | None = None

    def handle_starttag(self, tag, attrs):
        if self.problem:
            return
        if tag not in ALLOWED_MARKUP:
            self.problem = (f"Markdown that makes <{tag}> is not allowed in texts; use only paragraphs, **bold**, "
                            "*italics*, `code`, lists and [links](https://...)")
        elif any(name not in ALLOWED_MARKUP[tag] for name, _ in attrs) or " " in dict(attrs).get("href", ""):
            self.problem = "a link may only have its address: [text](https://...), without spaces or a title"
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href != SENTINEL and not SAFE_TARGET.match(href):
                self.problem = f"expected a link to https://, mailto:, #anchor or a {{placeholder}}, got {href!r}"


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


# The Unicode CLDR's plural categories: a text said for a count has one key per form, `unit.days.one`,
# `unit.days.other`; a language may need forms English does not (Polish `few`), translated from English `other`.
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


@functools.lru_cache(maxsize=None)
def plural_rule(language: str):
    """The language's CLDR plural rule: a count -> 'one', 'few', 'other'..."""
    try:
        return babel.Locale.parse(language.replace("-", "_")).plural_form
    except (ValueError, babel.UnknownLocaleError):  # a pseudo-language (en-XA): its base language's rules
        return babel.Locale.parse(language.split("-")[0]).plural_form


@functools.lru_cache(maxsize=None)
def counted_once(language: str) -> frozenset[str]:
    """The plural forms of a language that stand for one number only (Arabic's zero, one and two, Polish's one;
    not French's one, which is 0 and 1, nor Russian's, which is 1, 21, 31...): the only ones that may say their
    number in words and leave `{count}` out, as `msgfmt -c` allows."""
    rule, seen = plural_rule(language), {}
    for n in range(1001):
        seen.setdefault(rule(n), set()).add(n)
    return frozenset(form for form, numbers in seen.items() if len(numbers) == 1)


def plural_base(key: str) -> str | None:
    """A plural form's key without its form (`unit.days` for `unit.days.few`); None for any other key."""
    base, _, form = key.rpartition(".")
    return base if form in PLURAL_FORMS else None


def plural_families(source: dict[str, Entry]) -> set[str]:
    """The English texts said for a count, by their key without the form: those with a `one` and an `other`."""
    return {base for key in source if (base := plural_base(key)) and {f"{base}.one", f"{base}.other"} <= set(source)}


def english_of(source: dict[str, Entry], key: str) -> Entry | None:
    """The English text a key translates: its own, or for a plural form English has no text of its own for,
    the English `other` form."""
    if key in source:
        return source[key]
    base = plural_base(key)
    return source.get(f"{base}.other") if base else None


def changed_labels(english: Entry, translation: Entry) -> list[str]:
    """The on-screen labels of an English text that its translation does not keep, in bold, as they are."""
    kept = " ".join(translation.text.split())
    return [label for label in english.labels if f"**{label}**" not in kept]


def check_translation(source: dict[str, Entry], translation: dict[str, Entry], language: str) -> list[Problem]:
    """Keys unknown to English and placeholders that differ from the English text (a form said for one number
    only may leave out `{count}`, or say it where English's does not)."""
    problems = []
    for key, entry in translation.items():
        english = english_of(source, key)
        if english is None:
            problems.append(Problem(entry.file, entry.line, 1, key, "unknown key: no English text has it"))
            continue
        form = key.rpartition(".")[2] if plural_base(key) is not None else None
        loose = {"count"} if form in counted_once(language) or (form and "count" not in english.placeholders) else set()
        if entry.placeholders - loose != english.placeholders - loose:
            expected = ", ".join(f"{{{p}}}" for p in sorted(english.placeholders)) or "none"
            got = ", ".join(f"{{{p}}}" for p in sorted(entry.placeholders)) or "none"
            problems.append(Problem(entry.file, entry.line, 1, key,
                                    f"expected placeholders {expected} as in English, got {got}"))
        elif entry.shape != english.shape:
            (links, items), (got_links, got_items) = english.shape, entry.shape
            problems.append(Problem(entry.file, entry.line, 1, key, f"expected {links} link(s) and {items} list "
                                    f"item(s) as in English, got {got_links} and {got_items}"))
        elif link_targets(entry.text) != link_targets(english.text):
            expected = ", ".join(link_targets(english.text)) or "none"
            got = ", ".join(link_targets(entry.text)) or "none"
            problems.append(Problem(entry.file, entry.line, 1, key, f"expected the links of the English text "
                                    f"({expected}), got {got}: a translation links to what its English links to"))
    return problems


@functools.lru_cache(maxsize=None)
def link_targets(text: str) -> tuple[str, ...]:
    """Every address a text links to, in any Markdown form (inline, reference, autolink), sorted: rendered as
    the site renders it, placeholders kept by name."""
    names: dict[str, str] = {}  # placeholder -> the word standing in for it while rendering

    def stand_in(match: re.Match) -> str:
        return names.setdefault(match.group(0), f"ernlinkplaceholder{len(names)}z")
    body = PLACEHOLDER.sub(stand_in, str(escape(text)))
    found = re.findall(r'<a [^>]*href="([^"]*)"', _TEXT_MARKDOWN.reset().convert(body))
    targets = [html.unescape(t) for t in found]
    for placeholder, word in names.items():
        targets = [t.replace(word, placeholder) for t in targets]
    return tuple(sorted(targets))
