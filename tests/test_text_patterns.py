"""A text filled with plain values (a hospital's name) is rendered through its pattern, once for all values:
the page must read exactly as if the filled text had been rendered whole, in every context a text can put a
value in, in every language (typography included); a value that is not plain is rendered whole."""

from __future__ import annotations

import itertools

import pytest
from markupsafe import Markup

from conftest import ROOT
from generator.guides.render import _rendered, inline_markdown
from generator.pipeline import load_texts
from generator.words.lookup import FILLED, Texts
from generator.words.texts import Entry
from generator.words.typography import Rule, Typography

PLAIN = ["DE22 - Charité Universitätsmedizin Berlin", "Hôpital Necker-Enfants malades", "A", "Ospedale 3",
         "Université Paris Cité, site 2", "AP-HP/Necker. Bâtiment B", "Ζ Hospital", "Szpital Kliniczny nr 1"]
NOT_PLAIN = ["St. Mary's", "3D Clinic", "A_b", "Trailing ", " leading", "x*y*", "Clinic:", "<b>B</b>", "Q & A",
             "1. First", "Hospital (East)", "a\nb", Markup("<em>made by us</em>")]
CONTEXTS = ["{x}", "**{x}**", "*{x}*", "_{x}_", "{x}_a_ b", "`{x}`", "[{x}](https://a.example/)", "1. {x}",
            "- {x}\n- {y}", "# {x}", "> {x}", "{x}  \nnext", "« {x} » : {y} ?", "{x}, {y}. {x}!", "{x}{y}",
            "Select **{x}**, then click **{y}**.", "{x}\n\n{y}"]
FRENCH = Typography((Rule("\u202f", ";!?", ""), Rule("\u00a0", ":»", "«")))
EVERYTHING = Typography((Rule("\u00a0", ",./- ", ""),))  # rules on the very characters a plain value may hold


def texts(typography: Typography | None, contexts: list[str], translated: bool = True) -> Texts:
    """`contexts` as a language's texts, or, not `translated`, as the English shown (and marked) instead."""
    entries = {f"k{i}": Entry(text, "t.yaml", i + 1) for i, text in enumerate(contexts)}
    return Texts("xx", entries if translated else {}, entries, typography)


def rendered_whole(text: Markup) -> Markup:
    return _rendered(str(text))


@pytest.mark.parametrize("typography, translated", [(None, True), (FRENCH, True), (EVERYTHING, True), (FRENCH, False)],
                         ids=["none", "french", "everything", "english-instead"])
def test_every_context_reads_as_rendered_whole(typography, translated):
    t = texts(typography, CONTEXTS, translated)
    patterned = 0
    for key, (x, y) in itertools.product(t.source, itertools.product(PLAIN + NOT_PLAIN, repeat=2)):
        filled = t(key, x=x, y=y)
        patterned += hasattr(filled, "pattern")
        assert inline_markdown(filled) == rendered_whole(filled), (t.source[key].text, x, y)
    assert patterned > 0


def test_only_plain_values_get_a_stand_in():
    t = texts(None, ["{x}"])
    assert [hasattr(t("k0", x=value), "pattern") for value in PLAIN] == [True] * len(PLAIN)
    assert [hasattr(t("k0", x=value), "pattern") for value in NOT_PLAIN] == [False] * len(NOT_PLAIN)
    assert not hasattr(texts(EVERYTHING, ["{x}"])("k0", x="A B"), "pattern")  # a space a rule would change


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_text_of_the_guides_reads_as_rendered_whole(language):
    t = load_texts(ROOT, [language])[language]
    for key, entry in t.source.items():
        targets = {m["name"] for m in FILLED.finditer(entry.text) if m["target"]}
        for value in PLAIN[:3] + NOT_PLAIN[:3]:
            values = {name: "../networks/x/" if name in targets else value for name in entry.placeholders}
            filled = t(key, **values)
            assert inline_markdown(filled) == rendered_whole(filled), (key, value)
