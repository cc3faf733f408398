"""Dates and durations in the reader's words (the language's own plural forms, from the Unicode CLDR), and how
recent the evidence behind a guide or a practice is: what a reader needs to judge whether the screens described
are still the ones they will see."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

from markupsafe import Markup

from generator.catalogue import model
from generator.words.lookup import Texts, literal
from generator.words.texts import plural_rule


class Localised(Markup):
    """A value written in the reader's language that can be written again in another: a text shown in English
    instead of its translation puts it in English too ("Since 1 July 2025", not "Since 1 luglio 2025")."""

    again: Callable[[Texts], Markup]


def localised(render: Callable[[object, Texts], Markup]) -> Callable[[object, Texts], Localised]:
    """Make a function of (value, texts) return values that know how to render themselves again."""
    @functools.wraps(render)
    def wrapper(value, t: Texts) -> Localised:
        found = Localised(render(value, t))
        found.again = lambda other: render(value, other)
        return found
    return wrapper


@localised
def date_text(day: date, t: Texts) -> Markup:
    """A date as the reader's language writes it, e.g. '1 July 2025' or '1er juillet 2025'."""
    if day.day == 1:
        return t("date.format-first", month=t(f"date.month.{day.month}"), year=day.year)
    return t("date.format", day=day.day, month=t(f"date.month.{day.month}"), year=day.year)


@localised
def duration_text(duration: model.Duration, t: Texts) -> Markup:
    """'up to 24 hours', '1 to 2 days', 'at least 3 months', with the source's condition after it."""
    def amount(count: int) -> Markup:
        return plural(t, f"unit.{duration.unit}", count)
    if duration.min is None:
        found = t("duration.at-most", max=amount(duration.max))
    elif duration.max is None:
        found = t("duration.at-least", min=amount(duration.min))
    elif duration.min == duration.max:
        found = amount(duration.max)
    else:
        found = t("duration.between", min=duration.min, max=amount(duration.max))
    return t("duration.with-condition", duration=found, condition=t(duration.condition)) if duration.condition \
        else found


def plural(t: Texts, key: str, count: int, **values: object) -> Markup:
    """The text `key.<category>` for a count, the category the language's CLDR plural rule gives it ('one',
    'few', 'many', 'other'...); `key.other` where neither the language nor English has such a form."""
    form = f"{key}.{plural_rule(t.language)(count)}"
    return t(form if form in t.entries or form in t.source else f"{key}.other", count=count, **values)


def source_title(source: model.Source, t: Texts) -> Markup:
    """A source's title as its author wrote it, marked with the source's language where the page is in another
    (a screen reader then reads it in that language)."""
    if source.language == t.language:
        return literal(source.title)
    return Markup(f'<span lang="{source.language}">{literal(source.title)}</span>')


def evidence_text(cat: model.Catalogue, source_ids: list[str], t: Texts) -> Markup:
    """The sources as dated evidence: undated documents together ("3 documents written before 1 January 2025"),
    each web page by its publisher and date ("ERKNet's page, consulted on 6 December 2026")."""
    sources = [cat.source(i) for i in dict.fromkeys(source_ids)]
    documents = [s for s in sources if s.url is None]
    parts: list[Markup] = []
    dated = [s for s in documents if s.published]
    undated = [s for s in documents if not s.published]
    for source in dated:
        parts.append(t("evidence.document", title=source_title(source, t), published=date_text(source.published, t)))
    if undated:
        before = max(s.published_before for s in undated)
        parts.append(plural(t, "evidence.documents-before", len(undated), before=date_text(before, t)))
    pages: dict[tuple, int] = {}  # several pages of one publisher, of one day, count together
    for source in (s for s in sources if s.url is not None):
        key = (publisher(source, t), "published", source.published) if source.published else \
              (publisher(source, t), "consulted", source.consulted)
        pages[key] = pages.get(key, 0) + 1
    for (named, how, day), count in pages.items():
        parts.append(plural(t, f"evidence.pages-{how}", count, publisher=named, **{how: date_text(day, t)}))
    return t("list.separator").join(parts)


def publisher(source: model.Source, t: Texts) -> Markup | str:
    """Who published a page: in the reader's language where its name has one, else as the page names itself."""
    return t(source.publisher_name) if source.publisher_name else source.publisher
