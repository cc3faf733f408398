"""A language's spacing rules, applied to its texts when pages are generated: translators type plain spaces,
readers get the right ones (French: a narrow no-break space before ; ! ?, a no-break space before : and inside
« »), so a line never starts with "; son QR code".

The rules are a translator's file, `guides/<lang>/typography.yaml`; a language without one keeps its spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError, Problem, describe
from generator.yamlsource import load

FILE = "typography.yaml"
SPACES = {"no-break": "\u00a0", "narrow no-break": "\u202f"}
FIELDS = {"before": "characters that take this space before them, instead of a plain space",
          "after": "characters that take this space after them, instead of a plain space"}


@dataclass(frozen=True)
class Rule:
    space: str  # the character that replaces a plain space
    before: str
    after: str


@dataclass(frozen=True)
class Typography:
    rules: tuple[Rule, ...]

    @property
    def characters(self) -> frozenset[str]:
        """Every character some rule changes the spaces around."""
        return frozenset("".join(rule.before + rule.after for rule in self.rules))

    def apply(self, text: str) -> str:
        for rule in self.rules:
            if rule.before:
                text = re.sub(f"[ \u00a0\u202f]+(?=[{re.escape(rule.before)}])", rule.space, text)
            if rule.after:
                text = re.sub(f"(?<=[{re.escape(rule.after)}])[ \u00a0\u202f]+", rule.space, text)
        return text


def load_typography(folder: Path, display: str) -> Typography | None:
    """The rules of one language folder, or None if it has none. Each rule names a space and the characters
    it goes before or after:

        - {space: narrow no-break, before: ";!?"}
    """
    path = folder / FILE
    if not path.exists() and not path.is_symlink():
        return None
    located = load(path, f"{display}/{FILE}")
    if not isinstance(located.data, list):
        raise InputError([located.problem((), f"expected a list of rules like "
                                              f"- {{space: no-break, before: ':'}}, got {describe(located.data)}")])
    problems: list[Problem] = []
    rules = []
    for i, rule in enumerate(located.data):
        if not isinstance(rule, dict) or rule.get("space") not in SPACES:
            problems.append(located.problem((i,), f"expected a rule with space: {' or '.join(SPACES)}, "
                                                  f"got {describe(rule)}"))
            continue
        unknown = sorted(set(rule) - {"space", *FIELDS})
        wrong = [f for f in FIELDS if not isinstance(rule.get(f, ""), str)]
        if unknown or wrong or not any(rule.get(f) for f in FIELDS):
            problems.append(located.problem((i,), "expected space and before and/or after (text): "
                                                  + "; ".join(f"{f}: {d}" for f, d in FIELDS.items())))
            continue
        rules.append(Rule(SPACES[rule["space"]], rule.get("before", ""), rule.get("after", "")))
    if problems:
        raise InputError(problems)
    return Typography(tuple(rules))
