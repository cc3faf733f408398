"""Every sentence traceable: `ern-guides unsourced` lists the English texts that state facts with no source."""

from __future__ import annotations

import pytest

from conftest import ROOT
from generator.catalogue import traceability
from generator.guides.guide import kind_of, pages_for
from generator.pipeline import generate
from generator.words.texts import Entry


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


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_tip_warning_and_note_of_every_guide_shows_its_source(language):
    """Each tip, warning and note a guide shows names where its facts come from, under it, as the problem
    answers do: the network's own source for its notes, else the sources its English text names; only a text
    that states no fact (`interface: true`) goes without."""
    result = generate(ROOT, ["en", "fr"])
    english = result.texts["en"].source
    shown = 0
    for guide in (g for network in result.catalogue.networks for g in pages_for(result.catalogue, network)):
        network = guide.network
        page = result.pages[f"{language}/{guide.page}.md"]
        for anchor, step in guide.steps:
            expected = 0
            for block in guide.blocks(anchor, step):
                kind = kind_of(block)
                if kind not in ("tip", "warning", "note"):
                    continue
                entry = english[getattr(block, kind)]
                own = [source for _, source in guide.facts(block, result.catalogue, result.texts["en"]) if source]
                assert own or entry.sources or entry.interface, (network.id, getattr(block, kind))
                expected += len(own) or bool(entry.sources)
            start = page.index("{ #%s }" % anchor)
            end = min(i for i in (page.find("\n## ", start), page.find("\n### ", start), len(page)) if i > 0)
            assert page[start:end].count('class="ern-source"') >= expected, (language, network.id, anchor)
            shown += expected
    assert shown > 100  # the rule was met, not only vacuously


def test_a_network_source_that_describes_no_screen_is_never_cited_for_the_screens():
    """A helpdesk adds its network's page (contacts, say; no `describes`): what the guide cites for the way in
    and its dates stay as they were; the page is cited only where a fact names it."""
    from generator.guides.guide import guide_for
    cat = generate(ROOT, ["en"]).catalogue
    page = next(s for s in cat.sources if s.url).model_copy(update={"id": "its-own-page", "describes": None})
    for network in cat.networks:
        added = network.model_copy(update={"sources": [*network.sources, page.id]})
        edited = cat.model_copy(update={"sources": [*cat.sources, page],
                                        "networks": [added if n is network else n for n in cat.networks]})
        for platform_id in cat.platforms:
            assert edited.evidence_of(added, platform_id) == cat.evidence_of(network, platform_id)
            before, after = guide_for(cat, network, platform_id), guide_for(edited, added, platform_id)
            assert after.source_ids == before.source_ids, network.id
            assert [after.dated_by(edited, a, s) for a, s in after.steps] == \
                [before.dated_by(cat, a, s) for a, s in before.steps], network.id
