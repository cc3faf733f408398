"""`mkdocs serve` rebuilds the site once per edit of the catalogue, a text or a hand-written file."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from conftest import BUILD_DATE

# The end of a rebuild, as `mkdocs serve` logs it after each one. Not "Documentation built in": MkDocs logs a
# message only once per process, so a rebuild that takes as long as an earlier one (to 0.01 s) would go unseen.
BUILT = re.compile(r"Reloading browsers")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(lines: queue.Queue, pattern: re.Pattern, seconds: float) -> list[str]:
    """The log lines up to the first matching `pattern`; fails after `seconds`."""
    seen, end = [], time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if pattern.search(line):
            return seen
    pytest.fail(f"no {pattern.pattern!r} within {seconds} s; the log said:\n" + "".join(seen[-30:]))


def eventually(condition, seconds: float) -> bool:
    """Whether `condition()` comes true within `seconds` (asked every 0.2 s): waiting for an event, not a time."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.2)
    return True


# Edits that change what the site shows: the first country's name, the French site name, the stylesheet.
EDITS = {
    "data/ern_catalogue.yaml": (re.compile(r"(countries:\n  - \{code: \w+, name: [^}]+)"), r"\1 (edited)"),
    "guides/fr/site.yaml": (re.compile(r"(site\.name:\n  text: .+)"), r"\1 (modifié)"),
    "docs/assets/ern.css": (re.compile(r"\Z"), "\n/* edited */\n"),
}


@pytest.mark.parametrize("edited", EDITS)
def test_one_rebuild_per_edit(project_copy, edited):
    target = project_copy / edited
    pattern, replacement = EDITS[edited]
    text = target.read_text(encoding="utf-8")
    assert pattern.search(text), f"the test's edit no longer applies to {edited}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DATE}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                               f"127.0.0.1:{free_port()}"], cwd=project_copy, env=env, text=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()
    try:
        wait_for(lines, re.compile(r"Serving on"), 180)
        target.write_text(pattern.sub(replacement, text, count=1), encoding="utf-8")
        seen = wait_for(lines, BUILT, 180)
        # A second edit, elsewhere: the next build is its own, unless the first edit set off another one.
        (project_copy / "docs" / "assets" / "ern.css").write_text(
            (project_copy / "docs" / "assets" / "ern.css").read_text(encoding="utf-8") + "\n/* later */\n",
            encoding="utf-8")
        seen += wait_for(lines, BUILT, 180)
        starts = [line for line in seen if "Building documentation" in line]
        assert len(starts) == 2, "a rebuild of its own for the first edit:\n" + "".join(seen)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_after_a_bad_edit_serve_keeps_the_last_site_and_shows_the_problem(project_copy):
    """MkDocs alone stops answering after a failed rebuild until the file is fixed; here every page of the last
    site that built says what is wrong, and the next good edit rebuilds as usual: a bad catalogue, and a
    hand-written page the publishing scan would refuse."""
    import urllib.request
    catalogue = project_copy / "data" / "ern_catalogue.yaml"
    good = catalogue.read_text(encoding="utf-8")
    assert good.count("\nmax_age_days: ") == 1
    bad = re.sub(r"\nmax_age_days: \d+", "\nmax_age_days: maybe", good)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DATE}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project_copy, env=env, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()

    def page() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/fr/", timeout=30) as answer:
            assert answer.status == 200
            return answer.read().decode("utf-8")
    try:
        wait_for(lines, re.compile(r"Serving on"), 180)
        catalogue.write_text(bad, encoding="utf-8")
        wait_for(lines, re.compile(r"Still serving the last site that built"), 180)
        wait_for(lines, BUILT, 180)
        shown = page()
        assert 'class="ern-build-error" role="alert"' in shown
        assert "max_age_days: expected a whole number, got &#39;maybe&#39;" in shown
        catalogue.write_text(good, encoding="utf-8")
        wait_for(lines, BUILT, 180)
        assert eventually(lambda: "ern-build-error" not in page(), 60)
        hand_written = project_copy / "docs" / "en" / "about.md"  # what the publishing scan would refuse
        hand_written.parent.mkdir(parents=True, exist_ok=True)
        hand_written.write_text("# About\n\n<script>alert(1)</script>\n", encoding="utf-8")
        wait_for(lines, re.compile(r"Still serving the last site that built"), 180)
        wait_for(lines, BUILT, 180)
        assert "docs/en/about.md:3:1: " in page()
        hand_written.unlink()
        wait_for(lines, BUILT, 180)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("when, stop", [("serving", signal.SIGTERM), ("rebuilding", signal.SIGTERM),
                                        ("rebuilding", signal.SIGINT)])
def test_serve_stopped_by_a_signal_leaves_no_temporary_folder(project_copy, tmp_path, when, stop):
    """A service manager stops `mkdocs serve` with SIGTERM, a person with Ctrl-C (SIGINT), while it serves or in
    the middle of a rebuild: its temporary site folder (MkDocs') goes with it."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DATE, "TMPDIR": str(temporary)}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}"],
                              cwd=project_copy, env=env, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()
    try:
        wait_for(lines, re.compile(r"Serving on"), 180)
        assert any(temporary.iterdir())  # the test looks at the right place: the served site is there
        if when == "rebuilding":
            stylesheet = project_copy / "docs" / "assets" / "ern.css"
            stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
            wait_for(lines, re.compile(r"Building documentation"), 180)
        server.send_signal(stop)
        assert server.wait(timeout=60) is not None
    finally:
        server.kill()
    assert sorted(p.name for p in temporary.iterdir()) == []
