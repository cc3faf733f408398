"""pa11y (installed by `bash tests/run` from npm), with both its runners, axe-core and HTML_CodeSniffer (WCAG 2
AA), finds nothing in the practice's own markup: the simulator's screens (which carry no script), the sign-in
practice and the screen pictures of a network's page on the first CPMS, in both languages. What it reports of the theme's
markup is listed here with its reason; axe's "needs review" results (a colour it cannot measure over a picture or
an icon) are warnings, not failures, and tests/test_accessibility.py judges contrast with axe-core itself."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT
from test_lighthouse import chromium

PA11Y = ROOT / "build" / "tools" / "node_modules" / ".bin" / "pa11y"
PAGES = ["/sim/organisations.html", "/sim/ern-rnd/de.html", "/fr/sim/reconnet/it.html", "/sim/ern-rnd/submitted.html",
         "/practise-sign-in/", "/fr/first-cpms/reconnet/", "/first-cpms/ern-rnd/"]
# Material's markup, not ours: its search form has no submit button (it searches as one types, and without
# JavaScript it is not shown); its table-of-contents toggle, a checkbox styled away, is named by a label only
# where the page has a table of contents in the menu.
THEME = {"WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2": "form.md-search__form",
         "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name": "#__toc",
         "WCAG2AA.Principle1.Guideline1_3.1_3_1.F68": "#__toc"}


@pytest.mark.parametrize("path", PAGES)
def test_pa11y_finds_nothing_in_our_markup(playwright, site_url, tmp_path, path):
    if not PA11Y.exists():
        pytest.fail("pa11y is missing: `bash tests/run` installs it (PUPPETEER_SKIP_DOWNLOAD=true npm install "
                    "--prefix build/tools pa11y)")
    config = tmp_path / "pa11y.json"
    config.write_text(json.dumps({
        "chromeLaunchConfig": {"executablePath": chromium(playwright), "args": ["--no-sandbox", "--headless=new"]},
        "runners": ["axe", "htmlcs"], "standard": "WCAG2AA", "levelCapWhenNeedsReview": "warning"}),
                      encoding="utf-8")
    result = subprocess.run([str(PA11Y), "--config", str(config), "--reporter", "json", site_url + path],
                            capture_output=True, text=True, timeout=300)
    try:
        issues = json.loads(result.stdout)
    except ValueError:
        pytest.fail(f"pa11y gave no report (exit {result.returncode}):\n{result.stderr[-2000:]}")
    ours = [f"{i['runner']} {i['code']}: {i['selector']}: {i['message'][:120]}" for i in issues
            if i["type"] == "error" and not (i["code"] in THEME and THEME[i["code"]].split(".")[-1]
                                              in i["selector"] + i["context"])]
    assert ours == []
