"""The simulator's pages, written in other processes while MkDocs builds: what goes wrong there still stops the
build, and nothing is left behind."""

from __future__ import annotations

import os
import time

import pytest

from conftest import ROOT
from generator.catalogue import wizard
from generator.inputs.errors import InputError
from generator.pipeline import prepare
from generator.publishing import page_scan
from generator.simulator import forking, writer

RESULT = prepare(ROOT, ["en", "fr"])


def new_writer(site):
    return writer.SimulatorWriter(RESULT.catalogue, RESULT.texts, RESULT.graph, site,
                                          page_scan.allowed_domains(ROOT, RESULT.catalogue))


@pytest.mark.parametrize("system", ["linux", "darwin"])  # in other processes; in this one where fork is unsafe
def test_every_language_is_written_into_the_site(tmp_path, monkeypatch, system):
    monkeypatch.setattr(forking.sys, "platform", system)
    (tmp_path / "fr").mkdir()
    reports = new_writer(tmp_path).finish()
    assert sorted(reports) == ["en", "fr"]
    own = {node.id + ".html" for node in RESULT.graph.pages()}
    choices = {wizard.languages_id(node.id) + ".html" for node in RESULT.graph.pages()}  # one for all languages
    for prefix, expected in (("", own | choices), ("fr/", own)):
        pages = {p.relative_to(tmp_path / prefix).as_posix() for p in (tmp_path / prefix / "sim").rglob("*.html")}
        assert pages == expected
    assert not (tmp_path / writer.FOLDER).exists()


def test_a_page_the_scan_refuses_is_reported_with_its_address(tmp_path, monkeypatch):
    def pages(cat, texts, graph, language, site_url=None, nodes=()):
        if graph.pages()[0] in nodes:  # the first share of each language
            yield "sim/index.html", '<a href="javascript:alert(1)">x</a>'
    monkeypatch.setattr(writer, "simulator_pages", pages)
    (tmp_path / "fr").mkdir()
    reports = new_writer(tmp_path).finish()
    assert reports["fr"].problems == ["fr/sim/index.html: <a href='javascript:alert(1)'>: a javascript: link"]


@pytest.mark.parametrize("system", ["linux", "darwin"])
def test_a_page_that_cannot_be_made_stops_the_build_and_leaves_nothing(tmp_path, monkeypatch, system):
    monkeypatch.setattr(forking.sys, "platform", system)
    def pages(cat, texts, graph, language, site_url=None, nodes=()):
        yield "sim/index.html", "<p>first</p>"
        raise KeyError("sim.no-such-text")
    monkeypatch.setattr(writer, "simulator_pages", pages)
    (tmp_path / "fr").mkdir()
    with pytest.raises(InputError, match="sim.no-such-text"):
        new_writer(tmp_path).finish()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fr"]


def test_the_builds_own_process_writes_the_shares_left_when_mkdocs_is_done(tmp_path, monkeypatch):
    def pages(cat, texts, graph, language, site_url=None, nodes=()):
        time.sleep(0.05)  # long enough that both processes are at work, even on a busy machine
        for node in nodes:
            yield f"{node.id}.html", f"<p>{os.getpid()}</p>"
    monkeypatch.setattr(forking.sys, "platform", "linux")
    monkeypatch.setattr(writer, "simulator_pages", pages)
    (tmp_path / "fr").mkdir()
    new_writer(tmp_path).finish()
    writers = {language: [p.read_text() for p in (tmp_path / language / "sim").rglob("*.html")] for language in ("", "fr")}
    assert all(len(found) == len(RESULT.graph.pages()) for found in writers.values())  # each page once
    assert f"<p>{os.getpid()}</p>" in writers[""] + writers["fr"]
    assert len(set(writers[""] + writers["fr"])) == 2  # and a process of its own wrote the others
