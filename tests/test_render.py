"""Rendering the small fixture catalogue, compared with golden Markdown.

The golden pages are rendered with every text replaced by its key and its placeholders ("⟦guide.heading⟧
{network}"): they pin what the templates and the catalogue make, not the wording of guides/<lang>/, which
helpdesks and translators edit (and which other tests check, by looking texts up). Regenerate the golden files
after an intended change of the templates with:  python -m pytest tests/test_render.py --update-golden
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.catalogue.load import load_catalogue
from generator.guides.guide import guide_for
from generator.guides.phrases import delay_sentence
from generator.guides.render import render_site
from generator.pipeline import load_texts
from generator.words.lookup import Texts
from generator.words.texts import source_hash

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
FIXTURE = Path(__file__).parent / "fixtures" / "small_catalogue.yaml"


def render_fixture() -> dict[str, str]:
    texts = load_texts(ROOT, ["en", "fr"])
    catalogue = load_catalogue(FIXTURE, "small_catalogue.yaml", texts["en"].source)
    return render_site(catalogue, texts)


def keys_only(texts: dict[str, Texts]) -> dict[str, Texts]:
    """Each language's texts as their keys and placeholders, every language complete and up to date."""
    english = {key: replace(entry, text=" ".join([f"⟦{key}⟧", *(f"{{{p}}}" for p in sorted(entry.placeholders))]))
               for key, entry in texts["en"].source.items()}
    return {language: Texts(language, english if language == "en" else
                            {key: replace(entry, source=source_hash(entry.text)) for key, entry in english.items()},
                            english) for language in texts}


def test_fixture_renders_as_golden(pytestconfig):
    texts = keys_only(load_texts(ROOT, ["en", "fr"]))
    pages = render_site(load_catalogue(FIXTURE, "small_catalogue.yaml", texts["en"].source), texts)
    if pytestconfig.getoption("--update-golden"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from tests/golden/{path}; see the module docstring"


def test_per_network_settings_reach_the_page():
    texts = load_texts(ROOT, ["en", "fr"])
    catalogue = load_catalogue(FIXTURE, "small_catalogue.yaml", texts["en"].source)
    pages = render_site(catalogue, texts)
    en, fr = texts["en"], texts["fr"]
    beta = pages["en/networks/beta.md"]
    alpha = pages["en/networks/alpha.md"]
    hint = str(en(catalogue.networks[1].guide.comment_hint))
    assert hint in beta and hint not in alpha
    delay = str(delay_sentence(catalogue.settings_of(catalogue.networks[1]).approval_delay, catalogue.networks[1], en))
    assert delay and delay in beta and str(delay_sentence(None, catalogue.networks[0], en)) == ""  # none invented
    assert "DE22 - Universitätsklinikum Tübingen" in beta and "saas-hospitals" not in alpha
    assert "[helpdesk@beta.example.eu](mailto:helpdesk@beta.example.eu)" in beta
    assert "mailto:SANTE-ERN-CPMS-ITSUPPORT@ec.europa.eu" in alpha[alpha.index("{ #help }"):]
    assert f"## 1. {en('step.eu-login.title')} {{ #eu-login }}" in beta
    assert f"## 1. {fr('step.eu-login.title')} {{ #eu-login }}" in pages["fr/networks/beta.md"]
    assert guide_for(catalogue, catalogue.networks[1]).example_hospital is not None
    assert "(networks/alpha.md)" in pages["en/index.md"] and "(networks/beta.md)" in pages["fr/index.md"]


def test_guide_links_its_pdf_only_when_printed():
    texts = load_texts(ROOT, ["en", "fr"])
    catalogue = load_catalogue(FIXTURE, "small_catalogue.yaml", texts["en"].source)
    pages = render_site(catalogue, texts, frozenset({"fr/networks/beta.pdf"}))
    assert f"[{texts['fr']('guide.pdf')}](beta.pdf){{ .ern-pdf }}" in pages["fr/networks/beta.md"]
    assert "PDF" not in pages["en/networks/beta.md"] and "PDF" not in pages["fr/networks/alpha.md"]
