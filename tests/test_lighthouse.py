"""Lighthouse (Google's page auditor, installed by `bash tests/run` from npm) finds nothing to fault in
accessibility, best practices or SEO on a guide, the home page and the simulator, in both languages, except
what is listed here with its reason."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from generator.printing.browser import launch_options

LIGHTHOUSE = ROOT / "build" / "tools" / "node_modules" / ".bin" / "lighthouse"
PAGES = ["/", "/fr/networks/euracan/", "/sim/index.html", "/fr/sim/organisations.html"]
# Lighthouse fetches /robots.txt from inside the page; a simulator page's policy (default-src 'none', no script
# at all) refuses that fetch, so Lighthouse reports it cannot read the robots.txt the site does publish.
# The test site is built without its address (ERN_GUIDES_SITE_URL), so its language alternates are relative, by
# design: it works at any address. With an address they are absolute (tests/test_publish.py).
TOOL_NOISE = {("/sim/", "robots-txt"), ("/", "hreflang")}


def chromium(playwright) -> str:
    own = Path(playwright.chromium.executable_path)
    return str(own) if own.exists() else launch_options(playwright)["executable_path"]


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_finds_nothing_to_fault(playwright, site_url, path):
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is missing: `bash tests/run` installs it (npm install --prefix build/tools lighthouse)")
    result = subprocess.run([str(LIGHTHOUSE), site_url + path, "--quiet", "--output=json",
                             "--only-categories=accessibility,best-practices,seo",
                             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium(playwright)})
    try:
        report = json.loads(result.stdout)
    except ValueError:
        pytest.fail(f"Lighthouse gave no report (exit {result.returncode}):\n{result.stderr[-2000:]}")
    noise = {name for where, name in TOOL_NOISE if where in path}
    failing = sorted(name for name, audit in report["audits"].items()
                     if audit.get("scoreDisplayMode") in ("binary", "numeric") and audit.get("score") is not None
                     and audit["score"] < 1 and name not in noise)
    assert failing == []
