"""The catalogue's cross-checks, which the model's types cannot see: references between its parts (a source, a
text, a step, a country named elsewhere), uniqueness, consistency, and facts retired. `catalogue.py` runs them
after the model has read the file, each problem located at its line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from generator.catalogue import model, wizard
from generator.catalogue.platform_check import PlatformCheck
from generator.inputs.errors import Problem
from generator.inputs.yamlsource import Located
from generator.words.texts import Entry, file_for

# networks/index.md would be the Networks section's own page; sim/languages/ holds the simulator's language choices
RESERVED_NETWORK_IDS = {"index", "languages"}


def _inside(root: Path, relative: str) -> bool:
    """Whether a path from the project folder stays inside it, links followed: nothing outside is ever read."""
    return (root / relative).resolve().is_relative_to(root.resolve())


class _References:
    """What every check needs: the catalogue, where each value was written, and how to refer to what is known."""

    def __init__(self, cat: model.Catalogue, located: Located, texts: dict[str, Entry], root: Path) -> None:
        self.cat, self.located, self.texts, self.root = cat, located, texts, root
        self.sources = [s.id for s in cat.sources]
        self.methods = [m.id for m in cat.verification_methods]

    def refer(self, path: tuple, value: str | None, known: Iterable[str], what: str, fix: str = ""
              ) -> Iterable[Problem]:
        """`value` is one of `known` (or unset); `fix`, if given, says how to add a missing one."""
        known = list(known)
        if value is not None and not known:
            yield self.located.problem(path, f"expected one of the {what}, but none are defined; got {value!r}{fix}")
        elif value is not None and value not in known:
            shown = ", ".join(sorted(known)[:30]) + (", ..." if len(known) > 30 else "")
            yield self.located.problem(path, f"expected one of the {what}: {shown}; got {value!r}{fix}")

    def source(self, path: tuple, value: str | None) -> Iterable[Problem]:
        return self.refer(path, value, self.sources, "source ids")

    def each_source(self, path: tuple, values: list[str]) -> Iterable[Problem]:
        for i, value in enumerate(values):
            yield from self.source(path + (i,), value)

    def unique(self, path: tuple, values: list[str], what: str) -> Iterable[Problem]:
        for value, count in Counter(values).items():
            if count > 1:
                second = [i for i, v in enumerate(values) if v == value][1]
                yield self.located.problem(path + (second,), f"duplicate {what} {value!r}")

    def text(self, path: tuple, key: str | None) -> Iterable[Problem]:
        if key is not None and key not in self.texts:
            yield self.located.problem(path, f"no English text {key!r} yet: add it to "
                                             f"{file_for(self.texts, key)}, with "
                                             "`text` and a `note` for translators")

    def contact(self, path: tuple, contact: model.Contact) -> Iterable[Problem]:
        if contact.email is not None and contact.url is not None:
            yield self.located.problem(path, "expected either `email` or `url` (a web page), not both")
        elif contact.email is None and contact.url is None and contact.name is None:
            yield self.located.problem(path, "expected `email`, `url` (a web page) or, for a helpdesk whose "
                                             "address is not published, its `name`; got none of them")
        yield from self.source(path + ("source",), contact.source)
        yield from self.text(path + ("note",), contact.note)

    def duration(self, path: tuple, duration: model.Duration) -> Iterable[Problem]:
        if duration.min is None and duration.max is None:
            yield self.located.problem(path, f"expected `min`, `max` or both; a duration takes {model.DURATION_FIELDS}")
        elif duration.min is not None and duration.max is not None and duration.min > duration.max:
            yield self.located.problem(path + ("min",), f"expected at most max ({duration.max}), got {duration.min}")
        yield from self.text(path + ("condition",), duration.condition)
        yield from self.source(path + ("source",), duration.source)

    def retirement(self, path: tuple, fact: model.Retirable, known: list[str], what: str) -> Iterable[Problem]:
        if fact.retired_on is not None and fact.retired_source is None:
            yield self.located.problem(path + ("retired_on",), "expected `retired_source`: the id of the source "
                                                               "that says it was retired, got nothing")
        if fact.retired_on is None and (fact.retired_source or fact.replaced_by):
            yield self.located.problem(path, "expected `retired_on` (the day it was retired) with "
                                             "`retired_source` and `replaced_by`, got nothing")
        yield from self.source(path + ("retired_source",), fact.retired_source)
        for i, other in enumerate(fact.replaced_by):
            yield from self.refer(path + ("replaced_by", i), other, known, what)


class _LibraryCheck(_References):
    """The parts every guide shares: sources, steps, troubles, platforms, verification methods, page names."""

    def document(self, path: tuple, source: model.Source) -> Iterable[Problem]:
        """A source is a document that exists, or a web page with its publisher and the day it was read."""
        yield from self.text(path + ("publisher_name",), source.publisher_name)
        if (source.file is None) == (source.url is None):
            yield self.located.problem(path, "expected either `file` (a document) or `url` (a web page or "
                                             "notice), not both and not neither")
        elif source.file is not None and not _inside(self.root, source.file):
            yield self.located.problem(path + ("file",), f"expected a path inside the project folder, like "
                                                         f"'data/sources/{source.id}.txt' (keep the document "
                                                         f"there); got {source.file!r}")
        elif source.file is not None and not (self.root / source.file).is_file():
            yield self.located.problem(path + ("file",), f"expected a document at {source.file} (from the "
                                                         f"project folder), found none")
        elif source.file is not None and source.published is None and source.published_before is None:
            yield self.located.problem(path, "expected `published` (the day the document was written) or "
                                             "`published_before` (a day it was certainly written before), got "
                                             "neither: guides say how recent their evidence is")
        elif source.url is not None:
            for field in ("publisher", "consulted"):
                if getattr(source, field) is None:
                    yield self.located.problem(path, f"expected `{field}` for a web source, got nothing")

    def page_names(self) -> Iterable[Problem]:
        """An organisation that is not a network gets a practice page named after its label: the name must
        exist, and be taken by no other page of the simulator."""
        taken = {name: "a page of the simulator's own" for name in wizard.OWN_PAGES}
        taken |= {c.code.lower(): f"the page of {c.name}" for c in self.cat.countries}
        for i, other in enumerate(self.cat.other_organisations):
            name, path = wizard.slug(other.label), ("other_organisations", i, "label")
            if not name:
                yield self.located.problem(path, f"expected a label with letters or digits (it names the practice "
                                                 f"page), got {other.label!r}")
            elif name in taken:
                yield self.located.problem(path, f"its practice page would be sim/{name}.html, already "
                                                 f"{taken[name]}; change the label")
            taken.setdefault(name, f"the page of {other.label!r}")
        for i, network in enumerate(self.cat.networks):
            if network.id in RESERVED_NETWORK_IDS:
                yield self.located.problem(("networks", i, "id"), f"{network.id!r} names a page of the site "
                                                                  "itself; choose another id")

    def recommended(self, path: tuple, method_id: str | None) -> Iterable[Problem]:
        """A guide's recommended sign-in method: a known one, still in use."""
        yield from self.refer(path, method_id, self.methods, "verification method ids")
        if method_id in self.methods:
            method = self.cat.method(method_id)
            if method.retired:
                live = ", ".join(m.id for m in self.cat.verification_methods if not m.retired)
                yield self.located.problem(path, f"expected a verification method still in use ({live}); got "
                                                 f"{method.id!r}, retired on {method.retired_on.isoformat()}")

    def method(self, path: tuple, method: model.VerificationMethod) -> Iterable[Problem]:
        yield from self.source(path + ("source",), method.source)
        yield from self.refer(path + ("setup_step",), method.setup_step, self.cat.steps, "step ids")
        yield from self.text(path + ("retired_note",), method.retired_note)
        live = [m.id for m in self.cat.verification_methods if not m.retired]
        yield from self.retirement(path, method, live, "verification methods still in use")

    def troubles(self) -> Iterable[Problem]:
        for trouble_id, trouble in self.cat.troubles.items():
            path = ("troubles", trouble_id)
            yield from self.text(path + ("question",), trouble.question)
            yield from self.text(path + ("answer",), trouble.answer)
            yield from self.each_source(path + ("sources",), trouble.sources)
            for i, step_id in enumerate(trouble.steps):
                yield from self.refer(path + ("steps", i), step_id, self.cat.steps, "step ids")

    def steps(self) -> Iterable[Problem]:
        for step_id, step in self.cat.steps.items():
            path = ("steps", step_id)
            yield from self.each_source(path + ("sources",), step.sources)
            yield from self.refer(path + ("method",), step.method, self.methods, "verification method ids")
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
                yield from self.text(path + ("blocks", b, "summary"), block.summary)
                if block.summary and not (block.fold and set(kinds) <= {"tip", "warning", "note"}):
                    yield self.located.problem(path + ("blocks", b, "summary"), "expected `summary` only on a "
                                               "folded tip, warning or note (with `fold: true`)")
                yield from self.refer(path + ("blocks", b, "items"), block.items, self.cat.lists, "list ids")
                yield from self.refer(path + ("blocks", b, "method"), block.method, self.methods,
                                      "verification method ids")
                yield from self.retirement(path + ("blocks", b), block, [], "blocks that replace it")


class _NetworkCheck(_References):
    """Each network: its facts, contacts, countries, guide settings, and the notes anchored in its steps."""

    def own_facts(self, path: tuple, network: model.Network) -> Iterable[Problem]:
        """A network that states facts of its own says where they come from and when they were checked."""
        own = network.countries or network.contacts or network.guide or network.website
        if own and not network.sources:
            yield self.located.problem(path, "expected `sources`: the ids of the sources of this network's "
                                             "own facts, got nothing")
        if own and network.checked is None:
            yield self.located.problem(path, "expected `checked`: the day this network's facts were last "
                                             "checked (YYYY-MM-DD), got nothing")

    def own_notes(self, path: tuple, guide: model.GuideSettings) -> Iterable[Problem]:
        """The network's own notes, required systems, guest-account lifetime and profile prerequisites."""
        for i, note in enumerate(guide.notes):
            kinds = [k for k in ("tip", "warning", "note") if getattr(note, k)]
            if len(kinds) != 1:
                yield self.located.problem(path + ("notes", i), "expected exactly one of tip, warning, note; got "
                                                                 f"{', '.join(kinds) or 'none'}")
            for kind in kinds:
                yield from self.text(path + ("notes", i, kind), getattr(note, kind))
            yield from self.source(path + ("notes", i, "source"), note.source)
        for i, document in enumerate(guide.documents):
            yield from self.source(path + ("documents", i, "source"), document.source)
        for i, row in enumerate(guide.eligibility):
            yield from self.source(path + ("eligibility", i, "source"), row.source)
        for i, system in enumerate(guide.required_systems):
            yield from self.text(path + ("required_systems", i, "todo"), system.todo)
            yield from self.source(path + ("required_systems", i, "source"), system.source)
        profiles = [p.id for p in self.cat.access_profiles]
        for i, needs in enumerate(guide.profile_prerequisites):
            for p, profile in enumerate(needs.profiles):
                yield from self.refer(path + ("profile_prerequisites", i, "profiles", p), profile, profiles,
                                      "access profile ids")
            yield from self.refer(path + ("profile_prerequisites", i, "requires"), needs.requires, profiles,
                                  "access profile ids")
            yield from self.source(path + ("profile_prerequisites", i, "source"), needs.source)

    def anchors(self, path: tuple, network: model.Network) -> Iterable[Problem]:
        """Each note and required system names a step of one of this network's pages, and where in it."""
        try:  # an anchor may be in both pages
            found = [found for platform in self.cat.platforms_of(network) for found in self.cat.guide_steps(network, platform)]
        except (KeyError, StopIteration):  # a broken platform, step or method: reported on its own
            return
        steps = {anchor: [step for other, step in found if other == anchor] for anchor, _ in found}
        settings = self.cat.settings_of(network)
        for field in ("notes", "documents", "required_systems"):
            where = path + ("guide",) if network.guide and field in network.guide.model_fields_set else ("default_guide",)
            for i, anchor in enumerate(getattr(settings, field)):
                at = where + (field, i)
                if anchor.step not in steps:
                    yield from self.refer(at + ("step",), anchor.step, steps, f"steps of {network.short_name}'s guide")
                elif (anchor.at is None) == (anchor.after is None):
                    yield self.located.problem(at, "expected either `at: start`, `at: end` or `after:` a block "
                                                   "of the step, not both and not neither")
                elif anchor.after is not None:
                    yield from self.refer(at + ("after",), anchor.after,
                                          [b.name for step in steps[anchor.step] for b in step.blocks],
                                          f"blocks of step {anchor.step!r}")

    def network(self, path: tuple, network: model.Network) -> Iterable[Problem]:
        countries = [c.code for c in self.cat.countries]
        yield from self.each_source(path + ("sources",), network.sources)
        yield from self.own_facts(path, network)
        for c, contact in enumerate(network.contacts):
            yield from self.contact(path + ("contacts", c), contact)
        yield from self.unique(path + ("countries",), [e.country for e in network.countries], "country")
        for c, entry in enumerate(network.countries):
            cpath = path + ("countries", c)
            yield from self.refer(cpath + ("country",), entry.country, countries,
                                  f"country codes of `countries:` (line {self.located.position(('countries',))[0]})",
                                  f"; if the organisation screen lists that country, add it there first, as the "
                                  f"screen names it, e.g. `- {{code: {entry.country}, name: <name on screen>}}`")
            yield from self.text(cpath + ("note",), entry.note)
            yield from self.unique(cpath + ("hospitals",), [h.code for h in entry.hospitals], "hospital code")
            for h, hospital in enumerate(entry.hospitals):
                if entry.country in countries and not hospital.code.startswith(entry.country):
                    yield self.located.problem(cpath + ("hospitals", h, "code"),
                                               f"expected a code starting with {entry.country!r} (the "
                                               f"country of this list), got {hospital.code!r}")
        if network.guide:
            yield from self.guide(path + ("guide",), network.guide, network)
        yield from self.anchors(path, network)
        yield from self.profiles_on_screen(path, network)

    def profiles_on_screen(self, path: tuple, network: model.Network) -> Iterable[Problem]:
        """The profiles a guide asks for are on the profile screen its picture shows."""
        settings = self.cat.settings_of(network)
        on_screen = settings.profile_screen.profiles if settings.profile_screen else []
        missing = [p for p in settings.profiles or [] if on_screen and p not in on_screen]
        if missing:
            own = network.guide and "profile_screen" in network.guide.model_fields_set
            where = (*path, "guide") if own else ("default_guide",)
            yield self.located.problem((*where, "profile_screen", "profiles"),
                                       f"{network.short_name}'s guide asks for {', '.join(missing)}, which this "
                                       f"list of the screen does not show ({', '.join(on_screen)}); add it if the "
                                       "source shows it, or ask for a profile it shows")

    def guide(self, path: tuple, guide: model.GuideSettings, network: model.Network | None) -> Iterable[Problem]:
        for i, step_id in enumerate(guide.procedure or []):
            yield from self.refer(path + ("procedure", i), step_id, self.cat.steps, "step ids")
        yield from self.recommended(path + ("recommended_verification",), guide.recommended_verification)
        yield from self.refer(path + ("platform",), guide.platform, self.cat.platforms, "platform ids")
        yield from self.platform_source(path, guide, network)
        for i, key in enumerate(guide.changes):
            yield from self.text(path + ("changes", i), key)
        for i, profile in enumerate(guide.profiles or []):
            yield from self.refer(path + ("profiles", i), profile,
                                  [p.id for p in self.cat.access_profiles], "access profile ids")
        if guide.profile_screen:
            for i, profile in enumerate(guide.profile_screen.profiles):
                yield from self.refer(path + ("profile_screen", "profiles", i), profile,
                                      [p.id for p in self.cat.access_profiles], "access profile ids")
            yield from self.source(path + ("profile_screen", "source"), guide.profile_screen.source)
        for screen in ("preferences_screen", "recap_screen"):
            yield from self.source(path + (screen, "source"), getattr(guide, screen).source if getattr(guide, screen)
                                   else None)
        if guide.approver:
            yield from self.text(path + ("approver", "text"), guide.approver.text)
            yield from self.source(path + ("approver", "source"), guide.approver.source)
        yield from self.text(path + ("comment_hint",), guide.comment_hint)
        yield from self.text(path + ("browsers",), guide.browsers)
        yield from self.refer(path + ("link_sign_in",), guide.link_sign_in, self.cat.links, "link ids")
        yield from self.own_notes(path, guide)
        if isinstance(guide.approval_delay, model.Duration):
            yield from self.duration(path + ("approval_delay",), guide.approval_delay)
        if guide.guest_account:
            yield from self.duration(path + ("guest_account",), guide.guest_account)
            if guide.guest_account.source is None:
                yield self.located.problem(path + ("guest_account",), "expected `source` (the page or document "
                                                                      "that says how long guest accounts last)")
        if guide.example and network is not None:
            entries = {e.country: e for e in network.countries}
            yield from self.refer(path + ("example", "country"), guide.example.country, entries,
                                  "countries of this network")
            if guide.example.country in entries:
                yield from self.refer(path + ("example", "hospital"), guide.example.hospital,
                                      [h.code for h in entries[guide.example.country].hospitals],
                                      "hospital codes of that country")


class ReferenceCheck(_LibraryCheck, _NetworkCheck, PlatformCheck):
    """Everything pydantic cannot see: references between parts, uniqueness, consistency, retired facts."""

    def problems(self) -> Iterable[Problem]:
        cat = self.cat
        yield from self.unique(("sources",), self.sources, "source id")
        for i, source in enumerate(cat.sources):
            yield from self.document(("sources", i), source)
        yield from self.unique(("countries",), [c.code for c in cat.countries], "country code")
        yield from self.unique(("access_profiles",), [p.id for p in cat.access_profiles], "access profile id")
        yield from self.unique(("verification_methods",), [m.id for m in cat.verification_methods],
                               "verification method id")
        for name, link in cat.links.items():
            yield from self.source(("links", name, "source"), link.source)
            yield from self.retirement(("links", name), link, list(cat.links), "link ids")
        for name, contact in cat.contacts.items():
            yield from self.contact(("contacts", name), contact)
        for i, method in enumerate(cat.verification_methods):
            yield from self.method(("verification_methods", i), method)
        for name, named in cat.lists.items():
            yield from self.source(("lists", name, "source"), named.source)
        if "cpms-it-support" not in cat.contacts or cat.contacts["cpms-it-support"].email is None:
            yield self.located.problem(("contacts",), "expected a contact 'cpms-it-support' (the CPMS helpdesk) "
                                                      "with an e-mail address, got none")
        for i, other in enumerate(cat.other_organisations):
            yield from self.source(("other_organisations", i, "source"), other.source)
            yield from self.text(("other_organisations", i, "note"), other.note)
        yield from self.page_names()
        yield from self.refer(("application", "target"), cat.application.target,
                              cat.application.choices, "application choices")
        yield from self.steps()
        yield from self.troubles()
        for pid, platform in cat.platforms.items():
            yield from self.platform(("platforms", pid), platform)
        yield from self.guide(("default_guide",), cat.default_guide, None)
        for what in ("language", "platform", "recommended_verification", "profiles", "link_sign_in", "browsers"):
            if getattr(cat.default_guide, what) is None:
                yield self.located.problem(("default_guide",), f"expected a value for {what!r}, got nothing")
        yield from self.unique(("networks",), [n.id for n in cat.networks], "network id")
        yield from self.unique(("networks",), [n.label for n in cat.networks], "network label")
        for i, network in enumerate(cat.networks):
            yield from self.network(("networks", i), network)
