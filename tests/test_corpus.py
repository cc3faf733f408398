"""Every case of the broken-input corpus: `ern-guides check` exits 1 with exactly its messages, no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import CASES, Case
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_catalogue.yaml"


def project_with(tmp_path: Path, case: Case | None) -> Path:
    """A throwaway project: the fixture catalogue, the English texts, a small French file; then the case's edit."""
    shutil.copytree(ROOT / "guides" / "en", tmp_path / "guides" / "en")
    shutil.copytree(Path(__file__).parent / "fixtures" / "fr", tmp_path / "guides" / "fr")
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURE, tmp_path / "data" / "ern_catalogue.yaml")
    if case is None:
        return tmp_path
    path = tmp_path / case.file
    path.parent.mkdir(parents=True, exist_ok=True)
    if case.old is None:
        path.write_bytes(case.new if isinstance(case.new, bytes) else case.new.encode("utf-8"))
    else:
        text = path.read_text(encoding="utf-8")
        assert text.count(case.old) == 1, f"{case.old!r} must occur exactly once in {case.file}"
        path.write_text(text.replace(case.old, case.new), encoding="utf-8")
    return tmp_path


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30


def test_the_untouched_project_passes(tmp_path, capsys):
    assert main(["--root", str(project_with(tmp_path, None)), "check"]) == 0


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_broken_input(tmp_path, capsys, case):
    code = main(["--root", str(project_with(tmp_path, case)), "check"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert "Traceback" not in "\n".join(err)
    assert err[:-1] == case.expected
    assert err[-1].endswith("found; nothing was built.")
