"""Which CPMS today: CPMS 2.0, for every network, unless a source dated after 2024 says otherwise.

Every guide names today's platform and its first action within its first screen, links to the platform, and sets
up a second factor; each network keeps a page of its own on the first CPMS, which says within its first screen
that it was replaced, when and by what, and how old its evidence is; the practice, which rehearses the first
CPMS's screens, links to that page; and one data edit, with a dated source, keeps a network on the first CPMS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

import sitecheck
from conftest import ROOT, mkdocs_build, text_of_class, write_yaml
from generator import pipeline
from generator.catalogue import wizard
from generator.inputs.errors import InputError
from generator.publishing import page_scan
from test_source_facts import visible_text

LANGUAGES = ["en", "fr"]
CATALOGUE = pipeline.generate(ROOT, LANGUAGES).catalogue
FIRST_SCREEN = 900


def evidence_years(network, platform_id=None) -> set[str]:
    """The years the evidence of a page carries (written, published, read), one of which the reader must be told."""
    years = set()
    for source in (CATALOGUE.source(i) for i in CATALOGUE.evidence_of(network, platform_id)):
        day = source.published or source.published_before or source.consulted
        years.add(str(day.year))
    return years


def page_path(language: str, page: str) -> str:
    return ("" if language == "en" else f"/{language}") + f"/{page}/"


def bottom(locator) -> float:
    return locator.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_guide_names_today_s_platform_and_its_first_action_on_its_first_screen(page: Page, site_url, language):
    page.set_viewport_size({"width": 1280, "height": FIRST_SCREEN})
    for network in CATALOGUE.networks:
        platform = CATALOGUE.platform_of(network)
        page.goto(site_url + page_path(language, f"networks/{network.id}"))
        heading = page.locator("article h1")
        assert platform.name in heading.inner_text() and bottom(heading) <= FIRST_SCREEN, network.id
        first = page.locator("#overview + ol a").first
        anchor = CATALOGUE.guide_steps(network)[0][0]
        assert first.get_attribute("href") == f"#{anchor}" and bottom(first) <= FIRST_SCREEN, (language, network.id)
        url = CATALOGUE.links[platform.link].url
        assert page.locator(f'article a[href="{url}"]').count() >= 1, (network.id, url)
        assert page.locator(".ern-platform").count() == 0, network.id  # no "CPMS or CPMS 2.0?"
        setup = CATALOGUE.method(CATALOGUE.settings_of(network).recommended_verification).setup_step
        assert page.locator(f"h2#{setup}").count() == 1, (network.id, setup)
        if CATALOGUE.earlier_platform(network):
            earlier = page.locator(f'.ern-changed a[href$="first-cpms/{network.id}/"]')
            assert earlier.count() == 1 and bottom(earlier) <= FIRST_SCREEN, (language, network.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_network_keeps_its_page_on_the_first_cpms(page: Page, site_url, language):
    page.set_viewport_size({"width": 1280, "height": FIRST_SCREEN})
    kept = [n for n in CATALOGUE.networks if CATALOGUE.earlier_platform(n)]
    assert len(kept) == len(CATALOGUE.networks)  # no network has a dated source keeping it on the first CPMS
    for network in kept:
        earlier = CATALOGUE.earlier_platform(network)
        page.goto(site_url + page_path(language, f"first-cpms/{network.id}"))
        box = page.locator(".admonition.ern-platform")
        assert box.count() == 1 and bottom(box) <= FIRST_SCREEN, (language, network.id)
        text = box.inner_text()
        assert any(year in text for year in evidence_years(network, earlier)), (network.id, text)
        links = box.locator("a").evaluate_all("links => links.map(a => a.href)")
        successor = CATALOGUE.platforms[earlier].successor
        assert all(CATALOGUE.source(i).url in links for i in successor.sources), (network.id, links)
        assert site_url + page_path(language, f"networks/{network.id}") in links, (network.id, links)
        assert page.locator(f"h2#{wizard.REQUEST_STEP}").count() == 1, network.id


def test_a_guide_to_today_s_platform_shows_no_screen_of_the_first_cpms(built_site):
    for network in CATALOGUE.networks:
        for language in LANGUAGES:
            guide = built_site / (language if language != "en" else "") / "networks" / network.id / "index.html"
            body = guide.read_text(encoding="utf-8")
            assert "saas-header" not in body and "ern-platform" not in body, (language, network.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_practice_says_what_it_copies_and_from_when_and_links_the_first_cpms_pages(built_site, language):
    prefix = built_site / (language if language != "en" else "")
    practised = wizard.wizard_platform(CATALOGUE)
    front = visible_text(prefix / "practise" / "index.html")
    assert any(year in front for year in evidence_years(None, practised))
    for network in CATALOGUE.networks:
        first = (prefix / "sim" / network.id / "start.html").read_text(encoding="utf-8")
        guidance = " ".join(text_of_class(first, "sim-guidance"))
        assert any(year in guidance for year in evidence_years(network, practised)), (language, network.id)
        assert f'href="../../first-cpms/{network.id}/"' in first, (language, network.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_says_which_platform_each_guide_follows_and_from_when(built_site, language):
    home = (built_site / (language if language != "en" else "") / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", home, flags=re.S)[1:]
    assert len(rows) == len(CATALOGUE.networks)
    for network, row in zip(CATALOGUE.networks, rows):
        assert f"networks/{network.id}/" in row
        cell = re.sub(r"<[^>]+>", "", row.split("<td>")[-1])
        assert CATALOGUE.platform_of(network).name in cell and any(y in cell for y in evidence_years(network))


def _staying(project: Path, source: dict | None) -> Path:
    """ReCONNET's entry set to the first CPMS, with `source` (added to the sources) as the one that says so."""
    catalogue = project / "data" / "ern_catalogue.yaml"
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    entry = next(n for n in data["networks"] if n["id"] == "reconnet")
    earlier = next(pid for pid, p in data["platforms"].items() if p.get("successor"))
    entry["guide"]["platform"] = earlier
    if source:
        data["sources"].append(source)
        entry["sources"].append(source["id"])
        entry["guide"]["platform_source"] = source["id"]
    write_yaml(catalogue, data)
    return project


def test_one_data_edit_with_a_dated_source_keeps_a_network_on_the_first_cpms(project_copy):
    source = {"id": "reconnet-2026", "url": "https://example.eu/reconnet-cpms", "title": "CPMS access",
              "publisher": "ReCONNET", "consulted": "2026-11-30", "language": "en", "describes": "saas"}
    project = _staying(project_copy, source)
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sitecheck.read_site(site)
    domains = page_scan.allowed_domains(project, pipeline.check(project, LANGUAGES)[0])
    assert sitecheck.check_links(site, pages, domains) == []
    for language in LANGUAGES:
        folder = site / (language if language != "en" else "")
        guide = (folder / "networks" / "reconnet" / "index.html").read_text(encoding="utf-8")
        assert f'id="{wizard.REQUEST_STEP}"' in guide and "ern-changed" not in guide.split('id="overview"')[0]
        assert not (folder / "first-cpms" / "reconnet").exists()
        home = (folder / "index.html").read_text(encoding="utf-8")
        row = next(r for r in re.findall(r"<tr>(.*?)</tr>", home, flags=re.S) if "networks/reconnet/" in r)
        assert "2026" in row and "CPMS 2.0" not in row


@pytest.mark.parametrize("source, expected", [
    (None, "expected `platform_source`: the id of a source dated after 2024"),
    ({"id": "reconnet-old", "url": "https://example.eu/old", "title": "CPMS access", "publisher": "ReCONNET",
      "published": "2024-06-01", "consulted": "2024-07-01", "language": "en"},
     "expected a source dated after 2024 (`published` or `consulted`), got 'reconnet-old', dated 2024-06-01"),
])
def test_a_network_stays_on_the_first_cpms_only_by_a_source_dated_after_2024(project_copy, source, expected):
    project = _staying(project_copy, source)
    with pytest.raises(InputError) as refused:
        pipeline.check(project, ["en"])
    assert any(expected in str(problem) and "data/ern_catalogue.yaml:" in str(problem)
               for problem in refused.value.problems), refused.value.problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_which_account_comes_before_the_steps_and_leads_to_a_step_or_a_person(built_site, language):
    """Three questions, JS-free folds, before step 1: a member is sent to step 1; a reader whose hospital is not
    a member, to the network's helpdesk, told what the network's eligibility data says (here: nothing, said so);
    a reader who does not know, to the step that checks the ERN directory."""
    for network in CATALOGUE.networks:
        page = (built_site / (language if language != "en" else "") / "networks" / network.id / "index.html"
                ).read_text(encoding="utf-8")
        part = page[page.index('id="account"'):page.index('<h2 id="', page.index('id="account"') + 1)]
        first = CATALOGUE.guide_steps(network)[0][0]
        assert page.index('id="account"') < page.index(f'<h2 id="{first}"')
        folds = re.findall(r"<details class=\"question\">(.*?)</details>", part, flags=re.S)
        assert len(folds) == 3, (language, network.id)
        member, guest, unsure = folds
        assert f'href="#{first}"' in member and f'href="#{first}"' in unsure
        assert 'href="#help"' in guest and 'class="ern-source"' in guest  # the helpdesk, and why


def test_which_account_says_what_a_networks_eligibility_data_says(tmp_path):
    from conftest import copy_of_project
    project = copy_of_project(tmp_path)
    catalogue = project / "data" / "ern_catalogue.yaml"
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    entry = next(n for n in data["networks"] if n["id"] == "ithaca")
    entry["guide"]["eligibility"] = [{"category": "Collaborative Partners", "account": "guest",
                                      "source": "ithaca-cpms2"}]
    write_yaml(catalogue, data)
    result = pipeline.generate(project, LANGUAGES)
    page = result.pages["en/networks/ithaca.md"]
    part = page[page.index("{ #account }"):page.index("## 1.")]
    assert "Collaborative Partners" in part and "How to use CPMS 2.0" in part
    assert "No source we found says whether ITHACA gives accounts" not in part


@pytest.mark.parametrize("step, warned", [("cpms2-request", True), ("request-access", False)])
def test_a_note_about_a_retired_method_on_today_s_page_is_flagged_by_check(project_copy, step, warned):
    """A helpdesk's note that speaks of SMS codes, on a step of today's page (moved there, or written for the
    first CPMS): `check` warns, with the text's place; on a step of the first CPMS's page only, it is history."""
    import subprocess
    import sys
    path = project_copy / "data" / "ern_catalogue.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    network = next(n for n in data["networks"] if n.get("sources"))
    network.setdefault("guide", {}).setdefault("notes", []).append(
        {"note": "network.test.phone", "step": step, "at": "end", "source": network["sources"][0]})
    write_yaml(path, data)
    texts = project_copy / "guides" / "en" / "networks.yaml"
    texts.write_text(texts.read_text(encoding="utf-8") + "network.test.phone:\n  note: A test note.\n  text: A mobile "
                     "phone must be linked to the EU account.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project_copy, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    flagged = [line for line in result.stderr.splitlines() if "network.test.phone: " in line and "retired" in line]
    assert bool(flagged) == warned, result.stderr
    if warned:
        assert flagged[0].startswith("warning: guides/en/networks.yaml:") and "'mobile phone'" in flagged[0]
