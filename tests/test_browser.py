"""The built site in a real browser, served on 127.0.0.1."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_language_switch_lands_on_the_same_guide(page: Page, site_url: str):
    page.goto(f"{site_url}/networks/ern-rnd/")
    expect(page.locator("h1")).to_have_text("ERN-RND: how to get access to the CPMS")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/networks/ern-rnd/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("ERN-RND : comment demander un accès au CPMS")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/networks/ern-rnd/$"))
    expect(page.locator("h1")).to_have_text("ERN-RND: how to get access to the CPMS")


def test_home_page_lists_every_network_and_links_to_its_guide(page: Page, site_url: str):
    page.goto(f"{site_url}/fr/")
    links = page.locator("article table a")
    expect(links).to_have_count(24)
    page.get_by_role("link", name="Guide ReCONNET").click()
    expect(page).to_have_url(re.compile(r"/fr/networks/reconnet/$"))
    expect(page.locator("h1")).to_contain_text("ReCONNET")


def test_no_request_leaves_the_site(page: Page, site_url: str):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/networks/euracan/", "/fr/networks/reconnet/"):
        page.goto(f"{site_url}{path}")
        page.wait_for_load_state("networkidle")
    assert requested, "the pages made no request at all: the test could not have failed"
    outside = [url for url in requested if not url.startswith(site_url) and not url.startswith("data:")]
    assert outside == []


def test_guide_pages_work_under_a_strict_policy(page: Page, site_url: str):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("/", "/networks/euracan/", "/fr/networks/reconnet/"):
        page.goto(f"{site_url}{path}")
        policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        assert page.locator("script:not([src]):not([type='application/json'])").count() == 0
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }")
    assert page.evaluate("() => window.ran") is None  # inline script refused
    refused = [e for e in errors if "window.ran = 1" in e or "Content Security Policy" in e]
    assert len(refused) == 1, refused  # only our own injected script was refused
    page.goto(f"{site_url}/")
    page.locator("input[data-md-component='search-query']").click()
    page.keyboard.type("Tübingen")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    # Material also requests sitemap.xml beside each hreflang alternate (mkdocs-material#6582): those 404s
    # are tracked by the link/console checks of issue 5, not here.
    assert [e for e in errors if "Content Security Policy" in e or "Uncaught" in e] == refused
