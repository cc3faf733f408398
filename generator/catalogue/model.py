"""The catalogue as typed, immutable data. No I/O here: `catalogue.py` loads and checks it.

One pydantic model is the single source of truth for the structure, the validation and the JSON
Schema that helpdesks' editors use. Field descriptions are what an editor shows on hover.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from generator.catalogue.guide_settings import (Anchor, Approver, Duration, Eligibility, Example, GuideSettings, NetworkDocument,
                                      NetworkNote, ProfilePrerequisite, ProfileScreen, RecapScreen,
                                      RequiredSystem)
from generator.catalogue.model_types import CountryCode, Email, HospitalCode, HttpsUrl, Id, Label, Record, TextKey

# Every record of the catalogue, named here whatever module defines it: `model.Duration` as `model.Source`.
__all__ = ["Anchor", "Application", "Approver", "Block", "BLOCK_KINDS", "Catalogue", "Contact", "Country", "CountryEntry",
           "Duration", "Eligibility", "Example", "GuestAccess", "GuideSettings", "Hospital", "Id", "Label", "Link",
           "NamedList", "Network", "NetworkDocument", "NetworkNote", "OtherOrganisation", "Platform", "Profile",
           "ProfilePrerequisite", "ProfileScreen", "RecapScreen", "Record", "RequiredSystem", "Retirable", "Source", "Step",
           "TextKey", "Trouble", "VerificationMethod", "Successor", "TEXT_BLOCK_KINDS", "HttpsUrl", "Email",
           "CountryCode", "HospitalCode"]

class Source(Record):
    """Where facts come from, so anyone can check them: a document (`file`) or a web page or notice (`url`)."""

    id: Id = Field(description="Stable id, used by `source:` and `sources:` fields.")
    title: Label = Field(description="The document's or page's own title.")
    language: Id = Field(description="Language the source is written in.")
    file: str | None = Field(None, description="A document: its path from the project folder, "
                                               "inside it, e.g. 'data/sources/reconnet-fr.txt'.")
    url: HttpsUrl | None = Field(None, description="A web page or notice: its address.")
    publisher: Label | None = Field(None, description="Who published the page (required with `url`).")
    publisher_name: TextKey | None = Field(None, description="Text key of the publisher's name where it has one "
                                           "in each language (e.g. 'European Commission'): pages say it in theirs.")
    published: date | None = Field(None, description="When the page was published, if it says (YYYY-MM-DD).")
    consulted: date | None = Field(None, description="When the page was read (required with `url`; YYYY-MM-DD).")
    published_before: date | None = Field(None, description="For an undated document: a day it was certainly "
                                          "written before (YYYY-MM-DD); guides say how recent their evidence is.")
    describes: Id | None = Field(None, description="Id of the platform (in `platforms`) whose way in this source "
                                 "describes, e.g. 'saas' for a document of the first CPMS's request; a page "
                                 "cites it as evidence only for that platform.")


class Retirable(Record):
    """A fact that may stop being true: it keeps its history instead of being deleted."""

    retired_on: date | None = Field(None, description="Day it stopped being true (YYYY-MM-DD); unset while it holds.")
    retired_source: Id | None = Field(None, description="Id of the source that says so (required with `retired_on`).")
    replaced_by: list[Id] = Field(default_factory=list, description="Ids of what replaces it, best first.")

    @property
    def retired(self) -> bool:
        return self.retired_on is not None


class Link(Retirable):
    url: HttpsUrl = Field(description="The address; https only.")
    source: Id = Field(description="Id of the source that gives this address.")


class Contact(Record):
    """A helpdesk as a source names it: an e-mail address, a web page, or a named person or desk (with either).
    A `name` alone is a helpdesk whose address the source does not publish: guides say so and point to the
    network's `website`."""

    email: Email | None = Field(None, description="Its e-mail address.")
    url: HttpsUrl | None = Field(None, description="Its web page, where it has no e-mail address.")
    name: Label | None = Field(None, description="Person or desk, as the source names it, e.g. 'Pauline "
                                                 "Fouché' or 'ReCONNET helpdesk'; guides show it.")
    source: Id = Field(description="Id of the source that gives this contact.")
    note: TextKey | None = Field(None, description="Text key of what the source says about writing to it, e.g. "
                                                   "that no patient information may be sent; shown after it.")


class Application(Record):
    """Step 1 of the access request: the application drop-down."""

    placeholder: Label = Field(description="The empty choice shown first, e.g. '[No value selected]'.")
    choices: list[Label] = Field(min_length=1, description="Applications listed, as on screen.")
    target: Label = Field(description="The one to choose: CPMS.")


class OtherOrganisation(Record):
    """An entry of the organisation list that is not a European Reference Network."""

    label: Label = Field(description="As on screen, e.g. 'COVID-19'.")
    note: TextKey = Field(description="Text key explaining what it is not.")
    source: Id = Field(description="Id of the source that shows it.")


class GuestAccess(Record):
    code: Literal["0000"] = Field(description="Its on-screen code.")
    name: Label = Field(description="Its on-screen name, after the code.")

    @property
    def label(self) -> str:
        """As on screen: '0000 Guest Access'."""
        return f"{self.code} {self.name}"


class Profile(Record):
    id: Id = Field(description="Stable id, used by `profiles` and `profile_prerequisites`.")
    name: Label = Field(description="As on screen, e.g. 'HP'.")
    description: Label = Field(description="On-screen description, verbatim.")


class VerificationMethod(Retirable):
    """A way to prove who you are at EU Login: one fact that every guide, picture and language follows."""

    id: Id = Field(description="Stable id, used by `recommended_verification`, `method` and `replaced_by`.")
    label: Label = Field(description="Its name: as on the EU Login screen where `on_screen`, else as the source names it.")
    description: Label | None = Field(None, description="On-screen description, verbatim.")
    on_screen: bool = Field(True, description="True when a source shows it on the sign-in screen, so the "
                                              "screen picture may show it.")
    source: Id = Field(description="Id of the source that names this method.")
    setup_step: Id | None = Field(None, description="Id of the step that sets this method up.")
    retired_note: TextKey | None = Field(None, description="Text key saying what its retirement means for "
                                                           "readers; default: the generic 'method.retired'.")
    words: list[Label] = Field(default_factory=list, description="Other words English texts use for it (e.g. "
                               "'SMS', 'mobile phone'): once it is retired, `check` warns of a network's note on "
                               "today's page that uses them, or its label.")


class Country(Record):
    code: CountryCode = Field(description="ISO 3166 code, used as the country's id.")
    name: Label = Field(description="As on screen.")


class Hospital(Record):
    code: HospitalCode = Field(description="On-screen code: country prefix and two digits, e.g. DE22.")
    name: Label = Field(description="On-screen name, after 'CODE - '.")

    @property
    def label(self) -> str:
        """As on screen: 'DE22 - Universitätsklinikum Tübingen'."""
        return f"{self.code} - {self.name}"


class CountryEntry(Record):
    country: CountryCode = Field(description="A code from `countries`.")
    hospitals: list[Hospital] = Field(default_factory=list, description="Hospitals as the source lists them; "
                                      "leave out where no source gives them.")
    hospitals_complete: bool = Field(
        False, description="True when the source shows the whole list ('Showing 1 to N of N entries').")
    note: TextKey | None = Field(None, description="Text key of a caveat about this list.")


DURATION_FIELDS = "min, max (whole numbers), unit (hours, days, weeks or months), condition (a text key), source"


class Trouble(Record):
    """Something that can go wrong on the way in, and what to do: a question and its answer, shown in a guide's
    "Something went wrong?" part and linked from the steps where it happens."""

    question: TextKey = Field(description="Text key of the problem, as the reader would put it.")
    answer: TextKey = Field(description="Text key of what to do.")
    sources: list[Id] = Field(default_factory=list, description="Ids of the sources the answer's facts come "
                              "from; none when it only sends the reader to a named helpdesk.")
    steps: list[Id] = Field(default_factory=list, description="Ids of the steps where it happens: each links to it.")


class Successor(Record):
    """The platform that replaced another, as dated sources say. Every network on the new platform keeps a page
    of its own on the old one (`first-cpms/<id>`), for readers who still meet its screens."""

    platform: Id = Field(description="Id of the platform (in `platforms`) that replaced this one.")
    news: TextKey = Field(description="Text key of the box at the top of every page on this platform: that it "
                                      "was replaced, when, and where today's path is.")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources that say so.")
    checked: date = Field(description="When this was last checked against its sources (YYYY-MM-DD).")


class SignInPractice(Record):
    """A practice of the sign-in to a platform: EU Login's choice of a verification method, as its sources show it;
    each method chosen gets its text (`practise-sign-in.method.<id>`), which says whether it will do and why."""

    methods: list[Id] = Field(min_length=1, description="Ids of the verification methods offered, in the source's "
                                                        "order (the first is the one shown, e.g. 'password').")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources that show the screen and the methods.")
    not_enough: list[Id] = Field(default_factory=list, description="Ids of the offered methods that will not do "
                                 "for this platform (a password alone, where it asks for a second factor).")


class Platform(Record):
    """A way into the CPMS, with its own procedure and its own end of the guide."""

    name: Label = Field(description="Its name, e.g. 'CPMS 2.0'.")
    heading: TextKey = Field("guide.heading", description="Text key of the main heading of a guide on it.")
    intro: TextKey = Field("guide.intro", description="Text key of the first paragraph of a guide on it.")
    link: Id = Field(description="Id of the link (in `links`) where clinicians sign in.")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources that describe it.")
    checked: date = Field(description="When this description was last checked against its sources (YYYY-MM-DD).")
    procedure: list[Id] = Field(min_length=1, description="Step ids in order, for networks on this platform.")
    before: TextKey = Field(description="Text key of the 'Before you start' box.")
    what_next: TextKey = Field(description="Text key of 'What happens next'.")
    approver: TextKey | None = Field(None, description="Text key of the sentence on who accepts requests, where a "
                                     "network's own sources say nothing (from the platform's sources); none: "
                                     "'What happens next' says nothing of it.")
    what_next_after: Id | None = Field(None, description="Id of the step (in `procedure`) after which 'What "
                                       "happens next' comes: where the reader has just asked for access; "
                                       "default: at the end of the guide.")
    help: list[TextKey] = Field(description="Text keys of the platform's part of 'Help and contacts'.")
    no_helpdesk: TextKey = Field("guide.help.no-network-contact", description="Text key of 'Help and contacts' "
                                 "for a network whose helpdesk address no source gives.")
    troubles: list[Id] = Field(default_factory=list, description="Ids of the troubles (in `troubles`) its "
                               "guides answer in 'Something went wrong?'.")
    simulator: bool = Field(description="True when the access-request simulator rehearses this platform.")
    sign_in_practice: SignInPractice | None = Field(None, description="A practice of the sign-in to it, on a page "
                                                    "of its own (practise-sign-in), linked from its guides.")
    account_choices: bool = Field(False, description="True when its guides ask 'Which account do I need?' before "
                                  "the steps, answered from the network's eligibility data.")
    network_procedure: bool = Field(True, description="Whether a network orders this platform's steps itself "
                                    "(`guide.procedure`), as its own documents show them; false where the "
                                    "platform's procedure is every network's.")
    successor: Successor | None = Field(None, description="The platform that replaced this one.")
    moved: TextKey | None = Field(None, description="Text key of the 'What changed' box of a guide to this "
                                  "platform, for a network that words no box of its own (`guide.changes`).")


class Network(Record):
    id: Id = Field(description="Stable id: names the guide and its URL.")
    short_name: Label = Field(description="E.g. 'ERN-RND'.")
    label: Label = Field(description="Exactly as on the 'Select organisation' screen.")
    website: HttpsUrl | None = Field(None, description="The network's website, where a source gives it.")
    sources: list[Id] = Field(default_factory=list, description="Ids of the sources of this network's own facts.")
    checked: date | None = Field(None, description="When this network's own facts were last checked against "
                                                   "its sources or the live system (YYYY-MM-DD).")
    contacts: list[Contact] = Field(default_factory=list, description="The network's helpdesk.")
    countries: list[CountryEntry] = Field(default_factory=list, description="Countries as on the organisation "
                                          "screen, with their hospitals; leave out where no source gives them.")
    countries_complete: bool = Field(False, description="True when the source shows every country.")
    guide: GuideSettings | None = Field(None, description="Per-network settings; none: shared defaults.")


TEXT_BLOCK_KINDS = ("do", "tip", "warning", "note")
BLOCK_KINDS = TEXT_BLOCK_KINDS + ("screen", "items", "changes")


class Block(Retirable):
    """One element of a step: exactly one of do/tip/warning/note/screen/items/changes. A retired block (a screen
    that no longer exists, say) stays in the catalogue with its date and source and is no longer shown."""

    do: TextKey | None = Field(None, description="A numbered action.")
    tip: TextKey | None = Field(None, description="A tip: text key.")
    warning: TextKey | None = Field(None, description="A warning: text key.")
    note: TextKey | None = Field(None, description="A note ('good to know'): text key.")
    screen: Id | None = Field(None, description="Id of a screen mock under generator/templates/screens/.")
    items: Id | None = Field(None, description="Id of a list in `lists`, shown as a bulleted list.")
    changes: Literal["verification_methods"] | None = Field(
        None, description="What changed: a dated note for each retired verification method.")
    when: Literal["comment_hint", "approval_delay", "helpdesk", "no_helpdesk", "thematic_areas", "example",
                  "no_example", "guest_account", "profile_prerequisites", "eligibility", "all_profiles",
                  "hospitals_listed", "preferences_list", "preferences_table",
                  "some_profiles", "before_second_factor"] | None = Field(
        None, description="Show only when the network has this setting; for `guest_account` and "
                          "`profile_prerequisites`, once per fact, with its source; `before_second_factor`: only "
                          "where the step comes before the guide sets up its sign-in method (or is that step); "
                          "`hospitals_listed`: in the practice, only where the reader's country's hospitals are "
                          "listed (a guide's reader always sees them, on screen).")
    method: Id | None = Field(None, description="Show only while this verification method is available.")
    fold: bool = Field(False, description="Show it folded, for the reader to open: what only some readers need "
                                          "(a picture of a screen the text already describes, a side tip).")
    summary: TextKey | None = Field(None, description="For a folded tip, warning or note: text key of the line "
                                                      "the reader clicks to open it (what it is about).")

    @property
    def name(self) -> str:
        """What anchors call this block: its text key, screen id, list id or 'changes'."""
        return next(str(getattr(self, kind)) for kind in BLOCK_KINDS if getattr(self, kind))


class NamedList(Record):
    """A list of on-screen titles (videos, manuals...), quoted as they appear."""

    items: list[Label] = Field(min_length=1, description="The titles, as on screen.")
    source: Id = Field(description="Id of the source that shows the list.")


class Step(Record):
    variant_of: Id | None = Field(None, description="Id of the step this one replaces for some networks.")
    title: TextKey = Field(description="Text key of the step's heading.")
    intro: TextKey | None = Field(None, description="Text key of the paragraph under the heading.")
    blocks: list[Block] = Field(min_length=1, description="What the step shows, in order.")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources this step's facts come from.")
    checked: date = Field(description="When this step was last checked against its sources or the live "
                                      "system (YYYY-MM-DD); guides show it.")
    method: Id | None = Field(None, description="The verification method this step sets up: once it is "
                                                "retired, guides show the recommended method's `setup_step` instead.")


class Catalogue(Record):
    max_age_days: int = Field(365, ge=1, description="A fact checked longer ago than this is reported by "
                                                     "`ern-guides check` (an error with --strict).")
    sources: list[Source] = Field(min_length=1, description="Every document and web page the facts come from.")
    links: dict[Id, Link] = Field(description="Every address the guides quote.")
    contacts: dict[Id, Contact] = Field(description="Contacts shared by every network.")
    application: Application = Field(description="Step 1 of the access request: the application drop-down.")
    other_organisations: list[OtherOrganisation] = Field(
        default_factory=list, description="Entries of the organisation list that are not networks.")
    guest_access: GuestAccess = Field(description="The guests' entry, first in every country's list.")
    access_profiles: list[Profile] = Field(min_length=1, description="The access profiles, as on screen 3.")
    verification_methods: list[VerificationMethod] = Field(min_length=1, description="EU Login's ways to prove "
                                                           "who you are, in use or retired.")
    countries: list[Country] = Field(min_length=1, description="Countries as the organisation screens name them.")
    lists: dict[Id, NamedList] = Field(default_factory=dict, description="On-screen lists quoted by steps.")
    steps: dict[Id, Step] = Field(description="The step library, defined once.")
    troubles: dict[Id, Trouble] = Field(default_factory=dict, description="What can go wrong, and what to do.")
    platforms: dict[Id, Platform] = Field(min_length=1, description="The ways into the CPMS.")
    default_guide: GuideSettings = Field(description="Settings of every network that does not set its own.")
    networks: list[Network] = Field(min_length=1, description="The European Reference Networks, one guide each.")

    def settings_of(self, network: Network) -> GuideSettings:
        """A network's guide settings: its own, the default guide's for the rest."""
        own = {k: getattr(network.guide, k) for k in network.guide.model_fields_set} if network.guide else {}
        return self.default_guide.model_copy(update=own)

    def platform_of(self, network: Network) -> Platform:
        """The platform a network uses: its own setting, else the default guide's."""
        return self.platforms[self.platform_id(network)]

    def platform_id(self, network: Network) -> Id:
        return self.settings_of(network).platform

    def earlier_platform(self, network: Network) -> Id | None:
        """The platform the network's platform replaced, if any: the network keeps a page on it."""
        current = self.platform_id(network)
        return next((pid for pid, p in self.platforms.items() if p.successor and p.successor.platform == current),
                    None)

    def platforms_of(self, network: Network) -> list[Id]:
        """The platforms a network has a page on: its own, then the one that platform replaced."""
        earlier = self.earlier_platform(network)
        return [self.platform_id(network)] + ([earlier] if earlier else [])

    def own_sources(self, network: Network, platform_id: Id) -> list[Id]:
        """The network's own sources that describe a platform's way in: only those say how its screens look. A
        source of no platform in particular (a page giving contacts, say) is cited only for the facts it gives."""
        return [s for s in network.sources if self.source(s).describes == platform_id]

    def evidence_of(self, network: Network | None, platform_id: Id | None = None) -> list[Id]:
        """The sources of what a page says of the way in on a platform (by default the network's own, or, for no
        network, the default one): the network's own sources of it, else the platform's."""
        platform_id = platform_id or (self.platform_id(network) if network else self.default_guide.platform)
        return (self.own_sources(network, platform_id) if network else []) or self.platforms[platform_id].sources

    def procedure_of(self, network: Network, platform_id: Id | None = None) -> list[Id]:
        """The ids of the steps a network's page on a platform (its own by default) shows, in order: the
        network's own order where the platform lets networks set it, else the platform's. A step setting up a
        retired verification method gives way to the set-up step of the recommended method, unless the page has
        it elsewhere."""
        procedure, replaced = self._procedure(network, platform_id), self.replaced_steps(network, platform_id)
        recommended = self.method(self.settings_of(network).recommended_verification)
        shown: list[Id] = []
        for step_id in procedure:
            if step_id in replaced:
                step_id = recommended.setup_step if recommended.setup_step not in procedure else None
            if step_id and step_id not in shown:
                shown.append(step_id)
        return shown

    def replaced_steps(self, network: Network, platform_id: Id | None = None) -> list[Id]:
        """The steps of a network's page on a platform that set up a retired verification method: the page keeps
        them, as their documents gave them, below today's steps."""
        return [step_id for step_id in self._procedure(network, platform_id)
                if self.steps[step_id].method and self.method(self.steps[step_id].method).retired]

    def _procedure(self, network: Network, platform_id: Id | None) -> list[Id]:
        settings = self.settings_of(network)
        platform = self.platforms[platform_id or self.platform_id(network)]
        return (settings.procedure if platform.network_procedure else None) or platform.procedure

    def guide_steps(self, network: Network, platform_id: Id | None = None) -> list[tuple[Id, Step]]:
        """The steps of a network's page on a platform as (anchor, step): the anchor is the step's id in the
        guide (its `#anchor`, what notes name); a variant step keeps the anchor of the step it replaces."""
        return [(self.steps[step_id].variant_of or step_id, self.steps[step_id])
                for step_id in self.procedure_of(network, platform_id)]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def method(self, method_id: str) -> VerificationMethod:
        return next(m for m in self.verification_methods if m.id == method_id)

    @property
    def retired_methods(self) -> list[VerificationMethod]:
        return [m for m in self.verification_methods if m.retired]

    @property
    def organisations(self) -> list[Network | OtherOrganisation]:
        """The 'Select organisation' list in screen order: networks and other entries, sorted by label."""
        return sorted([*self.networks, *self.other_organisations], key=lambda o: o.label)
