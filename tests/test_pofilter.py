"""pofilter (the Translate Toolkit's checker, which translators' own tools run) on every shipped language, as
`po-export` gives it to them: nothing it reports outside the short list of accepted findings below, each with its
reason. The checks are those that find a defect (a placeholder, an address or a tag lost or changed, the plural
forms, the whitespace and escapes); untranslated texts are `ern-guides status`'s business."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest

from conftest import ROOT
from generator.pipeline import languages_in

TESTS = ["variables", "pythonbraceformat", "urls", "emails", "xmltags", "newlines", "tabs", "escapes",
         "endwhitespace", "startwhitespace", "nplurals", "doublewords", "brackets", "acronyms", "purepunc"]
# (check, a word of its message or "" for any): why it is not a defect.
ACCEPTED = {
    ("nplurals", ""): "Babel's CLDR rules give French a third form, `many` (« 1 000 000 de textes »), which "
                      "gettext's own table, and so pofilter's, does not have yet; `po-export` writes the CLDR's",
    ("doublewords", "vous"): "French reflexive verbs: « vous vous connectez »",
    ("brackets", "Added"): "a translation may give the screen's English word in brackets after its own, as the "
                           "seeds do: « bureau central (central office) »",
    ("acronyms", "SMS"): "the ReCONNET guide (French) says « un code … reçu sur votre portable », not SMS",
    ("purepunc", ""): "list.separator: French puts a space before « ; »",
    ("startwhitespace", ""): "list.separator: French puts a space before « ; »",
}
LANGUAGES = [code for code in languages_in(ROOT) if code != "en"]


def pofilter(code: str, exported: Path, found: Path) -> None:
    """pofilter's defect checks on a PO file of a language: what it reports, written to `found`."""
    subprocess.run([sys.executable, "-m", "translate.filters.pofilter", f"--language={code}", "--progress=none",
                    *(f"--test={test}" for test in TESTS), str(exported), str(found)], check=True,
                   capture_output=True)


@pytest.mark.parametrize("code", LANGUAGES)
def test_pofilter_finds_nothing_outside_the_accepted_list(tmp_path, code):
    exported, found = tmp_path / f"{code}.po", tmp_path / "found.po"
    subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "po-export", code, "--output",
                    str(exported)], check=True, capture_output=True)
    pofilter(code, exported, found)
    reported = [(entry.msgctxt, line.split("(pofilter) ", 1)[1]) for entry in polib.pofile(str(found))
                for line in (entry.tcomment or "").splitlines() if "(pofilter) " in line] if found.exists() else []
    left = [f"{key}: {finding}" for key, finding in reported
            if not any(finding.startswith(check + ":") and word in finding for check, word in ACCEPTED)]
    assert left == []


def test_pofilter_finds_a_lost_placeholder(tmp_path):
    """The check itself: a translation that drops a placeholder is reported."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "fr"}
    po.append(polib.POEntry(msgctxt="step.open", msgid="Open {url}", msgstr="Ouvrez la page",
                            flags=["python-brace-format"]))
    po.save(str(tmp_path / "x.po"))
    pofilter("fr", tmp_path / "x.po", tmp_path / "found.po")
    assert "(pofilter) pythonbraceformat" in (tmp_path / "found.po").read_text(encoding="utf-8")
