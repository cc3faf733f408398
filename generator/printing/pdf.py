"""`ern-guides pdf`: print every guide in every language to an A4 PDF with the browser engine the tests use.

The PDFs go to build/pdf/<lang>/<network>.pdf; the next build links each guide to its PDF.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from generator.guides.render import TEMPLATES
from generator.inputs.errors import InputError
from generator.publishing.staging import odd_files
from generator.printing.browser import launch_options, serve

PDF_DIR = "build/pdf"


def guide_url(language: str, network_id: str, default_language: str = "en") -> str:
    prefix = "" if language == default_language else f"/{language}"
    return f"{prefix}/networks/{network_id}/"


def build_site(root: Path, site: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)


def print_guides(root: Path, languages: list[str], network_ids: list[str], playwright=None) -> list[Path]:
    """Build the site, then print the guides; uses `playwright` if one is already running."""
    if playwright is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as started:
            return print_guides(root, languages, network_ids, started)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        build_site(root, Path(tmp))
        browser = playwright.chromium.launch(**launch_options(playwright))
        page = browser.new_page()
        with serve(Path(tmp)) as base:
            for language in languages:
                for network_id in network_ids:
                    target = root / PDF_DIR / language / f"{network_id}.pdf"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    page.goto(base + guide_url(language, network_id))
                    page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
                    written.append(target)
        browser.close()
    return written


def existing(root: Path) -> tuple[dict[str, bytes], list[str]]:
    """PDFs already printed and still up to date, by their path in the docs tree (`<lang>/networks/<id>.pdf`);
    and, for the log, those older than an edit of the catalogue, a text or a template (never published)."""
    inputs = [root / "data" / "ern_catalogue.yaml", *(root / "guides").glob("*/*.yaml"),
              *TEMPLATES.rglob("*.j2")]
    newest = max(inputs, key=lambda p: p.stat().st_mtime)
    edited = newest.relative_to(root).as_posix() if newest.is_relative_to(root) else newest.name
    odd = odd_files(root / PDF_DIR, PDF_DIR)
    if odd:
        raise InputError(odd)
    fresh, stale = {}, []
    for printed in sorted((root / PDF_DIR).glob("*/*.pdf")):
        if printed.stat().st_mtime >= newest.stat().st_mtime:
            fresh[f"{printed.parent.name}/networks/{printed.name}"] = printed.read_bytes()
        else:
            stale.append(f"{printed.relative_to(root).as_posix()} is older than the last edit of {edited}")
    return fresh, stale
