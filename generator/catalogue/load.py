"""Load data/ern_catalogue.yaml into the model, reporting every problem with file, line and column."""

from __future__ import annotations

import calendar
import difflib
import functools
import re
import typing
from datetime import date
from pathlib import Path

import pydantic
from pydantic import BaseModel

from generator.catalogue import model, model_types
from generator.catalogue.references import ReferenceCheck
from generator.inputs.errors import InputError, Problem, describe
from generator.inputs.yamlsource import Located, load
from generator.words.texts import Entry

# What a value of each constrained type looks like, for "expected X" in messages.
_EXPECTED_BY_PATTERN = {
    model.Id.__metadata__[0].pattern: "a lowercase id like 'ern-rnd'",
    model.TextKey.__metadata__[0].pattern: "a text key like 'step.eu-login.title'",
    model.HttpsUrl.__metadata__[0].pattern: ("an https:// address without spaces, quotes or brackets "
                                             "(write ( as %28 and ) as %29)"),
    model.Email.__metadata__[0].pattern: "an e-mail address like 'helpdesk@example.eu'",
    model.CountryCode.__metadata__[0].pattern: "a two-letter country code like 'DE'",
    model.HospitalCode.__metadata__[0].pattern: "a hospital code of two capitals and two digits like 'DE22'",
    model.Label.__metadata__[0].pattern: ("text on one line, without '<', '>' or invisible characters (however "
                                          "written: a YAML escape like \\u2028 too)"),
}
_EXPECTED_BY_TYPE = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "string_too_short": "non-empty text",
    "string_too_long": f"text of at most {model_types.MAX_LABEL} characters (a name, a title or a line of a screen)",
    "date_from_datetime_parsing": "a date like 2025-07-01",
    "date_parsing": "a date like 2025-07-01",
    "date_type": "a date like 2025-07-01",
    "date_from_datetime_inexact": "a date like 2025-07-01",
    "missing": "a value",
}


def load_catalogue(path: Path, display: str, texts: dict[str, Entry], root: Path | None = None) -> model.Catalogue:
    """Load and check the catalogue; `texts` are the English texts it may refer to, `root` the project
    folder that source documents' paths start from (default: the catalogue's folder's parent)."""
    located = load(path, display)
    if not isinstance(located.data, dict) or not located.data:
        raise InputError([located.problem((), "expected the catalogue (a mapping with 'networks', "
                                              f"'steps', ...), got {describe(located.data) if located.data else 'an empty file'}")])
    try:
        catalogue = model.Catalogue.model_validate(located.data)
    except pydantic.ValidationError as e:
        raise InputError([_problem(located, error) for error in _one_member(e.errors())]) from None
    odd = _odd_numbers(located)
    if odd:
        raise InputError(odd)
    problems = list(ReferenceCheck(catalogue, located, texts, root or path.parent.parent).problems())
    problems += [located.problem(where, f"the day {day.isoformat()} is still to come; a fact is checked, a page read "
                                 "or published, on a day that has been: is the year right?")
                 for where, day in _days(catalogue) if day > date.today()]
    if problems:
        raise InputError(problems)
    return catalogue


def _checked(cat: model.Catalogue) -> list[tuple[tuple, date]]:
    """Where each fact's `checked` date is, and the date."""
    dated = [(("steps", step_id), step.checked) for step_id, step in cat.steps.items()]
    dated += [(("platforms", pid), platform.checked) for pid, platform in cat.platforms.items()]
    dated += [(("platforms", pid, "successor"), platform.successor.checked)
              for pid, platform in cat.platforms.items() if platform.successor]
    return dated + [(("networks", i), n.checked) for i, n in enumerate(cat.networks) if n.checked]


def _days(cat: model.Catalogue) -> list[tuple[tuple, date]]:
    """Every day the catalogue says something happened on (checked, a page read or published), by where it is."""
    days = [(where + ("checked",), day) for where, day in _checked(cat)]
    return days + [(("sources", i, field), getattr(source, field)) for i, source in enumerate(cat.sources)
                   for field in ("consulted", "published") if getattr(source, field)]


def outdated(path: Path, display: str, cat: model.Catalogue, today: date) -> list[Problem]:
    """Facts last checked more than `max_age_days` ago, each located at its `checked` date (the file is read
    again for those positions only when there is one)."""
    old = [(where, checked) for where, checked in _checked(cat) if (today - checked).days > cat.max_age_days]
    located = load(path, display) if old else None
    return [located.problem(where + ("checked",), f"last checked on {checked.isoformat()}, {(today - checked).days} "
                            f"days ago (more than max_age_days: {cat.max_age_days}); check it against its sources "
                            "or the live system, then update the date")
            for where, checked in old]


def _one_member(errors: list[dict]) -> list[dict]:
    """pydantic reports an error of a field that takes a record or a word (`approval_delay`: a duration or
    'not-stated') once per member, under the member's name (`approval_delay.Duration.max_days`,
    `approval_delay.literal['not-stated']`): written as a mapping, it was meant as the record; its errors are
    said at the field's own path."""
    kept = []
    for error in errors:
        loc = tuple(error["loc"])
        if isinstance(error.get("input"), dict) and any(str(part).startswith("literal[") for part in loc):
            continue
        kept.append({**error, "loc": tuple(part for part in loc if part != model.Duration.__name__)})
    return kept


def _problem(located: Located, error: dict) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    got = describe(error.get("input"))
    if loc and loc[-1] == "[key]":  # a key of a dict[Id, ...] that is not an id
        loc = loc[:-2] + (loc[-2],)
        return located.problem(loc, f"expected {_expected(error)} as key, got {loc[-1]!r}")
    if kind == "extra_forbidden" and not re.fullmatch(r"[a-z_]+", str(loc[-1])):
        return located.problem(loc, f"unknown field {loc[-1]!r}; if it is the end of the value before it (a name "
                                    "with a comma), put that whole value in quotes: name: \"..., ...\"")
    if kind == "extra_forbidden" and len(loc) >= 2 and loc[-2] in ("approval_delay", "guest_account"):
        return located.problem(loc, f"unknown field {loc[-1]!r}; a duration takes {model.DURATION_FIELDS}")
    if kind == "extra_forbidden":
        meant = difflib.get_close_matches(str(loc[-1]), _field_names(), n=1, cutoff=0.75)
        return located.problem(loc, f"unknown field {loc[-1]!r}; " + (f"did you mean {meant[0]!r}?" if meant else
                                    "check its spelling and indentation"))
    if kind == "list_type" and isinstance(error.get("input"), dict):
        return located.problem(loc, "expected a list, got a mapping: begin each entry of the list with `- ` "
                                    "(`- {code: ..., name: ...}`, or `- ` before the first field of each entry)")
    if kind.startswith("date") and isinstance(error.get("input"), str):
        impossible = _impossible_date(error["input"])
        if impossible:
            return located.problem(loc, f"expected a date like 2025-07-01, got {error['input']!r}: {impossible}")
    if loc in located.written and kind == "string_type":
        written = located.written[loc]
        return located.problem(loc, f"expected {_expected(error)}, got {written}, which YAML reads as "
                                    f"{_as_yaml_reads(error.get('input'))}; put it in quotes: '{written}'")
    if kind == "missing":
        return located.problem(loc, "expected a value, got nothing (this field is required)")
    if kind == "too_short":
        return located.problem(loc, f"expected at least {error['ctx']['min_length']} item, got none")
    if kind == "literal_error":
        return located.problem(loc, f"expected {error['ctx']['expected']}, got {got}")
    if kind == "greater_than_equal":
        return located.problem(loc, f"expected a number of at least {error['ctx']['ge']}, got {got}")
    return located.problem(loc, f"expected {_expected(error)}, got {got}")


# Number forms YAML 1.1 reads in ways nobody means in a catalogue: 060 (octal: 48), 0x10, 0b1, 1:30 (base 60: 90),
# 1_000. A field that takes text says so itself ("put it in quotes"); one that takes a number must not change it.
_ODD_NUMBER = re.compile(r"[-+]?(0[0-9_]+|0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|.*_.*)")


def _odd_numbers(located: Located) -> list[Problem]:
    """A number written in a form YAML reads differently than a reader would, with the value to write instead."""
    found = []
    for path, written in located.written.items():
        value = _at(located.data, path)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and _ODD_NUMBER.fullmatch(written):
            meant = written.replace("_", "").lstrip("+")
            plain = str(int(meant, 10)) if re.fullmatch(r"-?0[0-9]+", meant) else str(value)
            found.append(located.problem(path, f"expected a number written plainly, got {written}, which YAML "
                                               f"reads as {value}; write {plain}"))
    return found


@functools.lru_cache(maxsize=1)
def _field_names() -> tuple[str, ...]:
    """Every field name of the catalogue's records, for "did you mean"."""
    names, seen, waiting = set(), set(), [model.Catalogue]
    while waiting:
        record = waiting.pop()
        if record in seen:
            continue
        seen.add(record)
        for name, field in record.model_fields.items():
            names.add(name)
            waiting += [t for t in _types_in(field.annotation) if isinstance(t, type) and issubclass(t, BaseModel)]
    return tuple(sorted(names))


def _types_in(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    return [annotation] if not args else [t for arg in args for t in _types_in(arg)]


def _impossible_date(written: str) -> str | None:
    """Which part of a date written YYYY-MM-DD does not exist: the month, or the day in that month."""
    found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", written.strip())
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month} (months go from 01 to 12)"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days, not {day}"
    return None


def _at(data: object, path: tuple) -> object:
    for part in path:
        data = data[part]
    return data


def _as_yaml_reads(value: object) -> str:
    """What YAML made of an unquoted value, in words: 'the number 41', 'false', 'a date'."""
    if isinstance(value, bool) or value is None:
        return describe(value)
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, date):
        return "a date"
    return describe(value)


def _expected(error: dict) -> str:
    pattern = error.get("ctx", {}).get("pattern")
    if pattern:
        return _EXPECTED_BY_PATTERN.get(pattern, f"text matching {pattern}")
    return _EXPECTED_BY_TYPE.get(error["type"], error["msg"].lower())
