"""Every case of the broken-input corpus: `ern-guides check` exits 1 with exactly its messages, no traceback."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from corpus import CASES, Case
from generator.catalogue import traceability
from generator.cli import _parser, main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_catalogue.yaml"


def project_with(tmp_path: Path, case: Case | None) -> Path:
    """A throwaway project: the fixture catalogue, the English texts, a small French file; then the case's edit."""
    shutil.copytree(ROOT / "guides" / "en", tmp_path / "guides" / "en")
    shutil.copytree(Path(__file__).parent / "fixtures" / "fr", tmp_path / "guides" / "fr")
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURE, tmp_path / "data" / "ern_catalogue.yaml")
    shutil.copy(ROOT / "data" / "link_allowlist.yaml", tmp_path / "data")
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


@pytest.mark.parametrize("target", ["outside", "loop"])
def test_a_symlinked_text_file_is_refused_without_being_read(tmp_path, capsys, target):
    project = project_with(tmp_path / "project", None)
    secret = tmp_path / "secret.yaml"
    secret.write_text("home.heading:\n  text: SECRET CONTENT\n", encoding="utf-8")
    link = project / "guides" / "fr" / "extra.yaml"
    link.symlink_to(secret if target == "outside" else link)
    code = main(["--root", str(project), "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[0] == ("guides/fr/extra.yaml:1:1: expected a plain file, found a symbolic link; "
                                   "put the file itself here")
    assert "SECRET" not in err and "Traceback" not in err


@pytest.mark.parametrize("folder", ["docs", "overrides", "guides", "data"])
def test_a_folder_of_inputs_linked_from_elsewhere_is_refused(tmp_path, capsys, folder):
    """docs/, overrides/, guides/ or data/ replaced by a link to a folder outside the project (here a copy of
    itself, plus a file nobody should publish): check refuses it, naming the folder."""
    project = project_with(tmp_path / "project", None)
    (project / folder).mkdir(exist_ok=True)  # docs/ and overrides/: empty, as a new project's may be
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(project / folder, elsewhere)
    (elsewhere / "secret.txt").write_text("SECRET", encoding="utf-8")
    shutil.rmtree(project / folder)
    (project / folder).symlink_to(elsewhere)
    code = main(["--root", str(project), "check"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "SECRET" not in err
    assert err.splitlines()[0].startswith(f"{folder}/:1:1: a symbolic link to another folder"), err


@pytest.mark.parametrize("where", ["docs/notes.txt", "guides/fr/extra.yaml"])
def test_a_hard_link_to_a_file_elsewhere_is_refused(tmp_path, capsys, where):
    project = project_with(tmp_path / "project", None)
    secret = tmp_path / "secret.txt"
    secret.write_text("home.heading:\n  text: SECRET CONTENT\n", encoding="utf-8")
    (project / where).parent.mkdir(parents=True, exist_ok=True)
    os.link(secret, project / where)
    code = main(["--root", str(project), "check"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "SECRET" not in err
    assert err.splitlines()[0].startswith(f"{where}:1:1: ") and "hard link" in err.splitlines()[0], err


def test_a_language_the_build_asks_for_without_texts_is_found_by_check(tmp_path, capsys):
    project = project_with(tmp_path, None)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + "        - locale: de\n          name: Deutsch\n          build: true\n",
                                        encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "mkdocs.yml:1:1: plugins.i18n.languages: language 'de' has no texts: expected a folder guides/de/ "
        "(create it with: ern-guides new-language de)")


def test_outside_the_project_ern_guides_says_where_to_run_it(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "not an ERN Guides project: expected data/ern_catalogue.yaml and guides/ here; run ern-guides in the " \
           "project folder (the one with mkdocs.yml), or name it with --root" in err
    assert "Traceback" not in err


def test_output_cut_short_by_a_pipe_is_no_error(monkeypatch):
    """`ern-guides graph | head`: the reader stops reading; the command ends quietly, no BrokenPipeError."""
    read, write = os.pipe()
    os.close(read)  # `head` has had its lines
    monkeypatch.setattr(sys, "stdout", open(write, "w", encoding="utf-8"))
    assert main(["--root", str(ROOT), "graph"]) == 0


def test_every_command_and_argument_is_described(capsys):
    """`ern-guides <command> --help` says what the command does and what each argument means."""
    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in commands.choices.items():
        assert command.description, name
        assert next(a.help for a in commands._choices_actions if a.dest == name), name
        for action in command._actions:
            assert action.help, f"ern-guides {name}: {action.dest} has no help"


def test_root_is_accepted_after_the_command_too(tmp_path, capsys):
    assert main(["check", "--root", str(tmp_path)]) == 1
    assert "not an ERN Guides project" in capsys.readouterr().err
    assert main(["--root", str(tmp_path), "check", "--root", str(ROOT)]) == 0


def test_schema_writes_the_projects_copy_or_where_told(tmp_path, project_copy, capsys):
    schema = project_copy / "generator" / "catalogue" / "schema.json"
    schema.write_text("{}", encoding="utf-8")
    assert main(["schema", "--root", str(project_copy)]) == 0
    assert json.loads(schema.read_text(encoding="utf-8"))["title"].startswith("ERN Guides catalogue")
    assert main(["--root", str(tmp_path / "elsewhere"), "schema"]) == 1  # not a project: nothing written
    assert "not an ERN Guides project" in capsys.readouterr().err
    assert main(["schema", "--output", str(tmp_path / "s.json")]) == 0 and (tmp_path / "s.json").is_file()


def test_unsourced_with_nothing_to_report_says_so_in_one_line(capsys, monkeypatch):
    monkeypatch.setattr(traceability, "unsourced", lambda catalogue, texts: [])
    assert main(["--root", str(ROOT), "unsourced"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1 and not err


def test_a_named_pipe_among_the_texts_is_refused_at_once(tmp_path, capsys):
    """Reading it would block for ever: `check` (and so the build) says what it is instead."""
    project = project_with(tmp_path, None)
    os.mkfifo(project / "guides" / "fr" / "extra.yaml")
    assert main(["--root", str(project), "check"]) == 1
    assert ("guides/fr/extra.yaml:1:1: expected a plain file, found a named pipe or a device; remove it"
            in capsys.readouterr().err)


@pytest.mark.parametrize("command", [["po-import", "../../../tmp/x", "{project}/x.po"], ["po-export", "../x"], ["stamp", "xx"]])
def test_translation_commands_take_only_a_language_of_the_project(tmp_path, capsys, command):
    """Never a path: `po-import ../../../tmp/x` once wrote files outside the project."""
    project = project_with(tmp_path / "p", None)
    (project / "x.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    lock = {"p/build", "p/build/.build-lock"}  # the lock a writing command holds, as a build does: nothing written

    def files() -> list[str]:
        return sorted(set(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) - lock)
    before = files()
    assert main(["--root", str(project), *(c.format(project=project) for c in command)]) == 1
    assert "expected one of the project's languages (fr), got" in capsys.readouterr().err
    assert files() == before


def test_check_counts_a_new_languages_missing_texts_per_file(project_copy, capsys):
    """A new language misses hundreds of texts: one line per file, each text with --details."""
    assert main(["--root", str(project_copy), "new-language", "it"]) == 0
    capsys.readouterr()
    assert main(["--root", str(project_copy), "check"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "guides/it/" in line]
    files = {line.split(":")[1].strip() for line in lines}
    assert len(lines) == len(files) >= 3 and all("texts not yet translated" in line for line in lines)
    assert main(["--root", str(project_copy), "check", "--details"]) == 0
    detailed = [line for line in capsys.readouterr().err.splitlines() if "guides/it/" in line]
    assert len(detailed) > 100 and all("not yet translated, shown in English" in line for line in detailed)


@pytest.mark.parametrize("command", [["schema", "--output"], ["po-export", "fr", "--output"],
                                     ["glossary-export", "fr", "--output"]])
@pytest.mark.parametrize("where", ["missing/folder/out", "a-file/out"])
def test_a_destination_that_cannot_be_written_is_said_in_one_line(tmp_path, capsys, command, where):
    project = project_with(tmp_path / "project", None)
    (tmp_path / "a-file").write_text("a file, not a folder", encoding="utf-8")
    code = main(["--root", str(project), *command, str(tmp_path / where)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1 and str(tmp_path / where) in err, err
