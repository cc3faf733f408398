"""A language's glossary: one name per idea. `guides/<lang>/glossary.yaml` lists the preferred terms and the
variants to avoid; `ern-guides status` names every text that uses a variant (and `--strict` fails on it).

    - prefer: e-mail
      avoid: [courriel]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError, Problem, describe
from generator.texts import Entry
from generator.yamlsource import load

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


def variants(terms: list[Term], entries: dict[str, Entry]) -> list[Problem]:
    """Each text that uses a variant to avoid, located at its entry, with the preferred term."""
    found = []
    for key, entry in entries.items():
        for term in terms:
            for variant in term.avoid:
                if re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", entry.text, flags=re.I):
                    found.append(Problem(entry.file, entry.line, 1, key, f"uses {variant!r}: the glossary prefers "
                                                                         f"{term.prefer!r}"))
    return found
