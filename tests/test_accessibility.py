"""axe-core (WCAG 2.1 A and AA, and its best-practice rules) finds no violation on any page kind, in any language, with or without JavaScript."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
PAGE_KINDS = {
    "home": "",
    "guide": "networks/ern-rnd/",
    "guide without a hospital list": "networks/bond/",
    "simulator screen 1": "sim/index.html",
    "wrong application": "sim/wrong-application.html",
    "organisations": "sim/organisations.html",
    "not a network": "sim/covid-19.html",
    "countries": "sim/ern-rnd/index.html",
    "hospitals": "sim/ern-rnd/de.html#h-de22",
    "screen 3": "sim/ern-rnd/de.html#step3-de22",
    "screen 4": "sim/ern-rnd/de.html#step4-de22",
    "confirmation": "sim/ern-rnd/submitted.html",
    "your path": "sim/ern-rnd/de.html#path-de22",
    "how to help translate": "translate/",
    "practise": "practise/",
    "for helpdesks": "helpdesks/",
    "not found": "404.html",
}
AXE = Axe()


def violations(page) -> list[str]:
    found = AXE.run(page, options=WCAG).response["violations"]
    return [f"{v['id']}: {node['target']}" for v in found for node in v["nodes"]]


@pytest.mark.parametrize("language", ["", "fr/"], ids=["en", "fr"])
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_violation(browser: Browser, site_url, language, path):
    page = browser.new_page()
    page.goto(f"{site_url}/{language}{path}")
    assert violations(page) == []
    page.close()


@pytest.mark.parametrize("place", ["", "#step4-de22"])
def test_no_violation_on_the_simulator_s_choice_of_languages(browser: Browser, site_url, place):
    """One page for every language (at the site's root): its list for the page, or for a place on it."""
    page = browser.new_page()
    page.goto(f"{site_url}/sim/languages/ern-rnd/de.html{place}")
    assert violations(page) == []
    page.close()


@pytest.mark.parametrize("path", ["", "networks/euracan/", "fr/networks/reconnet/"])
def test_no_violation_in_the_rendering_without_javascript(browser: Browser, site_url, path):
    """axe needs script to run, so the site's own scripts are refused instead of turning JavaScript off."""
    context = browser.new_context()
    context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    assert page.evaluate("() => typeof __md_scope") == "undefined"  # the site's scripts did not run
    assert violations(page) == []
    context.close()


@pytest.mark.parametrize("language", ["", "fr/"], ids=["en", "fr"])
def test_no_violation_with_the_search_results_open(browser: Browser, site_url, catalogue, language):
    """Highlighted terms and the result count included (Material's default accent is 4.25:1 on white)."""
    page = browser.new_page()
    page.goto(f"{site_url}/{language}networks/{catalogue.networks[0].id}/")
    page.locator("input[data-md-component='search-query']").click()
    page.keyboard.type("EU Login")
    expect(page.locator(".md-search-result__item mark").first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_be_visible()
    assert violations(page) == []
    page.close()
