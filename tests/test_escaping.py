"""Nothing a helpdesk or translator writes can run in a reader's browser: it is escaped or rejected."""

from __future__ import annotations

import html.parser
import re
import subprocess
import sys

import yaml

from conftest import mkdocs_build

PAYLOAD = "<script>alert('x')</script> <img src=x onerror=alert('y')> \"><svg onload=alert('z')>"


class _Executable(html.parser.HTMLParser):
    """Collects script elements and event-handler attributes that carry the payload's alert()."""

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

    def handle_data(self, data):
        if self._in_script and "alert('x')" in data:
            self.found.append(f"<script>{data}")

    def handle_endtag(self, tag):
        self._in_script = False


def poison_texts(project, payload: str) -> None:
    for path in (project / "guides").glob("*/*.yaml"):
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in entries.values():
            placeholders = " ".join(sorted(set(re.findall(r"\{[a-z_]+\}", entry["text"]))))
            entry["text"] = f"{payload} {placeholders}".strip()
        path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")


def test_markup_in_every_text_is_shown_literally(project_copy):
    poison_texts(project_copy, PAYLOAD)
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
    assert "&lt;script&gt;alert(" in guide  # shown as text, not dropped


def test_a_javascript_link_in_a_text_is_rejected(project_copy):
    poison_texts(project_copy, "[click](javascript:alert)")
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "expected a link to https://, mailto:, #anchor or a {placeholder}, got 'javascript:alert'" in result.stderr
    assert "Traceback" not in result.stderr
