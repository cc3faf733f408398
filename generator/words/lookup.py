"""A language's texts, looked up and filled for a page: English shown (and marked) where a translation is
missing, marked where it may be out of date; values shown literally, never read as markup; the language's
typography applied. `texts.py` reads and checks the files; this is what pages are rendered with."""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

from generator.words.texts import (LIST_ITEM, LIST_MARKER, PLACEHOLDER_NAME, SOURCE_LANGUAGE, Entry, english_of,
                             is_stale)
from generator.words.typography import Typography

# A placeholder, and whether it stands where a link's address goes: `[text]({address})`.
FILLED = re.compile(r"(?P<target>\]\()?\{(?P<name>%s)\}" % PLACEHOLDER_NAME)
# An address the generator itself puts into a link: https, mailto, an anchor or a page of the site.
GENERATED_TARGET = re.compile(r"^(https://[^\s()<>\[\]{}\\]+|mailto:[^\s()<>@]+@[^\s()<>]+|#[\w-]+|[\w./-]+(#[\w-]+)?)$")
# The characters Markdown (with attribute lists) reads as syntax within a line, and HTML's own: in a value
# they become character references, which Markdown leaves alone and browsers show as the character itself.
_LITERAL = {ord(c): f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#!|~^"} | {ord("\n"): " ", ord("\r"): " "}
# What starts a block (a list item, a heading, a quote, a rule) when it begins a line.
_BLOCK_START = re.compile(r"^(\s*\d*)([-+=.>:])")


def literal(value: object) -> Markup:
    """A value shown exactly as written, never read as HTML or Markdown. Markup, which only the generator's
    own code makes, passes unchanged."""
    if isinstance(value, Markup):
        return value
    text = str(value).translate(_LITERAL)
    return Markup(_BLOCK_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text, count=1))


def link_target(value: object) -> Markup:
    """A link address the generator puts into a text's `[...]({placeholder})`; anything else is a bug."""
    if not GENERATED_TARGET.match(str(value)):
        raise ValueError(f"not a safe link address for a text: {str(value)!r}")
    return Markup(escape(value))


# Languages written right to left, by their primary subtag (ISO 639): their pages get dir="rtl".
RIGHT_TO_LEFT = {"ar", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"}


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"


class Texts:
    """Look up and fill the texts of one language, falling back to English for missing keys."""

    def __init__(self, language: str, entries: dict[str, Entry], source: dict[str, Entry],
                 typography: Typography | None = None) -> None:
        self.language = language
        self.entries = entries
        self.source = source
        self.typography = typography  # applied to the language's own texts, not to English shown instead
        self.missing: set[str] = set()  # shown in English, on some page
        self.stale: set[str] = set()  # translated from an older English text, on some page
        self.missing_on_page: set[str] = set()
        self.stale_on_page: set[str] = set()
        self.page = ""  # the page being rendered, language aside (e.g. "networks/ern-rnd.md", "sim/index")
        self.used: dict[str, set[str]] = {}  # key -> the pages that show it
        self._filled: dict[tuple, tuple[Markup, bool, bool]] = {}  # texts already filled, by key and values
        self._in_english: Texts | None = None  # what a text shown in English instead fills its values with

    def start_page(self, page: str) -> None:
        """Look-ups from now on are for `page` (language aside): what it shows untranslated or stale starts empty."""
        self.page = page
        self.missing_on_page.clear()
        self.stale_on_page.clear()

    def forget(self) -> None:
        """Drop what was remembered while pages were rendered (texts filled, the pages each text is on), once
        nothing will ask for it: memory then stays flat however many languages one process renders."""
        self._filled.clear()
        self.used.clear()

    def __call__(self, key: str, **values: object) -> Markup:
        self.used.setdefault(key, set()).add(self.page)
        try:  # a value's type is part of the key: a str is shown literally, the same characters as Markup are not
            remembered = (key, tuple((name, type(value), value) for name, value in sorted(values.items())))
            found = self._filled.get(remembered)
        except TypeError:  # a value that cannot be remembered (a list): filled every time
            remembered, found = None, None
        if found is None:
            found = self._fill(key, values)
            if remembered is not None:
                self._filled[remembered] = found
        text, missing, stale = found
        if missing:
            self.missing.add(key)
            self.missing_on_page.add(key)
        if stale:
            self.stale.add(key)
            self.stale_on_page.add(key)
        return text

    def quoted(self, value: str, language: str = SOURCE_LANGUAGE) -> Markup | str:
        """Words quoted as written in `language` (the live screen's labels, a network's own member categories):
        shown literally, marked as English on a page in another language. On an English page a plain value stays
        a plain string, which a text renders once for all values (see `_with_pattern`)."""
        if language == SOURCE_LANGUAGE != self.language:
            return Markup(QUOTED_START) + literal(value) + Markup(QUOTED_END)
        return value if _plain(value, None) else literal(value)

    def quoted_list(self, values: list[str]) -> Markup | str:
        """Several English words from the screen, "A, B", each quoted."""
        if self.language == SOURCE_LANGUAGE:
            return ", ".join(values)
        return Markup(", ").join(self.quoted(value) for value in values)

    def _english(self) -> Texts:
        if self._in_english is None:
            self._in_english = self if self.language == SOURCE_LANGUAGE else Texts(SOURCE_LANGUAGE, self.source,
                                                                                    self.source)
        return self._in_english

    def _fill(self, key: str, values: dict[str, object]) -> tuple[Markup, bool, bool]:
        """The filled text, whether it is English instead of a translation, whether the translation is stale."""
        entry = self.entries.get(key)
        if entry is None:
            if key not in self.source:
                raise KeyError(f"no text with key {key!r} in guides/{SOURCE_LANGUAGE}/")
            english = self._english()  # a date or a duration in it is English too (evidence.Localised)
            values = {name: value.again(english) if callable(getattr(value, "again", None)) else value
                      for name, value in values.items()}
            return _with_pattern(self.source[key], values, key, _as_english, None), True, False
        english = english_of(self.source, key) if self.language != SOURCE_LANGUAGE else None
        stale = english is not None and is_stale(entry, english)
        rules = self.typography
        labels = english.labels if english is not None else ()  # the screen's words, kept in English: marked so

        def typeset(text: Markup) -> Markup:
            text = _labels_marked(text, labels)
            return Markup(rules.apply(text)) if rules else text
        finish = (lambda text: _as_stale(typeset(text))) if stale else typeset
        return _with_pattern(entry, values, key, finish, rules), False, stale


class Filled(Markup):
    """A filled text that also knows its pattern: the same text with a stand-in for each plain value, and the
    values by stand-in. Its Markdown is then rendered once for every hospital's name (`render.inline_markdown`)."""

    pattern: Markup
    values: dict[str, str]


# A plain value: one that `literal` leaves as it is and Markdown reads as plain text wherever it stands, a letter
# first and a letter or digit last, like the stand-in put in its place (a word of letters); nor may it hold a
# character the language's typography rules change, nor start with one a word elides before. The stand-in starts
# with a consonant, so that no word elides before it.
_PLAIN = re.compile(r"[^\W\d_](?:[^\W_]|[ ,./-])*(?<=[^\W_])|[^\W\d_]")
STAND_IN = "Zernvalue%sz"


def _plain(value: object, rules: Typography | None) -> bool:
    return type(value) is str and _PLAIN.fullmatch(value) is not None and not (rules and rules.touches(value))


def _with_pattern(entry: Entry, values: dict[str, object], key: str, finish, rules: Typography | None) -> Markup:
    """The text filled and finished (typography, English marks), with its pattern where a value is plain."""
    filled = finish(fill(entry, values, key))
    stand_ins = {name: STAND_IN % chr(ord("A") + i) for i, name in enumerate(sorted(entry.placeholders))
                 if _plain(values[name], rules)}
    if not stand_ins or "ernvalue" in entry.text.lower():
        return filled
    text = Filled(filled)
    text.pattern = finish(fill(entry, values, key, stand_ins))
    text.values = {stand_in: values[name] for name, stand_in in stand_ins.items()}
    return text


# English shown on another language's page is wrapped, paragraph by paragraph, between these two private-use characters;
# `mark_english` turns them into <span lang="en" dir="ltr"> on the finished page (screen readers switch voice,
# right-to-left pages keep its punctuation in place), or drops them where no element can go (titles, attributes).
ENGLISH_START, ENGLISH_END = "\ue000", "\ue001"
# A translation made from an older English text: between these two, turned into <mark class="ern-stale">.
STALE_START, STALE_END = "\ue002", "\ue003"
# English words quoted on purpose in another language's text (the live screen's labels, a network's own words):
# <span lang="en" dir="ltr" translate="no">, read as English, never highlighted as untranslated, never machine
# translated.
QUOTED_START, QUOTED_END = "\ue004", "\ue005"
_LINE = re.compile(r"^(?P<lead>\s*(?:%s\s+)?)(?P<rest>\S.*)$" % LIST_MARKER, re.M)  # a list item's marker stays out
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_ATTRIBUTE = re.compile(r'="[^"<>]*"')


def _labels_marked(text: Markup, labels: tuple[str, ...]) -> Markup:
    """A translation with the on-screen words it keeps in English (`**Create an account**`) marked as English."""
    for label in labels:
        bold = f"**{escape(label)}**"
        text = Markup(str(text).replace(bold, f"{QUOTED_START}{bold}{QUOTED_END}"))
    return Markup(text)


def _as_english(text: Markup) -> Markup:
    """Marked as English, one mark per paragraph or list item (its marker left out), so that a right-to-left
    page shows each as one left-to-right whole, its lines in their order."""
    return _marked(text, ENGLISH_START, ENGLISH_END)


def _as_stale(text: Markup) -> Markup:
    """Marked as possibly out of date, one mark per paragraph or list item."""
    return _marked(text, STALE_START, STALE_END)


def _marked(text: Markup, start: str, end: str) -> Markup:
    """`text` between `start` and `end` marks, one pair per paragraph or list item (its marker left out)."""
    out: list[str] = []
    block: list[str] = []

    def close() -> None:
        if block:
            first = _LINE.match(block[0])
            block[0] = first["lead"] + start + first["rest"]
            block[-1] += end
            out.extend(block)
            block.clear()
    for line in str(text).split("\n"):
        if not line.strip() or LIST_ITEM.match(line):
            close()
        (block if line.strip() else out).append(line)
    close()
    return Markup("\n".join(out))


def mark_english(page: str) -> str:
    """A finished page (HTML) with its English fallback text marked as English (screen readers switch voice)
    and its possibly out-of-date translations marked (<mark>); the stylesheets make both visible."""
    if ENGLISH_START not in page and STALE_START not in page and QUOTED_START not in page:
        return page
    page = _TITLE.sub(lambda m: without_marks(m.group(0)), page)
    page = _ATTRIBUTE.sub(lambda m: without_marks(m.group(0)), page)
    return (page.replace(ENGLISH_START, '<span lang="en" dir="ltr">').replace(ENGLISH_END, "</span>")
            .replace(QUOTED_START, '<span lang="en" dir="ltr" translate="no">').replace(QUOTED_END, "</span>")
            .replace(STALE_START, '<mark class="ern-stale">').replace(STALE_END, "</mark>"))


def without_marks(text: str) -> str:
    return text.translate({ord(mark): None for mark in (ENGLISH_START, ENGLISH_END, STALE_START, STALE_END,
                                                        QUOTED_START, QUOTED_END)})


class UnknownPlaceholder(KeyError):
    """A text names a placeholder its page does not provide: a misspelt `{network}`, most often. Said at the
    text's own file and line, with the placeholder it most likely means."""

    def __init__(self, entry: Entry, key: str, unfilled: list[str], provided: set[str]) -> None:
        guesses = [close for name in unfilled for close in difflib.get_close_matches(name, provided, n=1)]
        self.entry, self.key, self.unfilled, self.provided = entry, key, unfilled, provided
        self.message = (f"{', '.join('{' + n + '}' for n in unfilled)} is not a placeholder this text's pages "
                        "provide" + (f"; did you mean {', '.join('{' + g + '}' for g in guesses)}?" if guesses else
                                     "; see the text's `note` for the placeholders it may use"))
        super().__init__(f"{entry.file}:{entry.line}: {key}: {self.message}")

    def __reduce__(self):  # raised in a forked writer of the practice's pages, it reaches the build whole
        return UnknownPlaceholder, (self.entry, self.key, self.unfilled, self.provided)


def fill(entry: Entry, values: dict[str, object], key: str, stand_ins: dict[str, str] | None = None) -> Markup:
    """Escape the text, then put the values in its placeholders: shown literally (unless already Markup),
    or as a checked address where the placeholder is a link's; a placeholder with a stand-in gets the stand-in."""
    unfilled = entry.placeholders - set(values)
    if unfilled:
        raise UnknownPlaceholder(entry, key, sorted(unfilled), set(values))

    def value(match: re.Match) -> str:
        name = match.group("name")
        if match.group("target"):
            return "](" + link_target(values[name])
        return (stand_ins or {}).get(name) or literal(values[name])
    return Markup(FILLED.sub(value, str(escape(entry.text))))
