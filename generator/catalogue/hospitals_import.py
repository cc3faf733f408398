"""`ern-guides import-hospitals`: merge a network's member list, exported from a spreadsheet, into the catalogue.

The CSV has the columns country, code and name (a header row names them, in any order; commas, semicolons or
tabs). For every country the file mentions, its rows become that country's hospital list in the network: new
codes are added, changed names renamed, codes no longer listed removed. Countries the file does not mention are
left as they are. Only the country entries that change are rewritten; the rest of the catalogue, comments and
layout included, stays byte for byte.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.catalogue.model import HospitalCode, Label
from generator.inputs.errors import InputError, Problem
from generator.inputs.writing import write_together
from generator.inputs.yamlsource import read_plain

COLUMNS = ("country", "code", "name")
_CODE = re.compile(HospitalCode.__metadata__[0].pattern)  # the model's rules: a row is refused as the catalogue would
_NAME = re.compile(Label.__metadata__[0].pattern)


@dataclass(frozen=True)
class Change:
    country: str
    added: list[tuple[str, str]]
    renamed: list[tuple[str, str, str]]  # code, old name, new name
    removed: list[tuple[str, str]]

    def lines(self) -> list[str]:
        return ([f"  + {code} {name}" for code, name in self.added]
                + [f"  ~ {code} {old} -> {new}" for code, old, new in self.renamed]
                + [f"  - {code} {name}" for code, name in self.removed])


def read_rows(path: Path, display: str, countries: set[str]) -> dict[str, dict[str, str]]:
    """The file's hospitals by country, then code; every row checked, each problem with its CSV line."""
    raw = read_plain(path, display)
    try:
        text = raw.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as e:
        raise InputError([Problem(display, raw[:e.start].count(b"\n") + 1, 1, "", "expected UTF-8 text; export "
                                  "the sheet as 'CSV UTF-8'")]) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader, [])]
    if sorted(header) != sorted(COLUMNS):
        raise InputError([Problem(display, 1, 1, "", f"expected a header row with the columns {', '.join(COLUMNS)} "
                                  f"(in any order), got {', '.join(header) or 'nothing'}")])
    problems: list[Problem] = []
    rows: dict[str, dict[str, str]] = {}
    seen: dict[str, int] = {}
    for values in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in values):
            continue
        if len(values) != len(COLUMNS):
            problems.append(Problem(display, line, 1, "", f"expected {len(COLUMNS)} cells, got {len(values)} (a "
                                    f"name with a {delimiter!r} in it must be in double quotes)"))
            continue
        row = {column: cell.strip() for column, cell in zip(header, values)}
        country, code, name = row["country"].upper(), row["code"].upper(), row["name"]
        if country not in countries:
            problems.append(Problem(display, line, 1, "country", f"expected one of the country codes of "
                                    f"`countries:` in the catalogue, got {row['country']!r}; add the country there "
                                    "first, as the organisation screen names it"))
        elif not _CODE.match(code) or not code.startswith(country):
            problems.append(Problem(display, line, 1, "code", f"expected a hospital code of the country's two "
                                    f"capitals and two digits like '{country}22', got {row['code']!r}"))
        elif not name or not _NAME.match(name):
            problems.append(Problem(display, line, 1, "name", f"expected the name as on screen, on one line, "
                                    f"without '<' or '>', got {name!r}"))
        elif code in seen:
            problems.append(Problem(display, line, 1, "code", f"duplicate hospital code {code!r} (first on line "
                                    f"{seen[code]})"))
        else:
            seen[code] = line
            rows.setdefault(country, {})[code] = name
    if problems:
        raise InputError(problems)
    return rows


def plan(current: dict[str, dict[str, str]], wanted: dict[str, dict[str, str]]) -> list[Change]:
    """What changes, country by country, for the countries the file mentions."""
    changes = []
    for country, rows in wanted.items():
        now = current.get(country, {})
        change = Change(country, [(c, n) for c, n in rows.items() if c not in now],
                        [(c, now[c], n) for c, n in rows.items() if c in now and now[c] != n],
                        [(c, n) for c, n in now.items() if c not in rows])
        if change.added or change.renamed or change.removed:
            changes.append(change)
    return changes


def merged_text(text: str, network_id: str, wanted: dict[str, dict[str, str]], changes: list[Change],
                screen_order: list[str]) -> str:
    """The catalogue's text with the changed country entries of one network rewritten, the rest unchanged; a
    country new to the network goes where the organisation screen lists it (`screen_order`, the catalogue's
    `countries:`), and a network with no `countries:` list yet gets one."""
    rank = {code: i for i, code in enumerate(screen_order)}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    network = next(n for n in _value(root, "networks").value if _scalar(_value(n, "id")) == network_id)
    entries = _value(network, "countries")
    listed = entries.value if isinstance(entries, yaml.SequenceNode) else []
    by_country = {_scalar(_value(e, "country")): e for e in listed}
    column = listed[0].start_mark.column if listed else network.start_mark.column + 4
    edits: list[tuple[int, int, str]] = []
    inserted: dict[int, list[str]] = {}  # new entries by where they go, in screen order
    for change in sorted(changes, key=lambda c: rank.get(c.country, len(rank))):
        rows = sorted(wanted[change.country].items())
        entry = by_country.get(change.country)
        if entry is not None:
            others = [f"{_scalar(k)}: {_with_comment(text, v)}" for k, v in entry.value
                      if _scalar(k) not in ("country", "hospitals")]
            edits.append((entry.start_mark.index, _end(entry), _entry(change.country, rows, column, others)))
            continue
        item = " " * (column - 2) + "- " + _entry(change.country, rows, column, [])
        later = [e for e in listed if rank.get(_scalar(_value(e, "country")), len(rank)) > rank.get(change.country, -1)]
        if later:  # before the first country the screen lists after it, at the start of its line
            inserted.setdefault(text.rfind("\n", 0, later[0].start_mark.index) + 1, []).append(item + "\n")
        else:  # after the last, at the end of its line (a comment there stays with it)
            inserted.setdefault(_line_end(text, _end(listed[-1] if listed else network)), []).append("\n" + item)
    for at, items in inserted.items():
        if listed:
            edits.append((at, at, "".join(items)))
        elif entries is not None:  # `countries: []`, or nothing after it: the list replaces it
            edits.append((_value_key(network, "countries").start_mark.index, _line_end(text, _end(entries)),
                          "countries:" + "".join(items)))
        else:
            edits.append((at, at, "\n" + " " * (column - 4) + "countries:" + "".join(items)))
    for start, end, new in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _value_key(mapping: yaml.Node, key: str) -> yaml.Node:
    return next(k for k, _ in mapping.value if _scalar(k) == key)


def apply(root: Path, catalogue: Path, text: str) -> None:
    """Write the catalogue in one step (the caller holds the ProjectLock): a crash leaves the old file or the new
    one, never half of each."""
    write_together(root, {catalogue: text})


def _entry(country: str, rows: list[tuple[str, str]], column: int, others: list[str]) -> str:
    """A country entry in block style at `column`: the country, its hospitals, then its other fields as written."""
    indent = " " * column
    return "\n".join([f"country: {country}", f"{indent}hospitals:"]
                     + [f"{indent}  - {_flow(code, name)}" for code, name in rows]
                     + [f"{indent}{field}" for field in others])


def _with_comment(text: str, node: yaml.Node) -> str:
    """A field's value as written, with the comment that follows it on its line."""
    end = _end(node)
    line_end = text.find("\n", end) % (len(text) + 1)
    rest = text[end:line_end]
    return text[node.start_mark.index:line_end if rest.strip().startswith("#") else end].rstrip()


def _flow(code: str, name: str) -> str:
    return yaml.safe_dump({"code": code, "name": name}, default_flow_style=True, allow_unicode=True,
                          sort_keys=False, width=1 << 16).strip()


def _value(mapping: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if _scalar(k) == key:
                return v
    return None


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _end(node: yaml.Node) -> int:
    """Where a node's own text ends: the end of its last scalar or flow collection (a block collection's end mark
    lies after the comments and blank lines that follow it)."""
    if isinstance(node, yaml.ScalarNode) or node.flow_style:
        return node.end_mark.index
    last = node.value[-1] if node.value else None
    if last is None:
        return node.end_mark.index
    return _end(last[1] if isinstance(last, tuple) else last)
