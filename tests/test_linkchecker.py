"""LinkChecker (installed with the test tools) crawls the whole built site over http from its home page, in every
language and the simulator: it reaches every page but the 404 pages, every link, image, stylesheet and script it
finds answers, and it warns of nothing. External addresses are not fetched (no internet here); tests/sitecheck.py
holds them to the allowlist.

Fragments (#...) are checked by tests/sitecheck.py on every page, not by LinkChecker's AnchorCheck: it fetches and
parses a page again for every fragment linked to it, 100 s on one core for the guides of the test site alone,
against 9 s for the whole crawl without it."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from generator.printing.browser import serve

# The test server answers with a "LinkChecker" header, which lets LinkChecker go faster than its polite default
# of 10 requests a second to one host.
SETTINGS = "[checking]\nmaxrequestspersecond=1000\n"
# LinkChecker run as root goes on as user "nobody", who may not be able to read the Python it runs on (root's
# own) for the modules it loads late (its plugins, mail checks). It runs as the user who runs the tests.
LINKCHECKER = ("from linkcheck.command import linkchecker as command; "
               "command.drop_privileges = lambda: None; command.linkchecker()")
# The page no link leads to, by design: the server's answer to a missing page (one per language).
UNLINKED = "404.html"


def crawl(site: Path) -> list[dict[str, str]]:
    """LinkChecker's row for every URL it checked, crawling `site` from its home page."""
    config = site.parent / f"{site.name}.linkcheckerrc"
    config.write_text(SETTINGS, encoding="utf-8")
    with serve(site, {"LinkChecker": "test server"}) as url:
        result = subprocess.run([sys.executable, "-c", LINKCHECKER, "--config", str(config), "--no-status",
                                 "--verbose", "--output", "csv", f"{url}/"], capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))
    assert rows, f"LinkChecker checked nothing (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
    return rows


def problems(rows: list[dict[str, str]]) -> list[str]:
    """Every error and warning, one line each: what, where it is linked from, and what LinkChecker says."""
    return [f"{row['urlname']} (linked from {urlsplit(row['parentname']).path}, line {row['line']}): "
            f"{row['result']} {row['warningstring']}".strip()
            for row in rows if row["valid"] != "True" or row["warningstring"]]


def checked_paths(rows: list[dict[str, str]]) -> set[str]:
    """The site's files LinkChecker fetched, as paths from the site's root (a folder stands for its index.html)."""
    paths = {urlsplit(row["url"]).path.lstrip("/") for row in rows if row["url"].startswith("http")}
    return {p + "index.html" if p == "" or p.endswith("/") else p for p in paths}


def test_linkchecker_reaches_every_page_and_finds_nothing_broken(built_site):
    rows = crawl(built_site)
    assert problems(rows) == []
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html") if p.name != UNLINKED}
    assert sorted(pages - checked_paths(rows)) == []


def test_linkchecker_reports_a_missing_page_image_and_stylesheet(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
        '<link rel="stylesheet" href="gone.css"></head><body><a href="there.html">page</a> '
        '<a href="gone.html">page</a> <img src="gone.png" alt="x"></body></html>', encoding="utf-8")
    (site / "there.html").write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
                                     '</head><body></body></html>', encoding="utf-8")
    found = problems(crawl(site))
    assert sorted(line.split(" ")[0] for line in found) == ["gone.css", "gone.html", "gone.png"]
