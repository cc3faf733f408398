"""Every sentence traceable: `ern-guides unsourced` lists the English texts that state facts with no source."""

from __future__ import annotations

from generator import traceability
from generator.texts import Entry


def test_texts_the_catalogue_shows_or_that_name_sources_or_state_nothing_are_traced(catalogue):
    used = catalogue.steps[next(iter(catalogue.steps))].title  # a text some sourced step shows
    texts = {
        used: Entry("A step's title", "guides/en/steps.yaml", 1, "x"),
        "x.sourced": Entry("Only ERN members...", "guides/en/site.yaml", 2, "x", sources=("reconnet-fr",)),
        "x.interface": Entry("Back to screen 1", "guides/en/site.yaml", 3, "x", interface=True),
        "x.bare": Entry("You receive an e-mail once it is approved.", "guides/en/site.yaml", 4, "x"),
    }
    assert [key for key, _ in traceability.unsourced(catalogue, texts)] == ["x.bare"]
    assert traceability.unknown_sources(catalogue, texts) == []
    texts["x.sourced"] = Entry("...", "guides/en/site.yaml", 2, "x", sources=("no-such-source",))
    assert [str(p) for p in traceability.unknown_sources(catalogue, texts)] == [
        "guides/en/site.yaml:2:1: x.sourced: expected source ids of the catalogue, got 'no-such-source'"]
    assert [key for key, _ in traceability.unsourced(catalogue, texts)] == ["x.sourced", "x.bare"]
