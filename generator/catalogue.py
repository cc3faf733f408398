"""Load data/ern_catalogue.yaml into the model, reporting every problem with file, line and column."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pydantic

from generator import model
from generator.errors import InputError, Problem, describe
from generator.yamlsource import Located, load

# What a value of each constrained type looks like, for "expected X" in messages.
_EXPECTED_BY_PATTERN = {
    model.Id.__metadata__[0].pattern: "a lowercase id like 'ern-rnd'",
    model.TextKey.__metadata__[0].pattern: "a text key like 'step.eu-login.title'",
    model.HttpsUrl.__metadata__[0].pattern: "an https:// address",
    model.Email.__metadata__[0].pattern: "an e-mail address like 'helpdesk@example.eu'",
    model.CountryCode.__metadata__[0].pattern: "a two-letter country code like 'DE'",
    model.HospitalCode.__metadata__[0].pattern: "a hospital code of two capitals and two digits like 'DE22'",
    model.Label.__metadata__[0].pattern: "text without '<' or '>'",
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
    "missing": "a value",
}


def load_catalogue(path: Path, display: str, text_keys: Iterable[str]) -> model.Catalogue:
    """Load and check the catalogue; `text_keys` are the English text keys it may refer to."""
    located = load(path, display)
    if not isinstance(located.data, dict) or not located.data:
        raise InputError([located.problem((), "expected the catalogue (a mapping with 'networks', "
                                              f"'steps', ...), got {describe(located.data) if located.data else 'an empty file'}")])
    try:
        catalogue = model.Catalogue.model_validate(located.data)
    except pydantic.ValidationError as e:
        raise InputError([_problem(located, error) for error in e.errors()]) from None
    problems = list(_check_references(catalogue, located, set(text_keys)))
    if problems:
        raise InputError(problems)
    return catalogue


def _problem(located: Located, error: dict) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    got = describe(error.get("input"))
    if loc and loc[-1] == "[key]":  # a key of a dict[Id, ...] that is not an id
        loc = loc[:-2] + (loc[-2],)
        return located.problem(loc, f"expected {_expected(error)} as key, got {loc[-1]!r}")
    if kind == "extra_forbidden":
        return located.problem(loc, f"unknown field {loc[-1]!r}; check its spelling and indentation")
    if kind == "missing":
        return located.problem(loc, "expected a value, got nothing (this field is required)")
    if kind == "too_short":
        return located.problem(loc, f"expected at least {error['ctx']['min_length']} item, got none")
    if kind == "literal_error":
        return located.problem(loc, f"expected {error['ctx']['expected']}, got {got}")
    if kind == "greater_than_equal":
        return located.problem(loc, f"expected a number of at least {error['ctx']['ge']}, got {got}")
    return located.problem(loc, f"expected {_expected(error)}, got {got}")


def _expected(error: dict) -> str:
    pattern = error.get("ctx", {}).get("pattern")
    if pattern:
        return _EXPECTED_BY_PATTERN.get(pattern, f"text matching {pattern}")
    return _EXPECTED_BY_TYPE.get(error["type"], error["msg"].lower())


def _check_references(cat: model.Catalogue, located: Located, text_keys: set[str]) -> Iterable[Problem]:
    """Everything pydantic cannot see: references between parts, uniqueness, consistency."""
    return _ReferenceCheck(cat, located, text_keys).problems()


class _ReferenceCheck:
    def __init__(self, cat: model.Catalogue, located: Located, text_keys: set[str]) -> None:
        self.cat, self.located, self.text_keys = cat, located, text_keys
        self.sources = [s.id for s in cat.sources]

    def refer(self, path: tuple, value: str | None, known: Iterable[str], what: str) -> Iterable[Problem]:
        known = list(known)
        if value is not None and not known:
            yield self.located.problem(path, f"expected one of the {what}, but none are defined; got {value!r}")
        elif value is not None and value not in known:
            shown = ", ".join(sorted(known)[:30]) + (", ..." if len(known) > 30 else "")
            yield self.located.problem(path, f"expected one of the {what}: {shown}; got {value!r}")

    def source(self, path: tuple, value: str | None) -> Iterable[Problem]:
        return self.refer(path, value, self.sources, "source ids")

    def unique(self, path: tuple, values: list[str], what: str) -> Iterable[Problem]:
        for value, count in Counter(values).items():
            if count > 1:
                second = [i for i, v in enumerate(values) if v == value][1]
                yield self.located.problem(path + (second,), f"duplicate {what} {value!r}")

    def text(self, path: tuple, key: str | None) -> Iterable[Problem]:
        if key is not None and key not in self.text_keys:
            yield self.located.problem(path, f"expected a text key defined in guides/en/, got {key!r}")

    def problems(self) -> Iterable[Problem]:
        cat = self.cat
        yield from self.unique(("sources",), self.sources, "source id")
        yield from self.unique(("countries",), [c.code for c in cat.countries], "country code")
        yield from self.unique(("access_profiles",), [p.id for p in cat.access_profiles], "access profile id")
        yield from self.unique(("verification_methods",), [m.id for m in cat.verification_methods],
                               "verification method id")
        for name, link in cat.links.items():
            yield from self.source(("links", name, "source"), link.source)
        for name, contact in cat.contacts.items():
            yield from self.source(("contacts", name, "source"), contact.source)
        for name, named in cat.lists.items():
            yield from self.source(("lists", name, "source"), named.source)
        if "cpms-it-support" not in cat.contacts:
            yield self.located.problem(("contacts",), "expected a contact 'cpms-it-support' (the CPMS helpdesk), got none")
        for i, other in enumerate(cat.other_organisations):
            yield from self.source(("other_organisations", i, "source"), other.source)
            yield from self.text(("other_organisations", i, "note"), other.note)
        yield from self.refer(("application", "target"), cat.application.target,
                              cat.application.choices, "application choices")
        yield from self.steps()
        for i, step_id in enumerate(cat.default_procedure):
            yield from self.refer(("default_procedure", i), step_id, cat.steps, "step ids")
        yield from self.guide(("default_guide",), cat.default_guide, None)
        for what in ("language", "recommended_verification", "profiles", "link_sign_in", "browsers"):
            if getattr(cat.default_guide, what) is None:
                yield self.located.problem(("default_guide",), f"expected a value for {what!r}, got nothing")
        yield from self.unique(("networks",), [n.id for n in cat.networks], "network id")
        yield from self.unique(("networks",), [n.label for n in cat.networks], "network label")
        for i, network in enumerate(cat.networks):
            yield from self.network(("networks", i), network)

    def steps(self) -> Iterable[Problem]:
        for step_id, step in self.cat.steps.items():
            path = ("steps", step_id)
            yield from self.text(path + ("title",), step.title)
            yield from self.refer(path + ("variant_of",), step.variant_of, self.cat.steps, "step ids")
            yield from self.text(path + ("intro",), step.intro)
            for b, block in enumerate(step.blocks):
                kinds = [k for k in model.BLOCK_KINDS if getattr(block, k)]
                if len(kinds) != 1:
                    yield self.located.problem(path + ("blocks", b), "expected exactly one of "
                                               f"{', '.join(model.BLOCK_KINDS)}; got {', '.join(kinds) or 'none'}")
                for kind in model.TEXT_BLOCK_KINDS:
                    yield from self.text(path + ("blocks", b, kind), getattr(block, kind))
                yield from self.refer(path + ("blocks", b, "items"), block.items, self.cat.lists, "list ids")

    def network(self, path: tuple, network: model.Network) -> Iterable[Problem]:
        countries = [c.code for c in self.cat.countries]
        yield from self.source(path + ("source",), network.source)
        for c, contact in enumerate(network.contacts):
            yield from self.source(path + ("contacts", c, "source"), contact.source)
        yield from self.unique(path + ("countries",), [e.country for e in network.countries], "country")
        for c, entry in enumerate(network.countries):
            cpath = path + ("countries", c)
            yield from self.refer(cpath + ("country",), entry.country, countries, "country codes")
            yield from self.text(cpath + ("note",), entry.note)
            yield from self.unique(cpath + ("hospitals",), [h.code for h in entry.hospitals], "hospital code")
            for h, hospital in enumerate(entry.hospitals):
                if entry.country in countries and not hospital.code.startswith(entry.country):
                    yield self.located.problem(cpath + ("hospitals", h, "code"),
                                               f"expected a code starting with {entry.country!r} (the "
                                               f"country of this list), got {hospital.code!r}")
        if network.guide:
            yield from self.guide(path + ("guide",), network.guide, network)

    def guide(self, path: tuple, guide: model.GuideSettings, network: model.Network | None) -> Iterable[Problem]:
        for i, step_id in enumerate(guide.procedure or []):
            yield from self.refer(path + ("procedure", i), step_id, self.cat.steps, "step ids")
        yield from self.refer(path + ("recommended_verification",), guide.recommended_verification,
                              [m.id for m in self.cat.verification_methods], "verification method ids")
        for i, profile in enumerate(guide.profiles or []):
            yield from self.refer(path + ("profiles", i), profile,
                                  [p.id for p in self.cat.access_profiles], "access profile ids")
        yield from self.text(path + ("comment_hint",), guide.comment_hint)
        yield from self.text(path + ("browsers",), guide.browsers)
        yield from self.refer(path + ("link_sign_in",), guide.link_sign_in, self.cat.links, "link ids")
        for i, key in enumerate(guide.warnings):
            yield from self.text(path + ("warnings", i), key)
        delay = guide.approval_delay
        if delay and delay.min_days is not None and delay.min_days > delay.max_days:
            yield self.located.problem(path + ("approval_delay", "min_days"),
                                       f"expected at most max_days ({delay.max_days}), got {delay.min_days}")
        if guide.example and network is not None:
            entries = {e.country: e for e in network.countries}
            yield from self.refer(path + ("example", "country"), guide.example.country, entries,
                                  "countries of this network")
            if guide.example.country in entries:
                yield from self.refer(path + ("example", "hospital"), guide.example.hospital,
                                      [h.code for h in entries[guide.example.country].hospitals],
                                      "hospital codes of that country")
