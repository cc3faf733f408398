"""A second engine, for the end of MkDocs 1.x and of Material: ProperDocs (a maintained fork of MkDocs 1.x) builds
the project as it is, mkdocs.yml and plugin unchanged, into the same site, page for page, apart from the line that
names the engine. So every check the suite makes of the MkDocs build (browsers, links, the validator, axe,
Lighthouse) holds for this one too; the link check runs on it again here."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import sitecheck
from conftest import BUILD_DATE, copy_of_project
from test_site import allowed_domains

GENERATOR_LINE = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(built_site, tmp_path):
    project = copy_of_project(tmp_path)
    site = tmp_path / "properdocs-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DATE}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "--site-dir", str(site)], cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    ours = {p.relative_to(built_site): p for p in built_site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(site): p for p in site.rglob("*") if p.is_file()}
    assert sorted(ours) == sorted(theirs)
    differ = [str(path) for path in ours if GENERATOR_LINE.sub(b"", ours[path].read_bytes())
              != GENERATOR_LINE.sub(b"", theirs[path].read_bytes())]
    assert differ == []
    assert b"ProperDocs" in (site / "index.html").read_bytes()  # it was the other engine that built it
    assert sitecheck.check_links(site, sitecheck.read_site(site), allowed_domains()) == []
