"""Which CPMS today: every guide says which platform it follows and how recent its evidence is.

A guide on a platform that another is replacing says so within its first screen, with its sources, and links to
the new platform's steps in the same guide; a guide on the new platform shows no screen of the old one; the
practice says what it copies and from when; and one data edit moves a network, everything following."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

import sitecheck
from conftest import ROOT, mkdocs_build, text_of_class, write_yaml
from generator.pipeline import generate
from test_source_facts import visible_text
from test_site import allowed_domains

LANGUAGES = ["en", "fr"]
CATALOGUE = generate(ROOT, LANGUAGES).catalogue


def evidence_years(network) -> set[str]:
    """The years the evidence of a network's request carries (written, published, read), one of which the
    reader must be told."""
    years = set()
    for source in (CATALOGUE.source(i) for i in CATALOGUE.evidence_of(network)):
        day = source.published or source.published_before or source.consulted
        years.add(str(day.year))
    return years


def on(platform_has_successor: bool) -> list:
    return [n for n in CATALOGUE.networks if bool(CATALOGUE.platform_of(n).successor) == platform_has_successor]


def guide(site: Path, language: str, network_id: str) -> Path:
    return site / (language if language != "en" else "") / "networks" / network_id / "index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_guide_on_a_platform_being_replaced_says_so_in_its_first_screen(page: Page, site_url, language):
    networks = on(True)
    assert networks
    page.set_viewport_size({"width": 1280, "height": 900})
    for network in networks:
        prefix = "" if language == "en" else f"/{language}"
        page.goto(f"{site_url}{prefix}/networks/{network.id}/")
        box = page.locator(".admonition.ern-platform")
        assert box.count() == 1, network.id
        bottom = box.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
        assert bottom <= 900, f"{language}/{network.id}: the box ends at {bottom}px"
        text = box.inner_text()
        assert any(year in text for year in evidence_years(network)), (network.id, text)
        successor = CATALOGUE.platform_of(network).successor
        sources = [CATALOGUE.source(i) for i in successor.sources]
        links = box.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert all(s.url in links for s in sources), (network.id, links)
        target = [href for href in links if href.startswith("#")]
        assert len(target) == 1
        part = page.locator(target[0])
        assert part.count() == 1 and part.evaluate("e => e.tagName") == "H2"
        headings = page.locator(f"{target[0]} ~ h3").all_inner_texts()
        assert headings, f"{network.id}: no step after the new platform's heading"


def test_a_guide_on_the_new_platform_shows_no_screen_of_the_old(built_site):
    moved = on(False)
    assert {"ithaca", "metabern", "erknet", "vascern"} <= {n.id for n in moved}
    for network in moved:
        for language in LANGUAGES:
            body = guide(built_site, language, network.id).read_text(encoding="utf-8")
            assert "saas-header" not in body and "ern-platform" not in body, (language, network.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_practice_says_what_it_copies_and_from_when(built_site, language):
    prefix = built_site / (language if language != "en" else "")
    front = visible_text(prefix / "practise" / "index.html")
    assert any(year in front for year in evidence_years(None))
    for network in on(True):
        first = (prefix / "sim" / network.id / "start.html").read_text(encoding="utf-8")
        guidance = " ".join(text_of_class(first, "sim-guidance"))
        assert any(year in guidance for year in evidence_years(network)), (language, network.id)
    for network in on(False):  # no practice of a wizard the reader will not see
        assert not (prefix / "sim" / network.id / "start.html").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_says_which_platform_each_guide_follows_and_from_when(built_site, language):
    home = (built_site / (language if language != "en" else "") / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", home, flags=re.S)[1:]
    assert len(rows) == len(CATALOGUE.networks)
    for network, row in zip(CATALOGUE.networks, rows):
        assert f"networks/{network.id}/" in row
        cell = re.sub(r"<[^>]+>", "", row.split("<td>")[-1])
        assert CATALOGUE.platform_of(network).name in cell and any(y in cell for y in evidence_years(network))


def _moving() -> list:
    """A network with no facts of its own, and one whose own documents describe the old platform's path (and
    that anchors nothing in its steps)."""
    settings = CATALOGUE.settings_of
    plain = next(n for n in on(True) if not n.sources)
    documented = next(n for n in on(True) if n.sources and not (settings(n).notes or settings(n).documents
                                                              or settings(n).required_systems))
    return [plain, documented]


@pytest.mark.parametrize("network", _moving(), ids=lambda n: n.id)
def test_one_data_edit_moves_a_network_to_the_new_platform(project_copy, network):
    """A helpdesk confirms its network's platform: platform, source and checked date, and nothing else: no
    text to write (its guide says what changed in its platform's words)."""
    catalogue = project_copy / "data" / "ern_catalogue.yaml"
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    entry = next(n for n in data["networks"] if n["id"] == network.id)
    successor = CATALOGUE.platform_of(network).successor
    entry.setdefault("sources", []).extend(s for s in successor.sources if s not in entry.get("sources", []))
    entry["checked"] = successor.checked
    guide_settings = entry.setdefault("guide", {})
    guide_settings["platform"] = successor.platform
    for field in ("procedure", "example"):  # steps and screens of the old platform
        guide_settings.pop(field, None)
    write_yaml(catalogue, data)
    site = project_copy / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sitecheck.read_site(site)
    assert sitecheck.check_links(site, pages, allowed_domains()) == []
    assert sitecheck.check_languages(pages, LANGUAGES, "en") == []
    for language in LANGUAGES:
        body = guide(site, language, network.id).read_text(encoding="utf-8")
        assert "saas-header" not in body and "ern-platform" not in body
        assert visible_text(guide(site, language, network.id), only="ern-changed").strip()
        assert not (site / (language if language != "en" else "") / "sim" / network.id / "start.html").exists()
        home = (site / (language if language != "en" else "") / "index.html").read_text(encoding="utf-8")
        row = next(r for r in re.findall(r"<tr>(.*?)</tr>", home, flags=re.S) if f"networks/{network.id}/" in r)
        assert CATALOGUE.platforms[successor.platform].name in row
