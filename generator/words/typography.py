"""A language's typographic rules, applied to its texts when pages are generated: translators type plain spaces
and straight apostrophes, readers get the right ones (French: a narrow no-break space before ; ! ?, a no-break
space before : and inside « », typographic apostrophes), so a line never starts with "; son QR code"; and words
that elide before a vowel do so before a name put in a sentence ("de {network}" with EURACAN: "d’EURACAN").

The rules are a translator's file, `guides/<lang>/typography.yaml`; a language without one keeps its spaces. The
same file says which invisible characters the language's script needs (`- {allow: [U+200C]}` for Persian's
zero-width non-joiner): its texts may hold those, and no other language's may.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape
from pathlib import Path

from generator.inputs.errors import InputError, Problem, describe
from generator.inputs.yamlsource import load

FILE = "typography.yaml"
SPACES = {"no-break": "\u00a0", "narrow no-break": "\u202f"}
FIELDS = {"before": "characters that take this space before them, instead of a plain space",
          "after": "characters that take this space after them, instead of a plain space"}
KINDS = ("- {space: no-break, before: ':'}", "- {elide: [de, que], before: 'AEIOU'}",
         "- {replace: \"'\", with: '’'}", "- {allow: [U+200C]}")
# Invisible characters a script needs, which a language's texts may then hold (every other language's texts are
# refused them): the zero-width non-joiner and joiner (Persian, Indic scripts), the direction marks (Arabic,
# Hebrew). Never bidirectional overrides or isolates, zero-width spaces, the byte order mark or a soft hyphen.
ALLOWABLE = {"U+200C": "\u200c", "U+200D": "\u200d", "U+200E": "\u200e", "U+200F": "\u200f", "U+061C": "\u061c"}


@dataclass(frozen=True)
class Rule:
    space: str  # the character that replaces a plain space
    before: str
    after: str


@dataclass(frozen=True)
class Elision:
    words: tuple[str, ...]  # each loses its last letter for an apostrophe before `before`: de -> d’, que -> qu’
    before: str


@dataclass(frozen=True)
class Typography:
    rules: tuple[Rule, ...]
    elisions: tuple[Elision, ...] = ()
    replacements: tuple[tuple[str, str], ...] = ()
    allowed: frozenset[str] = frozenset()  # invisible characters the language's script needs

    @property
    def characters(self) -> frozenset[str]:
        """Every character some rule changes, or changes the spaces around."""
        return frozenset("".join(rule.before + rule.after for rule in self.rules)
                         + "".join(old for old, _ in self.replacements))

    def touches(self, value: str) -> bool:
        """Whether the rules could change a value, or the words around it, put in a text."""
        return bool(self.characters.intersection(value)) or any(value[:1] in e.before for e in self.elisions)

    def apply(self, text: str) -> str:
        for old, new in self.replacements:  # as typed, and as a filled text holds it (&#39; for ')
            text = text.replace(old, new).replace(str(escape(old)), new)
        for elision in self.elisions:
            words = "|".join(re.escape(form) for w in elision.words for form in (w, w.capitalize()))
            text = re.sub(rf"(?<![\w’'-])({words}) (?=[*_]*[{re.escape(elision.before)}])",
                          lambda m: m.group(1)[:-1] + "’", text)
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
    rules, elisions, replacements, allowed = [], [], [], set()
    for i, rule in enumerate(located.data):
        if isinstance(rule, dict) and "allow" in rule:
            codes = rule.get("allow")
            if set(rule) != {"allow"} or not isinstance(codes, list) or not codes \
                    or not all(isinstance(c, str) and c.upper() in ALLOWABLE for c in codes):
                problems.append(located.problem((i,), f"expected the invisible characters the script needs, like "
                                                      f"{KINDS[3]}: any of {', '.join(ALLOWABLE)}; got "
                                                      f"{describe(rule)}"))
            else:
                allowed |= {ALLOWABLE[c.upper()] for c in codes}
            continue
        if isinstance(rule, dict) and "elide" in rule:
            words, before = rule.get("elide"), rule.get("before")
            if (set(rule) != {"elide", "before"} or not isinstance(words, list) or not words
                    or not all(isinstance(w, str) and w.isalpha() for w in words) or not isinstance(before, str)
                    or not before):
                problems.append(located.problem((i,), f"expected an elision like {KINDS[1]}, got {describe(rule)}"))
            else:
                elisions.append(Elision(tuple(words), before))
            continue
        if isinstance(rule, dict) and "replace" in rule:
            old, new = rule.get("replace"), rule.get("with")
            if set(rule) != {"replace", "with"} or not isinstance(old, str) or not old or not isinstance(new, str):
                problems.append(located.problem((i,), f"expected a replacement like {KINDS[2]}, got "
                                                      f"{describe(rule)}"))
            else:
                replacements.append((old, new))
            continue
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
    return Typography(tuple(rules), tuple(elisions), tuple(replacements), frozenset(allowed))
