"""The real catalogue builds strictly; a broken one stops the build and loses nothing."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, fingerprint, mkdocs_build, text_of_class
from generator.cli import SCHEMA, schema_text
from generator.pipeline import generate



def test_every_network_has_a_guide_in_every_language(built_site):
    networks = generate(ROOT, ["en", "fr"]).catalogue.networks
    for network in networks:
        for prefix in ("", "fr/"):
            page = built_site / prefix / "networks" / network.id / "index.html"
            assert page.is_file(), f"missing {page}"
            assert network.short_name in page.read_text(encoding="utf-8")
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert all(f'href="networks/{n.id}/"' in home for n in networks)


def test_generated_pages_are_not_in_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [p for p in tracked if p.startswith(("build/", "site/", "docs/en/networks", "docs/fr/networks"))]


def test_broken_catalogue_stops_the_build_and_keeps_the_site(project_copy):
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    before = fingerprint(site)
    catalogue = project_copy / "data" / "ern_catalogue.yaml"
    text = catalogue.read_text(encoding="utf-8")  # a hospital code mistyped in a new first network
    assert text.count("\nnetworks:\n") == 1
    catalogue.write_text(text.replace("\nnetworks:\n", "\nnetworks:\n  - id: new\n    short_name: NEW\n    label: NEW\n"
                                      "    sources: [cpms-welcome]\n    checked: 2026-11-23\n    countries:\n"
                                      "      - country: DE\n        hospitals:\n          - {code: DE2, name: A}\n"),
                         encoding="utf-8")
    line = text[:text.index("\nnetworks:\n")].count("\n") + 11
    result = mkdocs_build(project_copy, site)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert (f"data/ern_catalogue.yaml:{line}:20: networks[0].countries[0].hospitals[0].code: expected a hospital "
            "code of two capitals and two digits like 'DE22', got 'DE2'") in output
    assert "Traceback" not in output
    assert fingerprint(site) == before


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def test_check_command(project_copy):
    ok = run_cli("check", cwd=project_copy)
    count = len(generate(ROOT, ["en", "fr"]).catalogue.networks)
    assert ok.returncode == 0 and f"{count} networks" in ok.stdout
    (project_copy / "guides" / "fr" / "site.yaml").write_text("home.heading:\n  text: Bonjour {nom}\n",
                                                              encoding="utf-8")
    broken = run_cli("check", cwd=project_copy)
    assert broken.returncode == 1
    assert "guides/fr/site.yaml:1:1: home.heading: expected placeholders none as in English, got {nom}" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_every_field_of_the_schema_says_what_it_means():
    """What an editor shows on hover: a description on every field (or on the part it refers to)."""
    schema = json.loads(schema_text())
    definitions = schema["$defs"]

    def described(spec: dict) -> bool:
        ref = spec.get("$ref") or next((s["$ref"] for s in spec.get("anyOf", []) if "$ref" in s), None)
        return "description" in spec or (ref is not None and "description" in definitions[ref.rsplit("/", 1)[-1]])

    undescribed = [f"{name}.{field}" for name, part in [("Catalogue", schema), *definitions.items()]
                   for field, spec in part.get("properties", {}).items() if not described(spec)]
    assert undescribed == []


def test_committed_schema_is_current_and_referenced():
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), "run: ern-guides schema"
    first_line = (ROOT / "data" / "ern_catalogue.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../generator/catalogue/schema.json"


def test_pdf_command_prints_a4_guides_that_the_next_build_links(project_copy, playwright):
    from generator.printing.pdf import print_guides

    [pdf] = print_guides(project_copy, ["fr"], ["reconnet"], playwright)
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 20_000
    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", content).groups())
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4 in millimetres
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    assert (site / "fr" / "networks" / "reconnet.pdf").read_bytes() == content
    assert 'href="../reconnet.pdf"' in (site / "fr" / "networks" / "reconnet" / "index.html").read_text("utf-8")
    assert "reconnet.pdf" not in (site / "networks" / "reconnet" / "index.html").read_text("utf-8")

    catalogue = project_copy / "data" / "ern_catalogue.yaml"  # a helpdesk edits after printing
    os.utime(catalogue, (pdf.stat().st_mtime + 10, pdf.stat().st_mtime + 10))
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0
    assert ("not published: build/pdf/fr/reconnet.pdf is older than the last edit of data/ern_catalogue.yaml; "
            "print the guides again with `ern-guides pdf`") in result.stderr
    assert not (site / "fr" / "networks" / "reconnet.pdf").exists()
    assert "reconnet.pdf" not in (site / "fr" / "networks" / "reconnet" / "index.html").read_text("utf-8")


def test_a_build_failing_at_the_end_keeps_the_site(project_copy):
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    before = fingerprint(site)
    (project_copy / "docs" / "en").mkdir(parents=True, exist_ok=True)
    (project_copy / "docs" / "en" / "about.md").write_text("# About\n\nSee [this](missing.md).\n", encoding="utf-8")
    result = mkdocs_build(project_copy, site)
    assert result.returncode != 0 and "missing.md" in result.stdout + result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in project_copy.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.parametrize("place", ["docs/secret.txt", "overrides/secret.txt", "build/pdf/fr/secret.pdf",
                                   "build/pdf/fr/pipe.pdf"])
def test_a_symbolic_link_or_a_pipe_where_the_site_is_built_from_is_refused_and_publishes_nothing(
        project_copy, tmp_path, place):
    """docs/, the theme's overrides/ and the printed guides in build/pdf/ are copied into the site: a link could
    publish any file of the machine that builds, a pipe would block the build. `check` finds them first."""
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    before = fingerprint(site)
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the web\n", encoding="utf-8")
    (project_copy / place).parent.mkdir(parents=True, exist_ok=True)
    if place.endswith("pipe.pdf"):
        os.mkfifo(project_copy / place)
    else:
        (project_copy / place).symlink_to(secret)
    message = f"{place}:1:1: " + ("not a plain file" if place.endswith("pipe.pdf") else "a symbolic link")
    result = mkdocs_build(project_copy, site)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert fingerprint(site) == before and "Traceback" not in result.stdout + result.stderr
    checked = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project_copy, capture_output=True,
                             text=True, timeout=60)
    assert checked.returncode == 1 and checked.stderr.startswith(message), checked.stderr


def test_two_builds_are_byte_identical(built_site, tmp_path):
    again = tmp_path / "again"
    assert mkdocs_build(ROOT, again).returncode == 0
    first, second = fingerprint(built_site), fingerprint(again)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_a_build_in_one_process_makes_the_same_site(built_site, tmp_path):
    """The simulator's pages, written by forked processes (simulator/writer.py), are those a build in one process
    writes (ERN_GUIDES_ONE_PROCESS)."""
    one = tmp_path / "one"
    assert mkdocs_build(ROOT, one, ERN_GUIDES_ONE_PROCESS="1").returncode == 0
    assert fingerprint(built_site) == fingerprint(one)


def test_each_language_has_a_search_index_of_its_own_pages(built_site):
    """Material writes one index of every language; the build keeps one per language, beside its pages."""
    english = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    french = json.loads((built_site / "fr/search/search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and french["config"]["lang"] == ["fr"]
    pages = {_location(built_site, p) for p in built_site.rglob("index.html") if "sim" not in p.parts}
    indexed = {language: {doc["location"].split("#")[0] for doc in index["docs"]}
               for language, index in (("en", english), ("fr", french))}
    assert indexed["fr"] == {page for page in pages if page.startswith("fr/")}
    assert indexed["en"] == {page for page in pages if not page.startswith("fr/")}


def test_search_finds_the_guides_words_not_the_screen_pictures(built_site, catalogue):
    """The pictures of the real screens repeat the screens' labels on every guide: kept out of the index, a search
    finds the guides' own words."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    for network in catalogue.networks:
        page = (built_site / "networks" / network.id / "index.html").read_text(encoding="utf-8")
        windows = text_of_class(page, "ern-screen__window")
        elsewhere = page
        for window in windows:
            elsewhere = elsewhere.replace(window, "")
        elsewhere = html.unescape(re.sub(r"<[^>]+>", " ", elsewhere))
        labels = {html.unescape(piece).strip() for window in windows for piece in re.split(r"<[^>]+>", window)}
        labels = {label for label in labels if len(label) >= 12 and label not in elsewhere}  # the pictures' own
        assert labels, f"no screen picture on the {network.id} guide: the test could not have failed"
        indexed = " ".join(html.unescape(doc["text"]) for doc in index["docs"]
                           if doc["location"].startswith(f"networks/{network.id}/"))
        assert sorted(label for label in labels if label in indexed) == []


def _location(site: Path, page: Path) -> str:
    """A page's address as the search index writes it: its folder, relative to the site."""
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


def test_search_never_lands_on_the_steps_kept_for_the_record(built_site):
    """What a first-CPMS page keeps of a retired sign-in method reads like instructions: a search finds none of it."""
    kept_pages = 0
    for language, prefix in (("en", ""), ("fr", "fr/")):
        index = json.loads((built_site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        for page in sorted((built_site / prefix / "first-cpms").glob("*/index.html")):
            body = page.read_text(encoding="utf-8")
            heading = re.search(r'<h2[^>]* id="kept-', body)
            if not heading:
                continue
            kept_pages += 1
            section = body[heading.start():]
            section = section[:section.find("<h2 ", 1)]
            anchors = set(re.findall(r'<h[23][^>]* id="([^"]+)"', section))
            location = _location(built_site, page)
            found = [doc["location"] for doc in index["docs"]
                     if doc["location"].split("#")[0] == location and doc["location"].partition("#")[2] in anchors]
            assert found == [], f"{language}: search lands on {found}"
    assert kept_pages, "no first-CPMS page keeps a retired method's steps: the test could not have failed"
