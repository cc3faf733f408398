"""Rendering the small fixture catalogue, compared with golden Markdown.

Regenerate the golden files after an intended change with:  python -m pytest tests/test_render.py --update-golden
"""

from __future__ import annotations

from pathlib import Path

from generator.catalogue import load_catalogue
from generator.pipeline import load_texts
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
FIXTURE = Path(__file__).parent / "fixtures" / "small_catalogue.yaml"


def render_fixture() -> dict[str, str]:
    texts = load_texts(ROOT, ["en", "fr"])
    catalogue = load_catalogue(FIXTURE, "small_catalogue.yaml", texts["en"].source)
    return render_site(catalogue, texts)


def test_fixture_renders_as_golden(pytestconfig):
    pages = render_fixture()
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
    pages = render_fixture()
    beta = pages["en/networks/beta.md"]
    alpha = pages["en/networks/alpha.md"]
    assert "write your speciality" in beta and "write your speciality" not in alpha
    assert "BETA quotes **1 to 2 days** for approval" in beta and "quotes" not in alpha  # no delay invented
    assert "DE22 - Universitätsklinikum Tübingen" in beta and "saas-hospitals" not in alpha
    assert "[helpdesk@beta.example.eu](mailto:helpdesk@beta.example.eu)" in beta
    help_alpha = alpha[alpha.index("{ #help }"):]
    assert "ERN coordinator" not in help_alpha and "mailto:SANTE-ERN-CPMS-ITSUPPORT@ec.europa.eu" in help_alpha
    assert "## 1. Create your EU Login account { #eu-login }" in beta
    assert "## 1. Créer votre compte EU Login { #eu-login }" in pages["fr/networks/beta.md"]
    assert "(networks/alpha.md)" in pages["en/index.md"] and "(networks/beta.md)" in pages["fr/index.md"]


def test_guide_links_its_pdf_only_when_printed():
    texts = load_texts(ROOT, ["en", "fr"])
    catalogue = load_catalogue(FIXTURE, "small_catalogue.yaml", texts["en"].source)
    pages = render_site(catalogue, texts, frozenset({"fr/networks/beta.pdf"}))
    assert "[Télécharger ce guide en PDF (A4)](beta.pdf){ .ern-pdf }" in pages["fr/networks/beta.md"]
    assert "PDF" not in pages["en/networks/beta.md"] and "PDF" not in pages["fr/networks/alpha.md"]
