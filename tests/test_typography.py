"""A language's spacing rules (guides/<lang>/typography.yaml) are applied to its texts when pages are generated."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest

from generator.inputs.errors import InputError
from generator.words.lookup import Filled, Texts, without_marks
from generator.words.texts import Entry, load_language, source_hash
from generator.words.typography import load_typography

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PLAIN_SPACE = re.compile(r" [;:!?»]|« ")


class _TextsIn(html.parser.HTMLParser):
    """The visible text of a page in one language: text inside an element marked with another `lang` (the
    English screen pictures) is left out, as are scripts and styles."""

    def __init__(self, language: str, leaving_out: tuple[str, ...] = ()) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.left_out = ("script", "style", *leaving_out)
        self.stack: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        inherited = self.stack[-1][1] if self.stack else ""
        lang = dict(attrs).get("lang") or inherited
        self.stack.append((tag, "-" if tag in self.left_out or inherited == "-" else lang))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1][1] == self.language:
            self.text.append(data)


def plain_spaces(page: str, language: str) -> list[str]:
    parser = _TextsIn(language)
    parser.feed(page)
    text = "".join(parser.text)
    return [text[max(0, m.start() - 25):m.end() + 10] for m in PLAIN_SPACE.finditer(text)]


def test_no_plain_space_before_french_high_punctuation(built_site):
    pages = sorted((built_site / "fr").rglob("*.html"))
    assert {"sim", "networks"} <= {p.relative_to(built_site / "fr").parts[0] for p in pages}  # guides and simulator
    found = [f"{p.relative_to(built_site)}: {snippet!r}" for p in pages
             for snippet in plain_spaces(p.read_text(encoding="utf-8"), "fr")]
    assert found == []


def test_the_check_itself_finds_a_plain_space():
    page = '<html lang="fr"><p>Bonjour : vous <br><span lang="en">Step 3 : select</span> « ici »</p></html>'
    assert len(plain_spaces(page, "fr")) == 3  # " :", "« " and " »"; not the English screen's " :"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_rules_apply_to_the_languages_own_texts_not_to_english_shown_instead(tmp_path):
    english = load_language(write(tmp_path / "en", "site.yaml", "a.b:\n  text: 'Hi : you?'\n  note: x\n"
                                  "a.c:\n  text: 'Not yet : translated!'\n  note: x\n"), "guides/en", is_source=True)
    folder = write(tmp_path / "fr", "site.yaml", "a.b:\n  text: 'Salut : « toi » ; ça va ? {url}'\n"
                                                 f"  source: {source_hash('Hi : you? {url}')}\n")  # up to date
    write(folder, "typography.yaml", "- {space: narrow no-break, before: ';!?'}\n"
                                     "- {space: no-break, before: ':»'}\n- {space: no-break, after: '«'}\n")
    english["a.b"] = Entry("Hi : you? {url}", "guides/en/site.yaml", 1, "x")
    french = load_language(folder, "guides/fr", is_source=False)
    t = Texts("fr", french, english, load_typography(folder, "guides/fr"))
    assert t("a.b", url="https://x.eu/?a=b") == "Salut\u00a0: «\u00a0toi\u00a0»\u202f; ça va\u202f? https://x.eu/?a=b"
    assert without_marks(t("a.c")) == "Not yet : translated!"  # English fallback keeps English spacing


@pytest.mark.parametrize("rules, expected", [
    ("- {space: thin, before: ':'}\n",
     "guides/fr/typography.yaml:1:3: [0]: expected a rule with space: no-break or narrow no-break, got a mapping"),
    ("- {space: no-break, around: ':'}\n",
     "guides/fr/typography.yaml:1:3: [0]: expected space and before and/or after (text): before: characters that "
     "take this space before them, instead of a plain space; after: characters that take this space after them, "
     "instead of a plain space"),
    ("space: no-break\n",
     "guides/fr/typography.yaml:1:1: expected a list of rules like - {space: no-break, before: ':'}, got a mapping"),
    ("- {elide: de, before: 'AEIOU'}\n",
     "guides/fr/typography.yaml:1:3: [0]: expected an elision like - {elide: [de, que], before: 'AEIOU'}, got a mapping"),
    ("- {replace: \"'\"}\n",
     "guides/fr/typography.yaml:1:3: [0]: expected a replacement like - {replace: \"'\", with: '’'}, got a mapping"),
])
def test_a_broken_rule_is_refused_with_file_and_line(tmp_path, rules, expected):
    folder = write(tmp_path / "fr", "typography.yaml", rules)
    with pytest.raises(InputError) as caught:
        load_typography(folder, "guides/fr")
    assert [str(p) for p in caught.value.problems] == [expected]


FRENCH_SLIPS = {
    "no elision": re.compile(r"(?<![\w’'-])(?:de|que) [AEIOUYÀÂÉÈÊÎÔaeiouyàâéèêîô]"),
    "the first of a month": re.compile(r"(?<![\d])1 (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
                                       r"octobre|novembre|décembre)"),
    "a colon after 'le'": re.compile(r"(?<![^\W\d_])le[\s\u00a0\u202f]*:"),
    "a straight apostrophe": re.compile("'"),
}


def french_slips(page: str) -> list[str]:
    parser = _TextsIn("fr")
    parser.feed(page)
    text = "".join(parser.text)
    return [f"{name}: {text[max(0, m.start() - 25):m.end() + 10]!r}" for name, rule in FRENCH_SLIPS.items()
            for m in rule.finditer(text)]


def test_french_pages_elide_write_1er_and_use_typographic_apostrophes(built_site):
    pages = sorted((built_site / "fr").rglob("*.html"))
    found = [f"{p.relative_to(built_site)}: {slip}" for p in pages for slip in french_slips(p.read_text(encoding="utf-8"))]
    assert found == []


def test_the_french_check_finds_each_slip():
    page = ('<html lang="fr"><p>Le CPMS de EURACAN, vérifié le 1 juillet 2025. Vérifié le : hier. '
            "L'accès.<span lang=\"en\">Don't de EU</span></p></html>")
    assert [slip.split(":")[0] for slip in french_slips(page)] == [
        "no elision", "the first of a month", "a colon after 'le'", "a straight apostrophe"]


def test_elision_and_replacement_rules(tmp_path):
    english = load_language(write(tmp_path / "en", "site.yaml", "a.b:\n  text: 'Access to {network}'\n  note: x\n"),
                            "guides/en", is_source=True)
    folder = write(tmp_path / "fr", "site.yaml", "a.b:\n  text: \"L'accès au CPMS de {network}\"\n"
                                                 f"  source: {source_hash('Access to {network}')}\n")
    write(folder, "typography.yaml", "- {elide: [de, que], before: 'AEIOU'}\n- {replace: \"'\", with: '’'}\n")
    t = Texts("fr", load_language(folder, "guides/fr", is_source=False), english, load_typography(folder, "guides/fr"))
    assert t("a.b", network="EURACAN") == "L’accès au CPMS d’EURACAN"
    assert t("a.b", network="BOND") == "L’accès au CPMS de BOND"
    assert isinstance(t("a.b", network="BOND"), Filled)  # rendered through its pattern, the value put back
    assert not isinstance(t("a.b", network="EURACAN"), Filled)  # a name that elides what precedes it has none


def test_french_keeps_in_english_only_the_words_of_the_live_screen():
    """A French text keeps a bold English word only where its English text lists it as a label of the live
    screen (Create an account, Submit request access...), and no sentence is its English copied."""
    from generator.pipeline import load_texts
    texts = load_texts(Path(__file__).resolve().parent.parent, ["en", "fr"])
    english, french = texts["en"].source, texts["fr"].entries

    def bold(text: str) -> set[str]:
        return {" ".join(b.split()) for b in re.findall(r"\*\*(.+?)\*\*", text, re.S)}
    left = {key: sorted(b for b in bold(entry.text) & bold(english[key].text) if b not in english[key].labels
                        and "{" not in b) for key, entry in french.items() if key in english}
    assert {key: words for key, words in left.items() if words} == {}
    copied = [key for key, entry in french.items() if key in english and entry.text.strip() == english[key].text.strip()
              and len(re.findall(r"(?<!\{)\b[^\W\d_]+\b(?!\})", entry.text)) >= 4]  # "Sources" is French too
    assert copied == []


# Words of English no French sentence has: where one shows in French text, English came through unmarked.
ENGLISH_WORDS = re.compile(r"\b(the|your|and|with|you|this|click|select|choose|open)\b", re.I)


def test_french_pages_show_english_only_as_screen_labels_quotations_addresses_or_marked(built_site):
    """English on a French page: the live screens' labels (in bold), a quotation, an address, or text marked as
    English (the screen pictures, the sources' titles, a text not yet translated), which screen readers read so."""
    found = []
    for page in sorted((built_site / "fr").rglob("*.html")):
        parser = _TextsIn("fr", leaving_out=("strong", "b", "code"))
        parser.feed(page.read_text(encoding="utf-8"))
        text = re.sub(r"https?://\S+|«[^»]*»", "", " ".join(parser.text))
        found += [f"{page.relative_to(built_site)}: {text[max(0, m.start() - 30):m.end() + 20]!r}"
                  for m in ENGLISH_WORDS.finditer(text)]
    assert found == []


def test_french_pages_name_publishers_and_show_screen_labels_as_french_readers_need(built_site):
    """A publisher with a name in French is named in French ("Commission européenne", never "European
    Commission" outside marked English); the screen's labels kept in English are marked as English, bold or
    not, so that no English word is left unmarked even in bold."""
    found = []
    for page in sorted((built_site / "fr").rglob("*.html")):
        parser = _TextsIn("fr", leaving_out=("code",))
        parser.feed(page.read_text(encoding="utf-8"))
        text = re.sub(r"https?://\S+|«[^»]*»", "", " ".join(parser.text))
        found += [f"{page.relative_to(built_site)}: {text[max(0, m.start() - 30):m.end() + 20]!r}"
                  for m in re.finditer(r"European Commission|" + ENGLISH_WORDS.pattern, text, flags=re.I)]
    assert found == []


def test_a_language_may_allow_the_invisible_characters_its_script_needs(tmp_path):
    """Persian joins letters with a zero-width non-joiner: its typography file allows it, and its texts may then
    hold it; a language that does not allow it is refused it, with the fix; no file may allow what hides or
    reorders text (a right-to-left override, a zero-width space)."""
    from generator.inputs.errors import InputError
    from generator.words.texts import load_language
    from generator.words.typography import load_typography
    (tmp_path / "site.yaml").write_text("home.heading:\n  text: \"می\u200cخواهم\"\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_language(tmp_path, "guides/fa", is_source=False)
    assert "(U+200C)" in str(refused.value) and "allow it in typography.yaml: - {allow: [U+200C]}" in str(refused.value)
    (tmp_path / "typography.yaml").write_text("- {allow: [U+200C]}\n", encoding="utf-8")
    allowed = load_typography(tmp_path, "guides/fa").allowed
    assert load_language(tmp_path, "guides/fa", is_source=False, allowed=allowed)["home.heading"].text == "می\u200cخواهم"
    for hidden in ("U+202E", "U+200B", "U+FEFF"):
        (tmp_path / "typography.yaml").write_text(f"- {{allow: [{hidden}]}}\n", encoding="utf-8")
        with pytest.raises(InputError) as wrong:
            load_typography(tmp_path, "guides/fa")
        assert "expected the invisible characters the script needs" in str(wrong.value)
