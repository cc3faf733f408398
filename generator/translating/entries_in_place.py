"""A language's file changed entry by entry, in place: the entries a change touches are rewritten, every other
line (a translator's comments, layout, entries of keys English no longer has) stays as it was."""

from __future__ import annotations

import re

import yaml

from generator.inputs.yamlsource import parse

HEADER = ("# Translations of guides/en/{name} into '{language}'. Keep {{placeholders}} as in English.\n"
          "# `source` is the fingerprint of the English text translated; see TRANSLATING.md.\n")


class _Dumper(yaml.SafeDumper):
    """Multi-line texts (lists) as literal blocks, as a person would write them."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def dumped(key: str, text: str, fingerprint: str | None) -> str:
    """One entry as a person would write it."""
    return yaml.dump({key: {"text": text, **({"source": fingerprint} if fingerprint else {})}}, Dumper=_Dumper,
                     allow_unicode=True, sort_keys=False, width=110)


def with_entries(text: str, display: str, changes: dict[str, tuple[str, str | None]], order: list[str]) -> str:
    """`text` (a language file) with each `{key: (text, fingerprint)}` of `changes` written: an entry the file has
    is replaced where it stands (its own lines only: the comments and blank lines after it belong to what
    follows), a new one goes after the nearest key before it in `order` (the English file's), else first."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    starts = _starts(text, display)
    edits: list[tuple[int, int, int, str]] = []  # (start, 1 to replace or 0 to insert, end, new lines)
    inserted: dict[int, list[str]] = {}
    rank = {k: i for i, k in enumerate(order)}
    placed = sorted(starts, key=lambda k: rank.get(k, len(order)))  # the file's keys in English order
    for key in sorted(changes, key=lambda k: rank.get(k, len(order))):
        entry = dumped(key, *changes[key])
        if key in starts:
            edits.append((starts[key], 1, _own_end(lines, starts, key), entry))
            continue
        before = [k for k in placed if rank.get(k, len(order)) < rank.get(key, len(order))] or (
            placed if key not in rank else [])
        at = _own_end(lines, starts, before[-1]) if before else min(starts.values(), default=len(lines))
        inserted.setdefault(at, []).append(entry)
    edits += [(at, 0, at, "".join(entries)) for at, entries in inserted.items()]
    for start, _, end, new in sorted(edits, reverse=True):  # from the end, so that earlier lines keep their place
        lines[start:end] = [new]
    return "".join(lines)


def with_source(text: str, display: str, key: str, fingerprint: str) -> str:
    """`text` with one entry's `source:` set, in place: its line if it has one, else a new line after the entry."""
    located = parse(text, display)
    lines = text.splitlines(keepends=True)
    if (key, "source") in located.positions:
        at = located.positions[(key, "source")][0] - 1
        lines[at] = re.sub(r"source:\s*\S*", lambda _: f"source: {_scalar(fingerprint)}", lines[at], count=1)
    else:
        starts = _starts(text, display)
        end = _own_end(lines, starts, key)
        lines.insert(end, f"  source: {_scalar(fingerprint)}\n")
    return "".join(lines)


def _scalar(fingerprint: str) -> str:
    """A fingerprint as YAML reads back as text: quoted where it is all digits (it would read as a number)."""
    return yaml.safe_dump(fingerprint).splitlines()[0]


def _starts(text: str, display: str) -> dict[str, int]:
    """Each top-level key's first line (0-based)."""
    located = parse(text, display)
    return {key: located.positions[(key,)][0] - 1 for key in located.data or {}}


def _own_end(lines: list[str], starts: dict[str, int], key: str) -> int:
    """The line after an entry's own lines: up to the next key, less the blank and comment lines before it."""
    following = [line for line in starts.values() if line > starts[key]]
    end = min(following, default=len(lines))
    while end > starts[key] + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end
