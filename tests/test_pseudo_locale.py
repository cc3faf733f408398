"""The pseudo-locale build: no page of en-XA shows an English text of guides/en untransformed.

Exception, by design: the screens themselves (elements marked lang="en"), whose labels stay English as on the
real screens, and labels quoted in **bold** or "quotes" in the texts.
"""

from __future__ import annotations

import html.parser
import re
import subprocess
import sys

import yaml

from generator.words.texts import PLACEHOLDER_NAME, load_language

MIN_LENGTH = 16  # shorter fragments ("Open", "Guide") are too common to attribute


def catalogue_strings(project) -> list[str]:
    """Every text of the catalogue: data, shown as written in every language (a network's label, say)."""
    found: list[str] = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    walk(yaml.safe_load((project / "data" / "ern_catalogue.yaml").read_text(encoding="utf-8")))
    return found


def english_fragments(project) -> set[str]:
    """Pieces of the English texts, long enough to attribute, that are not also catalogue data."""
    data = catalogue_strings(project)
    fragments = set()
    for entry in load_language(project / "guides" / "en", "guides/en", is_source=True).values():
        # on-screen labels, English on purpose, are quoted in **bold** or "quotes" (see guides/en/steps.yaml);
        # `code` (a command) stays as typed in every language
        text = re.sub(r"\*\*[^*]+\*\*|\"[^\"]*\"|`[^`]*`", "\n", entry.text)
        for piece in re.split(r"\{%s\}|\]\([^)]*\)|[\[\]\n`\"]" % PLACEHOLDER_NAME, text):
            piece = re.sub(r"\s+", " ", piece).strip(" .,:;()-–—")
            if len(piece) >= MIN_LENGTH and " " in piece and not any(piece in value for value in data):
                fragments.add(piece)
    return fragments


class _OwnLanguageText(html.parser.HTMLParser):
    """The text of a page outside script, style and elements marked lang="en"."""

    VOID = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.skipping or tag in ("script", "style") or dict(attrs).get("lang") == "en":
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(page) -> str:
    parser = _OwnLanguageText()
    parser.feed(page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def test_pseudo_locale_shows_no_untransformed_english(project_copy):
    for command in (["pseudo-locale"],):
        subprocess.run([sys.executable, "-m", "generator", *command], cwd=project_copy, check=True, capture_output=True)
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project_copy, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    pages = sorted((project_copy / "site" / "en-XA").rglob("*.html"))
    assert {"sim", "networks"} <= {p.relative_to(project_copy / "site" / "en-XA").parts[0] for p in pages}
    fragments = english_fragments(project_copy)
    assert len(fragments) > 150
    leaks = {}
    for page in pages:
        text = visible_text(page)
        found = [f for f in fragments if f in text]
        if found:
            leaks[str(page.relative_to(project_copy / "site"))] = found[:3]
    assert leaks == {}
    guide = visible_text(project_copy / "site" / "en-XA" / "networks" / "ern-rnd" / "index.html")
    assert "ÉRÑ-RÑD" in guide or "Çréáté ýóúr ÉÚ Lógíñ áççóúñt" in guide
