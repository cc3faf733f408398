"""Dates in the reader's words, and how recent the evidence behind a guide or a practice is: what a reader needs
to judge whether the screens described are still the ones they will see."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from generator import model
from generator.texts import Texts


def date_text(day: date, t: Texts) -> Markup:
    """A date as the reader's language writes it, e.g. '1 July 2025' or '1er juillet 2025'."""
    if day.day == 1:
        return t("date.format-first", month=t(f"date.month.{day.month}"), year=day.year)
    return t("date.format", day=day.day, month=t(f"date.month.{day.month}"), year=day.year)


def evidence_text(cat: model.Catalogue, source_ids: list[str], t: Texts) -> Markup:
    """The sources as dated evidence: undated documents together ("3 documents written before 1 January 2025"),
    each web page by its publisher and date ("ERKNet's page, consulted on 6 December 2026")."""
    sources = [cat.source(i) for i in dict.fromkeys(source_ids)]
    documents = [s for s in sources if s.url is None]
    parts: list[Markup] = []
    dated = [s for s in documents if s.published]
    undated = [s for s in documents if not s.published]
    for source in dated:
        parts.append(t("evidence.document", title=source.title, published=date_text(source.published, t)))
    if undated:
        before = max(s.published_before for s in undated)
        parts.append(t("evidence.document-before", before=date_text(before, t)) if len(undated) == 1 else
                     t("evidence.documents-before", count=len(undated), before=date_text(before, t)))
    pages: dict[tuple, int] = {}  # several pages of one publisher, of one day, count together
    for source in (s for s in sources if s.url is not None):
        key = (source.publisher, "published", source.published) if source.published else \
              (source.publisher, "consulted", source.consulted)
        pages[key] = pages.get(key, 0) + 1
    for (publisher, how, day), count in pages.items():
        found = {"publisher": publisher, how: date_text(day, t)}
        parts.append(t(f"evidence.page-{how}", **found) if count == 1 else
                     t(f"evidence.pages-{how}", count=count, **found))
    return t("list.separator").join(parts)
