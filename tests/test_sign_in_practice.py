"""The practice of the sign-in to CPMS 2.0: EU Login's choice of a verification method, as the Commission's video
and EU Login's help page show it, with JavaScript off. Each method picked says whether it will do and why, with
its sources; a password alone is refused; no retired method (SMS) is offered, and its retirement is said; every
CPMS 2.0 guide links to it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT
from generator.pipeline import generate

RESULT = generate(ROOT, ["en", "fr"])
CATALOGUE, TEXTS = RESULT.catalogue, RESULT.texts
PLATFORM = next(p for p in CATALOGUE.platforms.values() if p.sign_in_practice)
PRACTICE = PLATFORM.sign_in_practice


def prefix(language: str) -> str:
    return "" if language == "en" else f"/{language}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_method_picked_says_whether_it_will_do_with_its_sources(no_js: Page, site_url, language):
    no_js.goto(f"{site_url}{prefix(language)}/practise-sign-in/")
    said = no_js.locator(".ern-practice-said")
    expect(said.locator("visible=true")).to_have_count(0)  # nothing said before a pick
    offered = no_js.locator(".ern-practice-choice").all_inner_texts()
    assert offered == [CATALOGUE.method(i).label for i in PRACTICE.methods]
    for method_id in PRACTICE.methods:
        label = CATALOGUE.method(method_id).label
        no_js.locator(".ern-practice-choice", has_text=label).first.click()
        shown = said.locator("visible=true")
        expect(shown).to_have_count(1)
        expect(shown).to_contain_text(label)
        refused = method_id in PRACTICE.not_enough
        assert ("failure" in shown.get_attribute("class")) == refused, method_id
        sources = TEXTS["en"].source[f"practise-sign-in.method.{method_id}"].sources
        assert sources and all(CATALOGUE.source(i).title in shown.inner_text() for i in sources), method_id


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_retired_method_is_offered_and_its_retirement_is_said(built_site, language):
    page = (built_site / (language if language != "en" else "") / "practise-sign-in" / "index.html"
            ).read_text(encoding="utf-8")
    assert PRACTICE.not_enough and CATALOGUE.retired_methods
    for method in CATALOGUE.retired_methods:
        assert method.id not in PRACTICE.methods and f'href="#method-{method.id}"' not in page
        assert method.label in page.split('class="admonition warning ern-changed"')[1]


def test_every_cpms2_guide_links_to_the_practice(built_site):
    for network in CATALOGUE.networks:
        if CATALOGUE.platform_of(network) is not PLATFORM:
            continue
        for language in ("en", "fr"):
            guide = (built_site / (language if language != "en" else "") / "networks" / network.id / "index.html")
            assert 'href="../../practise-sign-in/"' in guide.read_text(encoding="utf-8"), (language, network.id)
