"""Every sentence traceable: which English texts state facts without naming where they come from.

A text is traced when the catalogue uses it (every catalogue element that shows a text names its sources: a
step, a platform, a network's note, a trouble...), when its English entry names `sources:` itself, or when it
says `interface: true` (a heading, a button, a date format: no fact about the outside world). `ern-guides
unsourced` lists the others (and those naming a source the catalogue lacks), for a reviewer; `ern-guides check`
warns about each: the pages do not depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.catalogue import model
from generator.inputs.errors import Problem
from generator.words.texts import Entry


def used_by_catalogue(catalogue: model.Catalogue, texts: dict[str, Entry]) -> set[str]:
    """The text keys that some part of the catalogue shows."""
    return {value for value in _strings(catalogue.model_dump()) if value in texts}


def unsourced(catalogue: model.Catalogue, texts: dict[str, Entry]) -> list[tuple[str, Entry]]:
    """English texts that are not traced, in file order."""
    used = used_by_catalogue(catalogue, texts)
    known = {s.id for s in catalogue.sources}
    found = [(key, entry) for key, entry in texts.items() if key not in used and not entry.interface
             and not (entry.sources and set(entry.sources) <= known)]
    return sorted(found, key=lambda item: (item[1].file, item[1].line))


def unknown_sources(catalogue: model.Catalogue, texts: dict[str, Entry]) -> list[Problem]:
    """`sources:` of English texts that name no source of the catalogue."""
    known = {s.id for s in catalogue.sources}
    return [Problem(entry.file, entry.line, 1, key, f"expected source ids of the catalogue, got {source_id!r}")
            for key, entry in texts.items() for source_id in entry.sources if source_id not in known]


def retired_mentions(catalogue: model.Catalogue, texts: dict[str, Entry]) -> list[Problem]:
    """A network's note on today's page (its platform's steps) whose English speaks of a retired sign-in method,
    by its label or its `words`: written for the old way in, or moved from its step, it now misleads."""
    retired = [(m, [m.label, *m.words]) for m in catalogue.retired_methods]
    found = []
    for network in catalogue.networks:
        steps = set(catalogue.procedure_of(network))
        for note in catalogue.settings_of(network).notes:
            key = note.tip or note.warning or note.note
            entry = texts.get(key)
            if note.step not in steps or entry is None:
                continue
            for method, words in retired:
                said = next((w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", entry.text, re.I)), None)
                if said:
                    found.append(Problem(entry.file, entry.line, 1, key, f"{network.short_name}'s note at step "
                                         f"{note.step!r} speaks of {said!r}: {method.label}, retired on "
                                         f"{method.retired_on.isoformat()}; rewrite it for today's way in, or "
                                         "anchor it to a step of the first CPMS's page only"))
    return found


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
