"""Commands that change the project's files (po-import, stamp, new-language, import-hospitals) write them as one
change: a failure while writing any of them (a full disk, say) leaves every file as it was, and no temporary
file behind; a file whose content would not change is not touched; a command killed while writing leaves the
files all old or all new."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest
import yaml

from generator.inputs import writing
from generator.inputs.writing import write_together


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("failing", [1, 2, 3])
def test_a_failure_while_writing_any_file_changes_none(tmp_path, monkeypatch, failing):
    (tmp_path / "build").mkdir()
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_text(f"{name}: old\n", encoding="utf-8")
    before = files_in(tmp_path)
    calls = []

    def full_disk(fd):
        calls.append(fd)
        if len(calls) == failing:
            raise OSError(28, "No space left on device")
    monkeypatch.setattr(writing.os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_together(tmp_path, {tmp_path / name: f"{name}: new\n" for name in ("a.yaml", "b.yaml", "c.yaml")})
    assert files_in(tmp_path) == before  # nothing changed, no temporary file left
    assert list((tmp_path / "build").iterdir()) == []  # nor the change's journal


def test_all_files_are_written_and_an_unchanged_one_is_not_touched(tmp_path):
    (tmp_path / "same.yaml").write_text("same\n", encoding="utf-8")
    os.utime(tmp_path / "same.yaml", (1, 1))
    changed = write_together(tmp_path, {tmp_path / "same.yaml": "same\n", tmp_path / "sub" / "new.yaml": "new\n"})
    assert changed == [tmp_path / "sub" / "new.yaml"]
    assert (tmp_path / "same.yaml").stat().st_mtime == 1
    assert (tmp_path / "sub" / "new.yaml").read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["build", "new.yaml", "same.yaml", "sub"]


# Runs a command of the project in `cwd`, killed (as by SIGKILL: no clean-up runs) at the N-th call to fsync or
# rename, the points where a change is written and moved into place.
DYING = """
import os, sys
from generator import cli
calls, last = [0], int(sys.argv[1])
def dying(real):
    def call(*args, **kwargs):
        calls[0] += 1
        if calls[0] == last:
            os._exit(9)
        return real(*args, **kwargs)
    return call
os.fsync, os.replace = dying(os.fsync), dying(os.replace)
sys.exit(cli.main(sys.argv[2:]))
"""


def _change_three_french_files(project: Path) -> list[str]:
    """A PO file exported from French, with one translation changed in each of three files: the import."""
    subprocess.run([sys.executable, "-m", "generator", "po-export", "fr", "--output", "fr.po"], cwd=project,
                   check=True, capture_output=True)
    po = polib.pofile(str(project / "fr.po"))
    changed_files = set()
    for entry in po:
        where = next((o[0] for o in entry.occurrences), "")
        if entry.msgstr and "{" not in entry.msgstr and where not in changed_files and len(changed_files) < 3:
            entry.msgstr += " (revu)"
            changed_files.add(where)
    po.save()
    return ["po-import", "fr", "fr.po", "--yes"]


def _add_a_hospital(project: Path) -> list[str]:
    data = yaml.safe_load((project / "data" / "ern_catalogue.yaml").read_text(encoding="utf-8"))
    network = next(n for n in data["networks"] if any(e.get("hospitals") for e in n.get("countries", [])))
    entry = next(e for e in network["countries"] if e.get("hospitals"))
    rows = [[entry["country"], h["code"], h["name"]] for h in entry["hospitals"]]
    taken = {h["code"] for e in network["countries"] for h in e.get("hospitals", [])}
    code = next(f"{entry['country']}{n:02d}" for n in range(99, 0, -1) if f"{entry['country']}{n:02d}" not in taken)
    rows.append([entry["country"], code, "Test hospital: a member joining"])
    with open(project / "members.csv", "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows([["Country", "Code", "Name"], *rows])
    return ["import-hospitals", network["id"], "members.csv", "--yes"]


def _state(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes()
            for folder in ("guides", "data") for p in sorted((project / folder).rglob("*")) if p.is_file()}


@pytest.mark.parametrize("change", [_change_three_french_files, _add_a_hospital])
def test_a_writer_killed_at_any_point_leaves_the_files_all_old_or_all_new(project_copy, change):
    """po-import and import-hospitals killed while writing or while moving the files into place: the next
    command (here `status`, as a build would) finds the project's files either as they were or as the whole change
    leaves them, never a mix, and no temporary file."""
    command = change(project_copy)
    old = _state(project_copy)
    finished = subprocess.run([sys.executable, "-m", "generator", *command], cwd=project_copy,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert finished.returncode == 0, finished.stderr
    new = _state(project_copy)
    assert new != old
    kills = 0
    for point in range(1, 100):
        for path, content in old.items():
            (project_copy / path).write_bytes(content)
        died = subprocess.run([sys.executable, "-c", DYING, str(point), *command], cwd=project_copy,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if died.returncode != 9:
            assert died.returncode == 0, died.stderr
            break
        kills += 1
        subprocess.run([sys.executable, "-m", "generator", "status"], cwd=project_copy, check=True,
                       capture_output=True)
        found = _state(project_copy)
        assert found in (old, new), f"killed at write or rename {point}: " + ", ".join(
            sorted(p for p in found if found[p] != old.get(p) and found[p] != new.get(p)) or ["a mix"])
        assert not (project_copy / "build" / ".change").exists()
    assert kills >= 4  # both phases were interrupted: writing and moving into place


@pytest.mark.parametrize("fingerprint", ["3631255595", "0123456789", "00e1234567", "ab12cd34ef"])
def test_a_fingerprint_of_digits_is_written_and_read_as_text(tmp_path, fingerprint):
    """One fingerprint in a hundred is all digits, which YAML reads as a number (0123... as octal): stamping
    writes it quoted, and one a person wrote unquoted still reads as written."""
    from generator.translating.entries_in_place import with_source
    from generator.words.texts import load_language
    stamped = with_source("x.title:\n  text: Titre\n", "fr/site.yaml", "x.title", fingerprint)
    assert yaml.safe_load(stamped)["x.title"]["source"] == fingerprint
    (tmp_path / "site.yaml").write_text(f"x.title:\n  text: Titre\n  source: {fingerprint}\n", encoding="utf-8")
    assert load_language(tmp_path, "fr", is_source=False)["x.title"].source == fingerprint
