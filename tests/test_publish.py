"""Publishing that operators can trust: readable by a web server, switched atomically, recovered after a crash."""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_DATE, fingerprint, mkdocs_build
from generator.publishing.publish import SITE_MARKER


def start_build(project: Path, site: Path) -> subprocess.Popen:
    """A build as a person starts it in a terminal: Ctrl-C interrupts it even where the tests themselves run in a
    background job, which ignores it (Python then installs no KeyboardInterrupt handler)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DATE}
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site"))


def test_the_published_site_is_readable_by_another_user_and_leftovers_are_cleared(project_copy):
    """With the usual umask 022 every folder and file is readable (folders enterable) by others; what a killed
    build left behind is removed and does not stop this one."""
    site = project_copy / "site"
    dead = project_copy / ".site-building-999999999-abc"  # no such process
    (dead / "assets").mkdir(parents=True)
    subprocess.run(["bash", "-c", f"umask 022 && {sys.executable} -m mkdocs build -q --site-dir {site}"],
                   cwd=project_copy, check=True, capture_output=True)
    private = [p for p in [site, *site.rglob("*")]
               if not stat.S_IMODE(p.stat().st_mode) & (stat.S_IROTH | (stat.S_IXOTH if p.is_dir() else 0))]
    assert private == []
    assert leftovers(project_copy) == []


SITE_FOLDERS = {  # what a site folder the build did not make can be, made in a project copy and a folder beside it
    "a link to the project": lambda project, beside: (project / "site").symlink_to(".") or project / "site",
    "a link to another folder": lambda project, beside: (project / "site").symlink_to(beside) or project / "site",
    "inside the catalogue's folder": lambda project, beside: project / "data" / "site",
    "a folder holding the project": lambda project, beside: project.parent,
    "a folder of other files": lambda project, beside: beside,
}


@pytest.mark.parametrize("make", SITE_FOLDERS.values(), ids=SITE_FOLDERS.keys())
def test_a_site_folder_no_build_made_is_refused_in_one_line_and_nothing_is_deleted(project_copy, tmp_path, make):
    beside = tmp_path / "deploy"
    beside.mkdir()
    (beside / "old.html").write_text("not the build's", encoding="utf-8")
    site = make(project_copy, beside)
    before = {name: fingerprint(project_copy / name) for name in ("data", "guides", "docs", "generator")}
    result = mkdocs_build(project_copy, site)
    said = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in said
    # (a folder holding the project: MkDocs refuses it itself, docs_dir being inside it)
    assert re.search(r"^ERROR +- +(the site folder .+ Nothing was built or deleted\.|Config value 'site_dir': .+)$",
                     said, re.M), said
    assert {name: fingerprint(project_copy / name) for name in before} == before
    assert (beside / "old.html").read_text(encoding="utf-8") == "not the build's"
    assert leftovers(project_copy) == [] and leftovers(tmp_path) == []


def test_a_site_carries_the_builds_mark_and_the_next_build_replaces_it(project_copy):
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    assert (site / SITE_MARKER).is_file()
    (site / "stale.html").write_text("from the last build", encoding="utf-8")
    assert mkdocs_build(project_copy, site).returncode == 0
    assert (site / SITE_MARKER).is_file() and not (site / "stale.html").exists()


def test_a_build_killed_at_any_moment_leaves_a_whole_site(project_copy):
    """SIGKILL at several moments of a build (rendering, writing, switching): site/ is always the whole site."""
    site = project_copy / "site"
    started = time.monotonic()
    assert mkdocs_build(project_copy, site).returncode == 0
    duration = time.monotonic() - started
    whole = fingerprint(site)  # builds of the same inputs are byte-identical: old and new are the same
    for fraction in (0.5, 0.97):
        build = start_build(project_copy, site)
        time.sleep(duration * fraction)
        build.send_signal(signal.SIGKILL)
        build.wait()
        assert fingerprint(site) == whole, f"killed at {fraction:.0%} of a build"
    assert mkdocs_build(project_copy, site).returncode == 0
    assert leftovers(project_copy) == []


def test_ctrl_c_leaves_the_site_and_no_temporary_folder(project_copy):
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    whole = fingerprint(site)
    build = start_build(project_copy, site)
    while not list(project_copy.glob(".site*/.simulator/*")):  # the build is writing the simulator's pages
        assert build.poll() is None, "the build ended before it could be interrupted"
        time.sleep(0.02)
    build.send_signal(signal.SIGINT)
    assert build.wait() != 0
    assert fingerprint(site) == whole
    assert leftovers(project_copy) == []


def test_security_headers_for_each_host_name_every_header(project_copy):
    from generator.publishing.headers import HEADERS, config

    nginx, apache, netlify = config("nginx"), config("apache"), config("netlify")
    for name, value in HEADERS.items():
        assert f'add_header {name} "{value}" always;' in nginx.splitlines()
        assert f'Header always set {name} "{value}"' in apache.splitlines()
        assert f"  {name}: {value}" in netlify.splitlines()
    assert "frame-ancestors 'none'" in HEADERS["Content-Security-Policy"]
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    assert (site / "_headers").read_text(encoding="utf-8") == netlify  # published for Netlify, Cloudflare Pages


def test_with_a_site_url_canonical_and_language_links_are_absolute(project_copy):
    site = project_copy / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ERN_GUIDES_SITE_URL": "https://guides.example.eu/"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project_copy,
                   env=env, check=True, capture_output=True)
    head = (site / "fr" / "helpdesks" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert '<link rel="canonical" href="https://guides.example.eu/fr/helpdesks/">' in head
    assert '<link rel="alternate" href="https://guides.example.eu/helpdesks/" hreflang="en">' in head
    assert '<link rel="alternate" href="https://guides.example.eu/fr/helpdesks/" hreflang="fr">' in head
    practice = (site / "fr" / "sim" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en" href="https://guides.example.eu/sim/index.html">' in practice
    assert (site / "robots.txt").read_text(encoding="utf-8").startswith("User-agent: *")
    # the link to the practice is absolute too, so that a printed guide shows its address (print CSS)
    guides = [p.read_text(encoding="utf-8") for p in (site / "fr" / "first-cpms").glob("*/index.html")]
    practice = [re.search(r'href="(https://guides\.example\.eu/fr/sim/[a-z0-9-]+/start\.html)"', g) for g in guides]
    found = [m.group(1) for m in practice if m]
    assert found and all((site / m.removeprefix("https://guides.example.eu/")).is_file() for m in found)


def test_two_builds_at_overlapping_times_publish_one_whole_site(project_copy):
    """Inputs A, a build; inputs B (a French text of every guide changed, the file replaced at once, as an editor saves), a
    second build while the first runs; the first ends and the second is killed: site/ is A's or B's whole
    output, never a mix, whatever the timing. The second, when not killed, publishes B's whole site."""
    site = project_copy / "site"
    texts = project_copy / "guides" / "fr" / "site.yaml"
    inputs_a = texts.read_text(encoding="utf-8")
    entries = yaml.safe_load(inputs_a)
    entries["guide.sources.title"]["text"] += " (B)"  # on every French guide
    inputs_b = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)

    def save(text: str) -> None:
        staged = texts.with_suffix(".tmp")
        staged.write_text(text, encoding="utf-8")
        staged.replace(texts)

    started = time.monotonic()
    assert mkdocs_build(project_copy, site).returncode == 0
    duration = time.monotonic() - started
    whole = {"A": fingerprint(site)}
    save(inputs_b)
    assert mkdocs_build(project_copy, site).returncode == 0
    whole["B"] = fingerprint(site)
    assert whole["A"] != whole["B"]
    for fraction in (0.25, 0.32, 0.4, 0.48):  # where a build without the lock mixed (MkDocs reading, the other staging)
        save(inputs_a)
        first = start_build(project_copy, site)
        time.sleep(duration * fraction)
        save(inputs_b)
        second = start_build(project_copy, site)
        assert first.wait(timeout=120) == 0
        second.send_signal(signal.SIGKILL)
        second.wait()
        published = fingerprint(site)
        assert published in (whole["A"], whole["B"]), f"a mixed site, second build started at {fraction:.0%}"
    save(inputs_a)
    first = start_build(project_copy, site)
    time.sleep(duration * 0.3)
    save(inputs_b)
    second = start_build(project_copy, site)
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    assert fingerprint(site) == whole["B"]


# Faults of the machine, injected where they strike: MkDocs writing a page on a full disk, the generator staging its
# pages on a full disk, the finished site unable to replace site/ (a mount point).
FAULTS = {
    "full disk while MkDocs writes": ("mkdocs.utils", "write_file", "ENOSPC"),
    "full disk while staging": ("generator.publishing.staging", "sync", "ENOSPC"),
    "site/ a mount point": ("generator.publishing.publish", "_exchange", "EBUSY"),
}
FAULTY_BUILD = """
import errno, importlib, os, sys
module, name, code = sys.argv[1:4]
def fault(*args, **kwargs):
    raise OSError(getattr(errno, code), os.strerror(getattr(errno, code)), "site")
setattr(importlib.import_module(module), name, fault)
from mkdocs.__main__ import cli
cli.main(args=["build", "--strict", "--site-dir", "site"], prog_name="mkdocs")
"""


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_a_fault_of_the_machine_ends_the_build_in_one_plain_line_and_keeps_the_site(project_copy, fault):
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the site already published", encoding="utf-8")
    (site / SITE_MARKER).write_text("", encoding="utf-8")  # published by an earlier build
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DATE}
    result = subprocess.run([sys.executable, "-c", FAULTY_BUILD, *fault], cwd=project_copy, capture_output=True,
                            text=True, env=env)
    said = result.stdout + result.stderr  # MkDocs prints why it aborted on stdout
    assert result.returncode == 1
    assert "Traceback" not in said, said
    assert re.search(r"^the build stopped: .+ \(site\)\. Nothing was published; the site already there is unchanged\.",
                     said, re.M), said
    assert set(fingerprint(site)) == {"index.html", SITE_MARKER} and leftovers(project_copy) == []
    assert (site / "index.html").read_text(encoding="utf-8") == "the site already published"


@pytest.mark.parametrize("name, content", [
    ("x.HTML", "<script>document.title='ran'</script>"),
    ("_redirects", "/* https://evil.example 301!\n"),
    ("about.md", "# About\n\n<svg><style><img src=x onerror=alert(1)></style></svg>\n"),
])
def test_a_hand_written_file_the_site_does_not_publish_stops_the_build_and_the_site_stays(project_copy, name, content):
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the site already published", encoding="utf-8")
    (site / SITE_MARKER).write_text("", encoding="utf-8")
    before = fingerprint(site)
    (project_copy / "docs" / name).write_text(content, encoding="utf-8")
    result = mkdocs_build(project_copy, site)
    said = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in said and f"docs/{name}:" in said, said
    assert fingerprint(site) == before and leftovers(project_copy) == []


def test_every_hand_written_file_check_refuses_the_build_refuses_too_and_publishes_nothing(project_copy):
    """check = build, for what docs/ may hold: every docs/ file the broken-input corpus refuses for what it is
    (other extensions and letter cases, host settings files, theme paths, markup in names), all in one build,
    each named by it, and the published site untouched. (What pages say is scanned once all files are known to
    be pages: tests/test_publish.py's cases above, and the corpus for check.)"""
    from corpus import CASES
    cases = {case.file: case for case in CASES.values() if case.file.startswith("docs/") and case.old is None
             and (not case.file.endswith(".md") or "<" in case.file)}
    assert len(cases) >= 15
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the site already published", encoding="utf-8")
    (site / SITE_MARKER).write_text("", encoding="utf-8")
    before = fingerprint(site)
    for name, case in cases.items():
        path = project_copy / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.new if isinstance(case.new, bytes) else case.new.encode("utf-8"))
    result = mkdocs_build(project_copy, site)
    said = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in said
    missed = [name for name in cases if f"{name}:" not in said]
    assert missed == [], said
    assert fingerprint(site) == before and leftovers(project_copy) == []
