"""A language's plural forms, by the Unicode CLDR's rules (Babel): which forms a text said for a count has in it
(Polish: one, few, many; Arabic: zero, one, two, few, many, other; Japanese: other), whatever forms English has.
Every tool counts, exports, imports and checks those: a language never misses a form English lacks."""

from __future__ import annotations

import functools
import gettext

import babel
from babel.messages.plurals import get_plural

from generator.words.texts import Entry, plural_base, plural_families, plural_rule


@functools.lru_cache(maxsize=None)
def gettext_plurals(language: str) -> tuple[str, list[str]]:
    """A language's Plural-Forms header, as gettext writes it (from Babel's table), and the CLDR form that each
    of its msgstr[i] holds (found by the first count each index is used for)."""
    locale = language.replace("-", "_")
    try:
        plurals = get_plural(locale)
    except (ValueError, babel.UnknownLocaleError):
        plurals = get_plural(locale.split("_")[0])
    index = gettext.c2py(plurals.plural_expr)
    cldr = plural_rule(language)
    counts = [*range(1000), *(10 ** k for k in range(3, 8))]  # French uses `many` only from a million on
    forms = [next((cldr(n) for n in counts if index(n) == i), "other") for i in range(plurals.num_plurals)]
    return f"nplurals={plurals.num_plurals}; plural={plurals.plural_expr};", forms


def wanted_keys(source: dict[str, Entry], language: str) -> list[str]:
    """The keys a language translates, in English order: every English text, except that a text said for a
    count has the language's own forms (`unit.days.one`, `.few`, `.many` in Polish) in place of English's."""
    forms = gettext_plurals(language)[1]
    families = plural_families(source)
    wanted: list[str] = []
    for key in source:
        base = plural_base(key)
        if base not in families:
            wanted.append(key)
        elif f"{base}.{forms[0]}" not in wanted:
            wanted += [f"{base}.{form}" for form in dict.fromkeys(forms)]
    return wanted
