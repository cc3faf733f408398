"""One network's guide, composed: its settings (the shared defaults filled in), its steps and what each shows
(the step library's blocks that apply, the network's notes, documents and required systems anchored in them),
the facts each block states with their sources, and when they were last checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from markupsafe import Markup

from generator.catalogue import model, wizard
from generator.guides.evidence import duration_text
from generator.words.lookup import Texts


class Kept(NamedTuple):
    """What a page's documents said of a verification method since retired, kept below today's steps as they gave
    it: the steps that set it up (anchor, step), and its notes in today's steps (anchor, step, block)."""

    method: model.VerificationMethod
    steps: list[tuple[str, model.Step]]
    notes: list[tuple[str, model.Step, model.Block]]


@dataclass(frozen=True)
class Guide:
    """One network's guide settings, the shared defaults filled in, and what they point at."""

    network: model.Network
    settings: model.GuideSettings
    platform_id: str
    platform: model.Platform
    steps: list[tuple[str, model.Step]]  # (anchor, step): a variant step keeps the anchor of the step it replaces
    replaced: list[tuple[str, model.Step]]  # the steps of its procedure for a retired method, which `steps` replace
    example_country: model.Country | None
    example_hospital: model.Hospital | None
    profiles: list[model.Profile]
    profiles_on_screen: list[model.Profile]  # screen 3's list as the network's source (or the default's) shows it
    method: model.VerificationMethod

    retired_methods: list[model.VerificationMethod]
    changes: list[model.VerificationMethod]  # the retired methods whose retirement this guide tells about
    moved: list[str]  # text keys of the 'What changed' box of a guide to today's platform
    source_ids: list[str]
    successor: model.Successor | None  # the platform that replaced this page's
    page: str  # its path in the docs tree of a language, without '.md': 'networks/<id>' or 'first-cpms/<id>'
    other_page: str | None  # the network's page on the other platform (today's, or the one it replaced)
    own_facts: bool  # whether the network has a source of its own for this page (of its platform, or of none)

    @property
    def current(self) -> bool:
        """Whether this page is the network's guide to today's platform (not its page on the one replaced)."""
        return self.page == page_of(self.network.id, current=True)

    @property
    def required_systems(self) -> list[model.RequiredSystem]:
        """The other systems the network requires that this page's steps tell about."""
        anchors = {anchor for anchor, _ in self.steps}
        return [system for system in self.settings.required_systems if system.step in anchors]

    @property
    def helpdesk(self) -> list[model.Contact]:
        return self.network.contacts

    @property
    def makes_choices(self) -> bool:
        """Whether this page walks through choices that depend on the network's facts (its hospitals, profiles,
        delay...), which a network without sources of its own cannot give."""
        return any(block.when in NETWORK_FACTS for _, step in self.steps for block in step.blocks)

    def shows(self, block: model.Block) -> bool:
        """Whether a block applies to this network (`when`) and its verification method is still in use."""
        if block.retired or (block.method and block.method in {m.id for m in self.retired_methods}):
            return False
        return self.applies(block)

    def applies(self, block: model.Block) -> bool:
        """Whether a block applies to this network: its `when`."""
        s = self.settings
        return {
            None: True,
            "comment_hint": bool(s.comment_hint),
            "approval_delay": isinstance(s.approval_delay, model.Duration),
            "helpdesk": bool(self.helpdesk),
            "no_helpdesk": not self.helpdesk,
            "thematic_areas": bool(s.thematic_areas),
            "example": self.example_hospital is not None,
            "no_example": self.example_hospital is None,
            "guest_account": s.guest_account is not None,
            "profile_prerequisites": bool(s.profile_prerequisites),
            "eligibility": bool(s.eligibility),
            "all_profiles": s.profiles_choice != "one-or-more",
            "some_profiles": s.profiles_choice == "one-or-more",
            "before_second_factor": True,  # depends on the step: see `blocks`
            "hospitals_listed": True,  # the reader of a guide sees the real list; the practice may not know it
            "preferences_list": s.preferences_screen is not None,
            "preferences_table": s.preferences_screen is None,
        }[block.when]

    def blocks(self, anchor: str, step: model.Step) -> list[model.Block | model.Anchor]:
        """What a step shows, in order: its blocks that apply, with the network's notes and required systems
        anchored in it (at its start, after a named block, at its end). `anchor` is the step's id in the guide
        (a variant step has the id of the step it replaces)."""
        anchored = [a for a in (*self.settings.notes, *self.settings.documents, *self.settings.required_systems)
                    if a.step == anchor]
        shown: list[model.Block | model.Anchor] = [a for a in anchored if a.at == "start"]
        for block in step.blocks:
            if block.when == "before_second_factor" and not self._before_second_factor(anchor):
                continue
            if self.shows(block) and (not block.changes or block is self._changes_block()):
                shown.append(block)
            shown += [a for a in anchored if a.after == block.name]
        return shown + [a for a in anchored if a.at == "end"]

    def _before_second_factor(self, anchor: str) -> bool:
        """Whether a reader at this step has no second factor yet: the step comes before the one that sets up the
        guide's sign-in method, or is it, or the guide sets up none."""
        anchors = [a for a, _ in self.steps]
        setup = self.method.setup_step
        return anchor in anchors and (setup not in anchors or anchors.index(anchor) <= anchors.index(setup))

    def _changes_block(self) -> model.Block | None:
        """The block that tells what changed: the first one of the guide, if there is anything to tell."""
        found = (b for _, step in self.steps for b in step.blocks if b.changes and self.shows(b))
        return next(found, None) if self.changes else None

    def dated_by(self, cat: model.Catalogue, anchor: str, step: model.Step) -> tuple[date | None, list[str]]:
        """What a step's date says: the day its facts were compared with live pages (the earliest `consulted` of
        its web pages), if any, and the ids of the documents it is drawn from too. A step that shows facts of the
        network's own (its notes, its example, its delay...) counts their sources too."""
        own = [i for block in self.blocks(anchor, step) for i in self.fact_sources(block, cat)]
        ids = list(dict.fromkeys([*step.sources, *own]))
        read = [cat.source(i).consulted for i in ids if cat.source(i).consulted]
        return (min(read) if read else None), [i for i in ids if not cat.source(i).consulted]

    def fact_sources(self, block: model.Block | model.Anchor, cat: model.Catalogue) -> list[str]:
        """The sources of the network's own facts a block shows: a note's, a fact's own where it names one (a
        guest-account lifetime, eligibility...), else the network's sources of this page's platform."""
        if isinstance(block, model.Anchor):  # a note, a document, a required system: each names its source
            return [block.source]
        s = self.settings
        delay = s.approval_delay if isinstance(s.approval_delay, model.Duration) else None
        named = {"guest_account": [s.guest_account.source] if s.guest_account else [],
                 "eligibility": [e.source for e in s.eligibility],
                 "profile_prerequisites": [p.source for p in s.profile_prerequisites],
                 "approval_delay": [delay.source] if delay and delay.source else [],
                 "helpdesk": [c.source for c in self.network.contacts]}
        if block.when not in NETWORK_FACTS:
            return []
        return named.get(block.when) or cat.own_sources(self.network, self.platform_id)

    def number(self, anchor: str) -> int:
        """The number a step has in this guide."""
        return [a for a, _ in self.steps].index(anchor) + 1

    def facts(self, block: model.Block | model.NetworkNote, cat: model.Catalogue, t: Texts
              ) -> list[tuple[dict[str, object], str | None]]:
        """What a note states, each time with its placeholders and the id of its source: once for a shared
        block, once per fact for a block on the network's facts (`when: guest_account`, ...)."""
        if isinstance(block, model.NetworkNote):
            return [({}, block.source)]
        s = self.settings
        if block.when == "guest_account":
            return [({"guest_duration": duration_text(s.guest_account, t)}, s.guest_account.source)]
        if block.when == "eligibility":
            return [({"eligibility": eligibility_text(s.eligibility, cat, t)},
                     list(dict.fromkeys(e.source for e in s.eligibility)))]
        if block.when == "profile_prerequisites":
            names = {p.id: p.name for p in cat.access_profiles}
            return [({"profiles_needing": ", ".join(names[p] for p in req.profiles), "profile_needed": names[req.requires]},
                     req.source) for req in s.profile_prerequisites]
        return [({}, None)]


def kept_of(guide: Guide) -> list[Kept]:
    """For each retired verification method whose set-up step a page's procedure had, what its documents said of
    it: that step, and the method's notes in the page's other steps."""
    found = [Kept(method, [(a, step) for a, step in guide.replaced if step.method == method.id],
                  [(a, step, b) for a, step in guide.steps for b in step.blocks
                   if b.note and b.method == method.id and not b.retired and guide.applies(b)])
             for method in guide.retired_methods]
    return [kept for kept in found if kept.steps]


# The `when`s of blocks that show facts of the network's own.
NETWORK_FACTS = {"comment_hint", "approval_delay", "helpdesk", "thematic_areas", "example", "guest_account",
                 "profile_prerequisites", "eligibility"}


def eligibility_text(eligibility: list[model.Eligibility], cat: model.Catalogue, t: Texts) -> Markup:
    """Who gets which account, the network's categories as it names them, grouped by account, in its order."""
    accounts: dict[str, list[Markup]] = {}
    for row in eligibility:  # the network's own words, marked as English on a page in another language
        accounts.setdefault(row.account, []).append(t.quoted(row.category, cat.source(row.source).language))
    return t("list.separator").join(
        t(f"eligibility.{account}", categories=Markup(", ").join(categories), guest_access=t.quoted(cat.guest_access.label))
        for account, categories in accounts.items())


def first_listed(network: model.Network) -> model.Example | None:
    """The example a guide shows where its helpdesk names none: the first hospital of the first country, in the
    order the organisation screen lists them, of a network whose hospitals are known (imported, say)."""
    entry = next((e for e in network.countries if e.hospitals), None)
    return model.Example(country=entry.country, hospital=entry.hospitals[0].code) if entry else None


def page_of(network_id: str, current: bool) -> str:
    """Where a network's page lives in a language's docs tree: its guide to today's platform, or its page on the
    platform that one replaced."""
    return f"networks/{network_id}" if current else f"first-cpms/{network_id}"


def guide_for(cat: model.Catalogue, network: model.Network, platform_id: str | None = None) -> Guide:
    """A network's page on a platform: by default its own platform, today's path."""
    current = platform_id in (None, cat.platform_id(network))
    platform_id = platform_id or cat.platform_id(network)
    settings = cat.settings_of(network)
    platform = cat.platforms[platform_id]
    steps = cat.guide_steps(network, platform_id)
    replaced = [(cat.steps[step_id].variant_of or step_id, cat.steps[step_id])
                for step_id in cat.replaced_steps(network, platform_id)]
    country = hospital = None
    uses_example = any(b.when == "example" for _, step in steps for b in step.blocks)
    example = settings.example or first_listed(network)
    if example and uses_example:
        country = next(c for c in cat.countries if c.code == example.country)
        entry = next(e for e in network.countries if e.country == country.code)
        hospital = next(h for h in entry.hospitals if h.code == example.hospital)
    tells_changes = any(block.changes for _, step in steps for block in step.blocks)
    changes = cat.retired_methods if tells_changes else []
    anchors = {anchor for anchor, _ in steps + replaced}
    shown = [a for a in (*settings.notes, *settings.required_systems, *settings.documents) if a.step in anchors]
    request = any(b.when in NETWORK_FACTS for _, step in steps for b in step.blocks)
    own = [*(a.source for a in shown),
           *((e.source for e in settings.eligibility) if request else ()),
           *([settings.guest_account.source] if settings.guest_account and request else []),
           *((p.source for p in settings.profile_prerequisites) if request else ())]
    successor = platform.successor
    evidence = cat.evidence_of(network, platform_id)
    sources = [*evidence, *own, *(source for _, step in steps + replaced for source in step.sources), *platform.sources,
               *(m.retired_source for m in changes), *(successor.sources if successor else [])]
    earlier = cat.earlier_platform(network)
    return Guide(
        network=network,
        settings=settings,
        platform_id=platform_id,
        platform=platform,
        steps=steps,
        replaced=replaced,
        example_country=country,
        example_hospital=hospital,
        profiles=[p for p in cat.access_profiles if p.id in (settings.profiles or [])],
        profiles_on_screen=([p for i in settings.profile_screen.profiles for p in cat.access_profiles if p.id == i]
                            if settings.profile_screen else cat.access_profiles),
        method=cat.method(settings.recommended_verification),
        retired_methods=cat.retired_methods,
        changes=changes,
        moved=(settings.changes or ([platform.moved] if platform.moved else [])) if current and earlier else [],
        source_ids=list(dict.fromkeys(sources)),
        own_facts=any(cat.source(i).describes in (None, platform_id) for i in network.sources),
        successor=successor,
        page=page_of(network.id, current),
        other_page=(page_of(network.id, not current) if (earlier if current else True) else None),
    )


def practised_page(cat: model.Catalogue, network: model.Network) -> Guide:
    """The network's page on the platform the access-request practice rehearses (its first CPMS page)."""
    return guide_for(cat, network, wizard.rehearsed_platform(cat, network))


def pages_for(cat: model.Catalogue, network: model.Network) -> list[Guide]:
    """Every page of a network: its guide to today's platform, and its page on the platform that one replaced."""
    return [guide_for(cat, network, platform_id) for platform_id in cat.platforms_of(network)]


def troubles(cat: model.Catalogue, guide: Guide) -> list[tuple[str, model.Trouble]]:
    """What can go wrong for this guide's readers (its platform's troubles), by id."""
    return [(trouble_id, cat.troubles[trouble_id]) for trouble_id in guide.platform.troubles]


def kind_of(block: model.Block | model.Anchor) -> str:
    """What a step's element is: a block's kind, 'system' for a required system, a note's kind."""
    if isinstance(block, model.RequiredSystem):
        return "system"
    if isinstance(block, model.NetworkDocument):
        return "document"
    return next(kind for kind in model.BLOCK_KINDS if getattr(block, kind, None))
