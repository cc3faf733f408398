"""Nothing a helpdesk or translator writes can run in a reader's browser: it is escaped or rejected."""

from __future__ import annotations

import html
import html.parser
import re
import subprocess
import sys

import yaml

from conftest import mkdocs_build, write_yaml
from generator.words.texts import RULE_FILES

PAYLOAD = "<script>alert('x')</script> <img src=x onerror=alert('y')> \"><svg onload=alert('z')>"
# What `check` lets through that HTML could still make something of: character references of a script and a
# handler, quotes that would end an attribute, and lone < > &.
ENTITY_PAYLOAD = ("&#x3C;script&#x3E;alert('x')&#x3C;/script&#x3E; &lt;img src=x onerror=alert('y')&gt; "
                  "\"' 5 < 6 & 7 > 3")


class _Executable(html.parser.HTMLParser):
    """Collects script elements and event-handler attributes that carry the payload's alert(), javascript:
    links, inline styles and links to the payloads' evil.example.com."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if (name.startswith("on") and value and "alert" in value) or (
                    name in ("href", "src", "action") and value and value.strip().lower().startswith("javascript:")):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "style" or (name == "href" and "evil.example.com" in (value or "")):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if self._in_script and "alert('x')" in data:
            self.found.append(f"<script>{data}")

    def handle_endtag(self, tag):
        self._in_script = False


def poison_texts(project, payload: str) -> None:
    for path in (project / "guides").glob("*/*.yaml"):
        if path.name in RULE_FILES:
            continue
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in entries.values():
            placeholders = " ".join(sorted(set(re.findall(r"\{[a-z_]+\}", entry["text"]))))
            entry["text"] = f"{payload} {placeholders}".strip()
            entry.pop("labels", None)  # the words of the screen it quoted are gone with it
        write_yaml(path, entries)


def test_html_in_every_text_is_refused_by_check(project_copy):
    poison_texts(project_copy, PAYLOAD)
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "HTML (<script>) is not allowed in texts" in result.stderr


def test_markup_in_every_text_is_shown_literally(project_copy):
    poison_texts(project_copy, ENTITY_PAYLOAD)
    site = project_copy / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 600  # every guide and simulator page of both languages
    found = []
    for page in pages:
        parser = _Executable()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {item}" for item in parser.found]
    assert found == []
    guide = (site / "networks" / "ern-rnd" / "index.html").read_text(encoding="utf-8")
    assert "&amp;#x3C;script&amp;#x3E;alert(" in guide  # shown as typed, not decoded into a tag


def test_a_javascript_link_in_a_text_is_rejected(project_copy):
    poison_texts(project_copy, "[click](javascript:alert)")
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "expected a link to https://, mailto:, #anchor or a {placeholder}, got 'javascript:alert'" in result.stderr
    assert "Traceback" not in result.stderr


# Markdown that would make a link, a handler or a style if a value were read as markup (labels cannot hold < >).
MARKDOWN_PAYLOADS = [
    "x)[EVIL](javascript:alert(1)",
    "[EVIL](https://evil.example.com/)",
    "Campus {: onmouseover=alert(1) }",
    "Mitte {: style=position:fixed;inset:0 }",
    "[EVIL][r] [r]: javascript:alert(1)",
    "*em* _u_ `c` # h",
]


def poison_catalogue(project) -> list[str]:
    """Put a Markdown payload into every name, label and title a helpdesk writes; returns what was written."""
    path = project / "data" / "ern_catalogue.yaml"
    cat = yaml.safe_load(path.read_text(encoding="utf-8"))
    payloads = iter(MARKDOWN_PAYLOADS * 1000)
    written = []

    def poison(record, field):
        record[field] = f"{record[field]} {next(payloads)}"
        written.append(record[field])

    for network in cat["networks"]:
        poison(network, "short_name")
        poison(network, "label")
        for country in network.get("countries", []):
            for hospital in country.get("hospitals", []):
                poison(hospital, "name")
        guide = network.get("guide") or {}
        for screen in ("recap_screen", "preferences_screen"):
            for field, value in (guide.get(screen) or {}).items():
                if field != "source" and isinstance(value, str):
                    poison(guide[screen], field)
    for network in [n for n in cat["networks"] if n.get("sources")][:3]:  # its own words: who gets which account
        network.setdefault("guide", {})["eligibility"] = [{"category": "Members", "account": "regular",
                                                           "source": network["sources"][0]}]
        poison(network["guide"]["eligibility"][0], "category")
    for country in cat["countries"]:
        poison(country, "name")
    for source in cat["sources"]:
        poison(source, "title")
    for method in cat["verification_methods"]:
        if method.get("description"):
            poison(method, "description")
    write_yaml(path, cat)
    return written


def test_markdown_in_catalogue_values_is_shown_literally(project_copy):
    written = poison_catalogue(project_copy)
    site = project_copy / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr  # the build's own scan found nothing either
    pages = sorted(site.rglob("*.html"))
    found, text = [], ""
    for page in pages:
        source = page.read_text(encoding="utf-8")
        parser = _Executable()
        parser.feed(source)
        found += [f"{page.relative_to(site)}: {item}" for item in parser.found]
        if ("networks" in page.parts or "first-cpms" in page.parts) and page.name == "index.html":
            text += html.unescape(re.sub(r"<[^>]+>", "", source))
    assert found == []
    shown = [value for value in written if value in text]
    assert len(shown) > len(written) / 2, "the payloads should be visible, as typed, on the guides"
    quoted = [value for value in written if value.startswith("Members ")]  # each network's own words, quoted
    assert quoted and [value for value in quoted if value not in text] == []


def test_a_page_with_a_foreign_link_is_not_published(project_copy):
    """A page no template made (here a hand-written one, its HTML written in Markdown) is scanned as the last guard
    scans every page before publishing, and before building (so `serve` keeps the last site); the last guard
    itself: tests/test_site.py."""
    place, said = "docs/assets/note.md", "docs/assets/note.md:1:1: "
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project_copy / place).parent.mkdir(parents=True, exist_ok=True)
    (project_copy / place).write_text(
        '<p><a href="java\tscript:alert(1)">x</a> <b onclick="x()">y</b> <i style="position:fixed">z</i></p>',
        encoding="utf-8")
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 1
    assert re.search(re.escape(said) + r"<a href='java\s+script:alert\(1\)'>: a javascript: link", result.stderr)
    assert f"{said}an event handler <b onclick=...>" in result.stderr
    assert f"{said}an inline style <i style='position:fixed'>" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
