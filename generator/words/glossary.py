"""A language's glossary: one name per idea. `guides/<lang>/glossary.yaml` lists the preferred terms and the
variants to avoid; `ern-guides status` names every text that uses a variant (and `--strict` fails on it).

    - prefer: e-mail
      avoid: [courriel]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree
from pathlib import Path

from generator.inputs.errors import InputError, Problem, describe
from generator.words.texts import Entry
from generator.inputs.yamlsource import load

FILE = "glossary.yaml"


@dataclass(frozen=True)
class Term:
    prefer: str
    avoid: tuple[str, ...]


def load_glossary(folder: Path, display: str) -> list[Term]:
    path = folder / FILE
    if not path.exists() and not path.is_symlink():
        return []
    located = load(path, f"{display}/{FILE}")
    if not isinstance(located.data, list):
        raise InputError([located.problem((), "expected a list of terms like - {prefer: e-mail, avoid: [courriel]}, "
                                              f"got {describe(located.data)}")])
    terms, problems = [], []
    for i, term in enumerate(located.data):
        ok = (isinstance(term, dict) and set(term) == {"prefer", "avoid"} and isinstance(term["prefer"], str)
              and isinstance(term["avoid"], list) and term["avoid"] and all(isinstance(a, str) for a in term["avoid"]))
        if not ok:
            problems.append(located.problem((i,), f"expected prefer (a term) and avoid (a list of variants), "
                                                  f"got {describe(term)}"))
            continue
        terms.append(Term(term["prefer"], tuple(term["avoid"])))
    if problems:
        raise InputError(problems)
    return terms


def inflected(term: str) -> str:
    """A pattern for a term and its plural forms, word by word: an added -s or -x, and -al as -aux ("hôpital",
    "hôpitaux"; "seconde preuve", "secondes preuves")."""
    def word(w: str) -> str:
        plain = re.escape(w) + "(?:s|x)?"
        return f"(?:{plain}|{re.escape(w[:-2])}aux)" if w.lower().endswith("al") else plain
    return r"\s+".join(word(w) for w in term.split())


def variants(terms: list[Term], entries: dict[str, Entry]) -> list[Problem]:
    """Each text that uses a variant to avoid, located at its entry, with the preferred term."""
    found = []
    for key, entry in entries.items():
        for term in terms:
            for variant in term.avoid:
                if re.search(rf"(?<!\w){inflected(variant)}(?!\w)", entry.text, flags=re.I):
                    found.append(Problem(entry.file, entry.line, 1, key, f"uses {variant!r}: the glossary prefers "
                                                                         f"{term.prefer!r}"))
    return found


def tbx(terms: list[Term], language: str) -> str:
    """The glossary as TBX (ISO 30042), which translation tools import (Weblate, memoQ, Trados...): each idea one
    entry, its preferred term marked preferred and its variants deprecated."""
    root = ElementTree.Element("martif", {"type": "TBX", "xml:lang": language})
    described = ElementTree.SubElement(ElementTree.SubElement(ElementTree.SubElement(root, "martifHeader"),
                                                              "fileDesc"), "sourceDesc")
    ElementTree.SubElement(described, "p").text = f"ERN Guides, guides/{language}/{FILE}"
    body = ElementTree.SubElement(ElementTree.SubElement(root, "text"), "body")
    for number, term in enumerate(terms, 1):
        entry = ElementTree.SubElement(body, "termEntry", {"id": f"term-{number}"})
        words = ElementTree.SubElement(entry, "langSet", {"xml:lang": language})
        for word, status in ((term.prefer, "preferredTerm-admn-sts"),
                             *((variant, "deprecatedTerm-admn-sts") for variant in term.avoid)):
            group = ElementTree.SubElement(words, "tig")
            ElementTree.SubElement(group, "term").text = word
            ElementTree.SubElement(group, "termNote", {"type": "administrativeStatus"}).text = status
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
