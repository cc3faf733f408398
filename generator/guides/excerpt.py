"""A long on-screen list as a guide's picture shows it: the rows around the reader's choice, the rest cut and
counted, so that a picture shows the part of the screen its step is about."""

from __future__ import annotations

from dataclasses import dataclass

KEEP = 1  # rows kept on each side of the reader's choice


@dataclass(frozen=True)
class Cut:
    """Rows left out of a picture, which the reader may still open to read."""

    items: tuple

    @property
    def count(self) -> int:
        return len(self.items)


def around(items: list, chosen: object = None, keep: int = KEEP) -> list:
    """The items near `chosen` (the first ones where there is no choice), each left-out run of two or more
    replaced by one `Cut`; a single row is kept rather than cut."""
    items = list(items)
    if chosen in items:
        at = items.index(chosen)
        start, end = max(0, at - keep), min(len(items), at + keep + 1)
    else:
        start, end = 0, min(len(items), 2 * keep + 1)
    if start == 1:
        start = 0
    if end == len(items) - 1:
        end = len(items)
    return ([Cut(tuple(items[:start]))] if start else []) + items[start:end] + \
        ([Cut(tuple(items[end:]))] if end < len(items) else [])


def is_cut(item: object) -> bool:
    return isinstance(item, Cut)


def labels(cut: Cut, attribute: str) -> Cut:
    """The rows left out, by the attribute the screen shows of each (a country's name, a hospital's label)."""
    return Cut(tuple(getattr(item, attribute) for item in cut.items))
