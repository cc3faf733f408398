"""Commands that change the project's files (po-import, stamp, new-language, import-hospitals) write them as one
change: a failure while writing any of them (a full disk, say) leaves every file as it was, and no temporary
file behind; a file whose content would not change is not touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.inputs import writing
from generator.inputs.writing import write_together


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("failing", [1, 2, 3])
def test_a_failure_while_writing_any_file_changes_none(tmp_path, monkeypatch, failing):
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
        write_together({tmp_path / name: f"{name}: new\n" for name in ("a.yaml", "b.yaml", "c.yaml")})
    assert files_in(tmp_path) == before  # nothing changed, no temporary file left


def test_all_files_are_written_and_an_unchanged_one_is_not_touched(tmp_path):
    (tmp_path / "same.yaml").write_text("same\n", encoding="utf-8")
    os.utime(tmp_path / "same.yaml", (1, 1))
    changed = write_together({tmp_path / "same.yaml": "same\n", tmp_path / "sub" / "new.yaml": "new\n"})
    assert changed == [tmp_path / "sub" / "new.yaml"]
    assert (tmp_path / "same.yaml").stat().st_mtime == 1
    assert (tmp_path / "sub" / "new.yaml").read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["new.yaml", "same.yaml", "sub"]
