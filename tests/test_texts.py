"""Texts: loading, translator checks, and escaping of what translators write."""

from __future__ import annotations

import html.parser
from pathlib import Path

import markdown
import pytest

from generator.inputs.errors import InputError
from generator.words.lookup import Texts, mark_english
from generator.words.texts import Entry, check_translation, load_language, source_hash

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yaml").write_text(text, encoding="utf-8")
    return folder


def load(tmp_path, text, is_source=True, lang="en"):
    return load_language(write(tmp_path / lang, text), f"guides/{lang}", is_source=is_source)


def test_every_text_has_a_note_for_translators():
    entries = load_language(ROOT / "guides" / "en", "guides/en", is_source=True)
    assert len(entries) > 100
    assert all(entry.note for entry in entries.values())


def test_french_matches_english_placeholders_and_keys():
    """What is translated agrees with the English; what is not yet is for `status`, not a failure here."""
    source = load_language(ROOT / "guides" / "en", "guides/en", is_source=True)
    french = load_language(ROOT / "guides" / "fr", "guides/fr", is_source=False)
    assert check_translation(source, french, "fr") == []


@pytest.mark.parametrize("text, is_source, expected", [
    ("home.title:\n  text: Hello\n", True,
     "guides/en/site.yaml:1:1: home.title: expected a 'note' telling translators where this text appears, got nothing"),
    ("Home Title:\n  text: Hello\n  note: x\n", True,
     "guides/en/site.yaml:1:1: Home Title: expected a text key like 'home.title', got 'Home Title'"),
    ("home.title:\n  text: Hello {{ network }}\n  note: x\n", True,
     "guides/en/site.yaml:1:1: home.title: template syntax ({{ }}, {% %}) is not allowed in texts; use {placeholder}"),
    ("home.title:\n  text: ''\n  note: x\n", True,
     "guides/en/site.yaml:1:1: home.title: expected non-empty text in 'text', got ''"),
    ("home.title:\n  text: Bonjour\n  note: x\n", False,
     "guides/en/site.yaml:1:1: home.title: unknown field 'note'; expected source and text"),
    ("home.title: Hello\n", True,
     "guides/en/site.yaml:1:13: home.title: expected a mapping with 'text' and 'note', got 'Hello'"),
])
def test_text_file_errors(tmp_path, text, is_source, expected):
    with pytest.raises(InputError) as caught:
        load(tmp_path, text, is_source)
    assert [str(p) for p in caught.value.problems] == [expected]


def test_placeholder_mismatch_and_unknown_key(tmp_path):
    source = load(tmp_path, "a.b:\n  text: Open {url} now\n  note: x\n")
    french = load(tmp_path, "a.b:\n  text: Ouvrez {lien}\na.c:\n  text: Inconnu\n", is_source=False, lang="fr")
    assert [str(p) for p in check_translation(source, french, "fr")] == [
        "guides/fr/site.yaml:1:1: a.b: expected placeholders {url} as in English, got {lien}",
        "guides/fr/site.yaml:3:1: a.c: unknown key: no English text has it",
    ]


class _Rendered(html.parser.HTMLParser):
    """The elements (with their attributes) and the visible text of a page fragment."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list]] = []
        self.text = ""
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_data(self, data):
        self.text += data


def as_published(markup: str) -> _Rendered:
    """A filled text as the site publishes it: through Markdown with mkdocs.yml's extensions."""
    return _Rendered(markdown.markdown(str(markup), extensions=["attr_list", "sane_lists", "admonition"]))


def test_text_is_escaped_and_values_too(tmp_path):
    source = load(tmp_path, "a.b:\n  text: '&lt;b onerror=x&gt;{name} &amp; **ok**'\n  note: x\n")
    t = Texts("en", source, source)
    page = as_published(t("a.b", name="<script>alert(1)</script>"))
    assert page.elements == [("p", []), ("strong", [])]
    assert page.text == "&lt;b onerror=x&gt;<script>alert(1)</script> &amp; ok"


@pytest.mark.parametrize("value", [
    "https://cpms.ern-net.eu/x)[EVIL](javascript:alert(1)",
    "[Hospital](javascript:alert(1))",
    "Campus {: onmouseover=alert(1) }",
    "{: style=position:fixed;inset:0 }",
    "[ref][evil] [evil]: javascript:alert(1)",
    "<https://evil.example.com/>",
    "![x](https://evil.example.com/x.png)",
    "*starred* _under_ `code` \\escaped ~~struck~~",
    "# Heading",
    "- item",
    "1. item",
    "> quoted",
    "!!! note",
    "&amp; &#60; &lt;",
])
def test_a_value_is_shown_exactly_as_written(tmp_path, value):
    """Catalogue values are data: at the start of a text's line or inside it, no Markdown or HTML in a
    value becomes an element or an attribute."""
    source = load(tmp_path, "a.b:\n  text: '{name} and **{name}**'\n  note: x\n")
    page = as_published(Texts("en", source, source)("a.b", name=value))
    assert page.elements == [("p", []), ("strong", [])]
    assert page.text == f"{value} and {value}"


def test_a_value_on_several_lines_stays_in_its_sentence(tmp_path):
    source = load(tmp_path, "a.b:\n  text: 'In {name}.'\n  note: x\n")
    page = as_published(Texts("en", source, source)("a.b", name="Berlin\n\n# Evil\n- list"))
    assert page.elements == [("p", [])]
    assert page.text == "In Berlin  # Evil - list."


@pytest.mark.parametrize("text, expected", [
    ("'[click](javascript:alert(1))'",
     "expected a link to https://, mailto:, #anchor or a {placeholder}, got 'javascript:alert(1)'"),
    ("'[click][evil]\n\n    [evil]: javascript:alert(1)'",
     "expected a link to https://, mailto:, #anchor or a {placeholder}, got 'javascript:alert(1)'"),
    ("'[click](https://ern-net.eu \"a title\")'",
     "a link may only have its address: [text](https://...), without spaces or a title"),
    ("'Read this {: onmouseover=alert(1) }'",
     "curly braces are only for placeholders like {network}; attribute lists such as {: ...} or { .class } "
     "are not allowed in texts"),
    ("'# A heading'",
     "Markdown that makes <h1> is not allowed in texts; use only paragraphs, **bold**, *italics*, `code`, "
     "lists and [links](https://...)"),
    ("'![logo](https://ern-net.eu/logo.png)'",
     "Markdown that makes <img> is not allowed in texts; use only paragraphs, **bold**, *italics*, `code`, "
     "lists and [links](https://...)"),
])
def test_text_markup_beyond_the_allowed_subset_is_refused(tmp_path, text, expected):
    with pytest.raises(InputError) as caught:
        load(tmp_path, f"a.b:\n  text: {text}\n  note: x\n")
    assert [p.message for p in caught.value.problems] == [expected]


def test_the_allowed_subset_is_accepted(tmp_path):
    text = "'**Bold**, *italic*, `code`, [a link](https://ern-net.eu), [mail](mailto:a@b.eu), [here]({url}):\n\n- one\n- two'"
    assert load(tmp_path, f"a.b:\n  text: {text}\n  note: x\n")["a.b"].placeholders == {"url"}


def test_missing_translation_falls_back_to_english_and_is_recorded(tmp_path):
    source = load(tmp_path, "a.b:\n  text: Hello\n  note: x\n")
    t = Texts("fr", {}, source)
    assert mark_english(str(t("a.b"))) == '<span lang="en" dir="ltr">Hello</span>'  # marked as English
    assert t.missing == {"a.b"}
    with pytest.raises(KeyError):
        t("no.such")


def test_source_hash_changes_with_the_english():
    assert source_hash("Hello") != source_hash("Hello!")
    assert len(source_hash("Hello")) == 10


@pytest.mark.parametrize("target", ["javascript:alert.call", "http://example.eu", "data:text/html,x", "JavaScript:x"])
def test_links_in_texts_must_be_safe(tmp_path, target):
    with pytest.raises(InputError) as caught:
        load(tmp_path, f"a.b:\n  text: '[click]({target}) or <{target}>'\n  note: x\n")
    assert str(caught.value.problems[0]) == (
        f"guides/en/site.yaml:1:1: a.b: expected a link to https://, mailto:, #anchor or a {{placeholder}}, got {target!r}")


@pytest.mark.parametrize("target", ["https://cpms.ern-net.eu", "mailto:helpdesk@example.eu", "#help", "{simulator}"])
def test_safe_links_in_texts_are_accepted(tmp_path, target):
    assert load(tmp_path, f"a.b:\n  text: '[click]({target})'\n  note: x\n")["a.b"].text == f"[click]({target})"


def test_english_shown_on_a_right_to_left_page_keeps_each_paragraph_and_list_item_whole():
    """An English text of several lines, shown in place of a missing Arabic one: one left-to-right mark per
    paragraph (its lines in their order, not a mark per line that the page would order right to left), one per
    list item with the item's marker outside it."""
    english = {"para": Entry("create your\nAn e-mail address: x\nso that you\npassword.", "guides/en/x.yaml", 1),
               "list": Entry("- one\n  two\n- three\n\nafter", "guides/en/x.yaml", 5)}
    arabic = Texts("ar", {}, english)
    para = mark_english(str(arabic("para")))
    assert para.count('<span lang="en" dir="ltr">') == 1 and para.endswith("password.</span>")
    listed = mark_english(str(arabic("list")))
    assert listed.count('<span lang="en" dir="ltr">') == 3
    assert listed.startswith('- <span lang="en" dir="ltr">one\n  two</span>\n- ')


def test_english_shown_instead_of_a_translation_has_english_dates_and_durations():
    """"Since 1 July 2025", not "Since 1 luglio 2025": a date or a duration put into a text shown in English
    is written in English, wherever the page's own language is."""
    from datetime import date

    from generator.guides.evidence import date_text, duration_text
    from generator.catalogue.model import Duration
    from generator.pipeline import load_texts
    from generator.words.lookup import without_marks
    texts = load_texts(Path(__file__).resolve().parent.parent, ["en", "fr"])
    en, fr = texts["en"], texts["fr"]
    french_without = Texts("fr", {k: v for k, v in fr.entries.items() if k != "guide.checked"}, fr.source, fr.typography)
    day = date(2025, 7, 1)
    assert without_marks(str(french_without("guide.checked", date=date_text(day, french_without)))) == \
        str(en("guide.checked", date=date_text(day, en)))
    assert str(fr("guide.checked", date=date_text(day, fr))) != str(en("guide.checked", date=date_text(day, en)))
    delay = Duration(max=1, unit="days")
    french_without = Texts("fr", {k: v for k, v in fr.entries.items() if k != "delay.sentence"}, fr.source)
    assert without_marks(str(french_without("delay.sentence", network="X", duration=duration_text(delay, french_without)))) \
        == str(en("delay.sentence", network="X", duration=duration_text(delay, en)))


def test_a_language_may_have_plural_forms_english_does_not():
    """Polish says "2 dni" and "5 dni" with forms English lacks (few, many): they translate the English `other`
    form, with its placeholders; a form that is not a CLDR category is an unknown key."""
    english = {"unit.days.one": Entry("{count} day", "guides/en/x.yaml", 1),
               "unit.days.other": Entry("{count} days", "guides/en/x.yaml", 2)}
    polish = {"unit.days.few": Entry("{count} dni", "guides/pl/x.yaml", 1),
              "unit.days.many": Entry("{count} dni", "guides/pl/x.yaml", 2),
              "unit.days.fw": Entry("{count} dni", "guides/pl/x.yaml", 3),
              "unit.days.other": Entry("dni", "guides/pl/x.yaml", 4)}
    problems = [f"{p.path}: {p.message}" for p in check_translation(english, polish, "pl")]
    assert problems == ["unit.days.fw: unknown key: no English text has it",
                        "unit.days.other: expected placeholders {count} as in English, got none"]
    # A form for one number only may say it in words, as msgfmt -c allows: Arabic's "one day", "two days"
    arabic = {"unit.days.one": Entry("يوم واحد", "guides/ar/x.yaml", 1),
              "unit.days.two": Entry("يومان", "guides/ar/x.yaml", 2),
              "unit.days.few": Entry("أيام", "guides/ar/x.yaml", 3)}
    assert [f"{p.path}: {p.message}" for p in check_translation(english, arabic, "ar")] == [
        "unit.days.few: expected placeholders {count} as in English, got none"]
