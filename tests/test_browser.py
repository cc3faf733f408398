"""The built site in a real browser, served on 127.0.0.1."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT
from generator.pipeline import generate
from generator.publishing.headers import HEADERS, PAGE_POLICY


def test_language_switch_lands_on_the_same_guide(page: Page, site_url: str):
    page.goto(f"{site_url}/networks/ern-rnd/")
    expect(page.locator("h1")).to_have_text("ERN-RND: how to get access to CPMS 2.0")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/networks/ern-rnd/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("ERN-RND : comment demander un accès au CPMS 2.0")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/networks/ern-rnd/$"))
    expect(page.locator("h1")).to_have_text("ERN-RND: how to get access to CPMS 2.0")


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_home_page_lists_every_network_as_the_menu_does_and_fits_a_phone(page: Page, site_url: str, prefix):
    networks = generate(ROOT, ["en", "fr"]).catalogue.networks
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site_url}{prefix}/")
    links = page.locator("article table a")
    expect(links).to_have_count(len(networks))
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == [f"networks/{n.id}/" for n in networks]  # the catalogue's order, as on the screens
    menu = page.locator("nav.md-nav--primary a[href^='networks/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert list(dict.fromkeys(menu)) == hrefs
    table = page.locator("article table")
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth"), "the table is cut off on a phone"
    links.last.click()
    expect(page).to_have_url(re.compile(rf"{prefix}/networks/{networks[-1].id}/$"))
    expect(page.locator("h1")).to_contain_text(networks[-1].short_name)


def test_no_request_leaves_the_site(page: Page, site_url: str):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/networks/euracan/", "/fr/networks/reconnet/"):
        page.goto(f"{site_url}{path}")
        page.wait_for_load_state("networkidle")
    assert requested, "the pages made no request at all: the test could not have failed"
    outside = [url for url in requested if not url.startswith(site_url) and not url.startswith("data:")]
    assert outside == []


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_search_loads_the_readers_language_only_when_they_search(page: Page, site_url: str, catalogue, prefix):
    network = catalogue.networks[-1]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}{prefix}/networks/{network.id}/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "search_index" in url] == []
    page.keyboard.press("s")  # Material's shortcut to the search field
    page.keyboard.type(network.short_name)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert [url for url in requested if "search_index" in url] == [f"{site_url}{prefix}/search/search_index.json"]
    found = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert f"{site_url}{prefix}/networks/{network.id}/" in found
    assert all(url.startswith(f"{site_url}{prefix}/") and "/fr/" not in url[len(site_url + prefix):] for url in found)


def test_guide_pages_work_under_a_strict_policy(page: Page, site_url: str, catalogue):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("/", "/networks/euracan/", "/fr/networks/reconnet/"):
        response = page.goto(f"{site_url}{path}")
        assert response.headers["content-security-policy"] == HEADERS["Content-Security-Policy"]  # as published
        policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
        assert policy == PAGE_POLICY  # what a host without headers still gets
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        assert page.locator("script:not([src]):not([type='application/json'])").count() == 0
    assert errors == []  # the pages themselves need nothing the policy refuses
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }")
    assert page.evaluate("() => window.ran") is None  # inline script refused
    assert errors and all("Content Security Policy" in e for e in errors), errors
    refused = list(errors)
    page.goto(f"{site_url}/")
    page.locator("input[data-md-component='search-query']").click()
    page.keyboard.type(catalogue.networks[0].short_name)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert errors == refused


def test_no_console_error_or_failed_request(page: Page, site_url: str):
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda response: problems.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    for path in ("/", "/fr/", "/networks/ern-rnd/", "/fr/networks/euracan/", "/translate/", "/sim/ern-rnd/de.html"):
        page.goto(f"{site_url}{path}")
        page.wait_for_load_state("networkidle")
    assert problems == []


def test_guides_are_usable_without_javascript(browser, site_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/")
    page.locator("article table a[href*='networks/euracan/']").click()
    expect(page.locator("h1")).to_have_text("EURACAN: how to get access to CPMS 2.0")
    expect(page.locator("#cpms2-request")).to_be_visible()
    page.locator("article a[href='#mobile-app']").click()  # the overview's anchor links
    expect(page).to_have_url(re.compile(r"#mobile-app$"))
    page.locator(".ern-changed a[href$='first-cpms/euracan/']").click()  # the first CPMS's page
    expect(page.locator("#request-access")).to_be_visible()
    page.locator("a.md-nav__link[href$='reconnet/']").first.click()  # the navigation, without script
    expect(page.locator("h1")).to_contain_text("ReCONNET")
    page.locator(".md-header__option .md-select").hover()  # the language menu opens with CSS alone
    page.locator("a[hreflang='fr']").first.click()
    expect(page).to_have_url(re.compile(r"/fr/networks/reconnet/$"))
    context.close()


def test_sign_in_methods_are_folds_open_on_the_guides_own_and_printed_alone(browser, site_url, catalogue):
    """Each reader needs the note of the one method they pick: the notes are folds (native <details>, no
    script), the guide's recommended method open; on paper only that one is printed, open."""
    network = next(n for n in catalogue.networks if catalogue.earlier_platform(n))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/first-cpms/{network.id}/")
    folds = page.locator("details.ern-method")
    assert folds.count() >= 2
    recommended = catalogue.method(catalogue.settings_of(network).recommended_verification).label
    expect(page.locator("details.ern-method[open] summary")).to_have_text([recommended])
    first_closed = folds.evaluate_all("ds => ds.findIndex(d => !d.open)")
    closed = folds.nth(first_closed)
    expect(closed.locator("p").first).to_be_hidden()
    closed.locator("summary").click()
    expect(closed.locator("p").first).to_be_visible()
    page.reload()
    page.emulate_media(media="print")
    printed = page.locator("details.ern-method").evaluate_all(
        "ds => ds.filter(d => d.checkVisibility()).map(d => [d.querySelector('summary').innerText.trim(), "
        "d.querySelector('p:not(.admonition-title)').checkVisibility()])")
    assert printed == [[recommended, True]]
    context.close()


def test_steps_kept_for_the_record_are_on_screen_not_on_paper(browser, site_url, catalogue):
    """A first-CPMS page keeps, below its steps, what its documents said of a retired sign-in method: on screen,
    linked from "What changed"; paper keeps today's steps, the help and the sources."""
    network = next(n for n in catalogue.networks if catalogue.earlier_platform(n))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/first-cpms/{network.id}/")
    kept = page.locator('h2[id^="kept-"]')
    expect(kept).to_have_count(1)
    link = page.locator(f'.ern-changed a[href="#{kept.get_attribute("id")}"]')
    expect(link).to_be_visible()
    expect(kept).to_be_visible()
    page.emulate_media(media="print")
    expect(kept).to_be_hidden()
    expect(link).to_be_hidden()
    shown = page.locator("article > *").evaluate_all(
        "els => { const at = els.findIndex(e => e.matches('h2[id^=\"kept-\"]'));"
        " return [els.slice(at).filter(e => e.checkVisibility()).length, els.length - at,"
        " els.slice(0, at).filter(e => e.tagName === 'H2' && e.checkVisibility()).map(e => e.id).slice(-2)] }")
    visible_kept, kept_length, before = shown
    assert kept_length > 3 and visible_kept == 0
    assert before == ["help", "sources"]
    context.close()
