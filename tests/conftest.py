"""Shared fixtures: the project's paths, one site build per session, and a local web server."""

from __future__ import annotations

import hashlib
import html.parser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.printing.browser import BrowserNotFound, launch_options, serve

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["data", "guides", "docs", "overrides", "generator", "mkdocs.yml"]


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current generator instead of comparing")


# The build date of every test build: the project's last commit, as a build of the real project pins it, so that
# a copy of the project (no git there) builds byte-identically too.
BUILD_DATE = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "0"


def mkdocs_build(project: Path, site: Path, **environment: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`, as a user runs it (`environment`: more variables)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DATE, **environment}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=project, capture_output=True, text=True, env=env)


@pytest.fixture()
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project, to break or extend without touching the real one."""
    return copy_of_project(tmp_path)


def copy_of_project(where: Path) -> Path:
    """The project's parts copied into `where`/project, nothing beside it, as in a fresh clone. Builds of copies
    never share a staging folder."""
    project = where / "project"
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(exist_ok=True)
            shutil.copy(source, project / part)
    return project


@pytest.fixture(scope="session")
def catalogue():
    """The shipped catalogue, checked: for tests of rules that every network's guide must follow."""
    return pipeline.check(ROOT, ["en"])[0]


class _ClassText(html.parser.HTMLParser):
    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=False)
        self.wanted, self.depth, self.found, self.parts = wanted, 0, [], []

    def handle_starttag(self, tag, attrs):
        if self.depth or self.wanted in (dict(attrs).get("class") or "").split():
            self.depth += 1 if tag not in ("br", "img", "input", "meta", "link", "hr") else 0
            self.parts.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self.depth:
            self.parts.append(f"</{tag}>")
            self.depth -= 1
            if not self.depth:
                self.found.append("".join(self.parts))
                self.parts = []

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def text_of_class(page_html: str, css_class: str) -> list[str]:
    """The HTML of every element of a page that has `css_class`, each with all it contains."""
    parser = _ClassText(css_class)
    parser.feed(page_html)
    return parser.found


class _PlainDumper(yaml.SafeDumper):
    """Writes every value out in full: the catalogue refuses anchors and aliases, which PyYAML would write for
    values shared between places."""

    def ignore_aliases(self, data):
        return True


def write_yaml(path: Path, data: object) -> None:
    """Write data as a helpdesk would: plain YAML, keys in their order, no anchors."""
    path.write_text(yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def fingerprint(folder: Path) -> dict[str, str]:
    """Hash of every file under a folder, by relative path: two equal fingerprints mean identical trees."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per session (per worker when tests run in parallel) from a copy of the project."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(copy_of_project(tmp_path_factory.mktemp("built")), site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    """Playwright's own Chromium where installed, else the system's; never a silent skip."""
    try:
        return {**browser_type_launch_args, **launch_options(playwright)}
    except BrowserNotFound as e:
        pytest.fail(str(e))


@pytest.fixture()
def no_js(browser):
    """A page with JavaScript off, as the practices must work."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
