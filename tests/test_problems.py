"""Every guide, in every language, answers what can go wrong on its platform, each answer with its sources or a
named helpdesk, and links to it from the steps where the problem happens."""

from __future__ import annotations

import re

import pytest

from generator.guides.guide import guide_for, troubles as troubles_of

LANGUAGES = ["en", "fr"]


def sections(page: str, level: str) -> dict[str, str]:
    """A page's sections of one heading level, by the heading's id."""
    parts = re.split(rf'(<{level} id="[^"]+")', page)
    return {re.search(r'id="([^"]+)"', parts[i]).group(1): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_guide_answers_its_platforms_problems(built_site, catalogue, language):
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    checked = 0
    for network in catalogue.networks:
        page = (built_site / prefix / "networks" / network.id / "index.html").read_text(encoding="utf-8")
        guide = guide_for(catalogue, network)
        troubles = troubles_of(catalogue, guide)
        steps = sections(page, "h2")
        answers = sections(steps.get("problems", ""), "h3")
        assert list(answers) == [f"problem-{trouble_id}" for trouble_id, _ in troubles], network.id
        for trouble_id, trouble in troubles:
            answer = answers[f"problem-{trouble_id}"]
            if trouble.sources:
                assert 'class="ern-source"' in answer, (network.id, trouble_id)
            else:  # an answer without a source of its own sends the reader to a named helpdesk, whose address
                assert re.search(r'href="#help"', answer), (network.id, trouble_id)  # "Help and contacts" gives
                assert re.search(r'href="(mailto:|https://)', steps["help"]), network.id
            for anchor, _ in guide.steps:
                linked = f'href="#problem-{trouble_id}"' in steps[anchor]
                assert linked == (anchor in trouble.steps), (network.id, anchor, trouble_id)
                checked += linked
    assert checked > len(catalogue.networks)


def test_what_happens_next_comes_right_after_the_request(built_site, catalogue):
    """The wait for approval is told where the reader has just asked for access, not at the end of the guide."""
    for network in catalogue.networks:
        page = (built_site / "networks" / network.id / "index.html").read_text(encoding="utf-8")
        guide = guide_for(catalogue, network)
        after = guide.platform.what_next_after
        steps = sections(page, "h2")
        where = [anchor for anchor, text in steps.items() if 'id="what-next"' in text]
        assert where == ([after] if after in dict(guide.steps) else []), network.id
