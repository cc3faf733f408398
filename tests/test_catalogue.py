"""Loading and validating the catalogue: each broken input gets its exact file:line:col message."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue.load import load_catalogue
from generator.inputs.errors import InputError
from generator.words.texts import load_language

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_catalogue.yaml"
NAME = "data/ern_catalogue.yaml"
TEXT_KEYS = load_language(ROOT / "guides" / "en", "guides/en", is_source=True)


def load_variant(tmp_path: Path, old: str | None = None, new: str = "", raw: bytes | None = None):
    text = FIXTURE.read_text(encoding="utf-8")
    if old is not None:
        assert text.count(old) == 1, f"mutation target {old!r} must occur exactly once in the fixture"
        text = text.replace(old, new)
    path = tmp_path / "catalogue.yaml"
    path.write_bytes(raw if raw is not None else text.encode("utf-8"))
    return load_catalogue(path, NAME, TEXT_KEYS)


def test_fixture_and_real_catalogue_are_valid(tmp_path):
    assert [n.id for n in load_variant(tmp_path).networks] == ["alpha", "beta"]
    assert load_catalogue(ROOT / NAME, NAME, TEXT_KEYS).networks




def test_all_errors_are_reported_together(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("{code: DE30,", "{code: DE3,").replace(
        "helpdesk@beta.example.eu", "nobody")
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_catalogue(path, NAME, TEXT_KEYS)
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    where = [next(i for i, line in enumerate(lines, 1) if found in line)
             for found in ("helpdesk@beta.example.eu", "{code: DE30,")]
    assert [p.line for p in caught.value.problems] == where
    assert caught.value.report().endswith("2 problems found; nothing was built.")


