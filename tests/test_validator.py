"""The W3C Nu HTML Checker (vnu.jar, run with Java) finds no error in the project's own markup, on every page
kind in every language. `bash tests/run` installs both; errors in the theme's markup are listed below, each
with its reason, and nothing else is forgiven."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from generator.catalogue import wizard
from generator.pipeline import generate

LANGUAGES = ["en", "fr"]

VNU = ROOT / "build" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HOW_TO_INSTALL = ("The W3C Nu HTML Checker is missing: `bash tests/run` installs it (npm install --prefix build/tools "
                  "vnu-jar, and Java: apt-get install -y default-jre-headless)")

# Material's own markup (its base.html and partials/nav-item.html), which we do not copy to change.
THEME_ERRORS = {
    # base.html: autocomplete="off" on the drawer and search toggles (checkboxes), so that Firefox does not
    # restore them open on Back; harmless, but not allowed on a checkbox by the HTML standard.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # partials/nav-item.html: tabindex="" on the label of a navigation section that has no page of its own.
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link"'),
}


def theme_error(message: dict) -> bool:
    return any(message["message"].startswith(text) and markup in message.get("extract", "")
               for text, markup in THEME_ERRORS)


def pages_of_every_kind(site: Path) -> list[Path]:
    """Every page outside the simulator (home, guides, practice, helpdesks, translate, 404) and, in every
    language, the first simulator page of each kind of the simulator's graph."""
    graph = wizard.build(generate(ROOT, LANGUAGES).catalogue)
    first = {}
    for node in graph.nodes.values():
        first.setdefault(node.kind, node.page or node.id)  # a hospital's screens are on its country's page
    pages = [p for p in site.rglob("*.html") if "sim" not in p.relative_to(site).parts]
    for language in LANGUAGES:
        prefix = "" if language == LANGUAGES[0] else f"{language}/"
        pages += [site / f"{prefix}{node_id}.html" for node_id in first.values()]
    return pages + [site / f"{wizard.languages_id(graph.pages()[0].id)}.html"]  # one for every language


def errors(site: Path, pages: list[Path]) -> list[str]:
    """The checker's errors on `pages`, except the theme's, one line each."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(HOW_TO_INSTALL)
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, pages)],
                            capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr)["messages"]
    except ValueError:
        pytest.fail(f"the checker gave no report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return [f"{m['url'].split(site.name, 1)[-1]}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
            for m in messages if not theme_error(m)]


def test_no_error_in_our_markup(built_site):
    pages = pages_of_every_kind(built_site)
    assert all(page.is_file() for page in pages)
    assert errors(built_site, pages) == []


def test_the_checker_finds_an_error_outside_the_theme(tmp_path):
    page = tmp_path / "site" / "page.html"
    page.parent.mkdir()
    page.write_text('<!doctype html><html lang="en"><title>x</title><p id="a">1</p><p id="a">2</p>'
                    '<label class="x" tabindex="">y</label></html>', encoding="utf-8")
    found = errors(page.parent, [page])
    assert any("Duplicate ID “a”" in line for line in found), found
    assert any("tabindex" in line for line in found), found  # forgiven only on the theme's own markup
