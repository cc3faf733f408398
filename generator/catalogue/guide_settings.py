"""The catalogue's per-network guide settings, as typed data: how a network's guide is composed and the facts of
its own it quotes (durations, notes anchored in steps, documents, who gets which account...). Part of the one
model `model.py` defines (it names them all); no I/O here either."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.catalogue.model_types import CountryCode, HospitalCode, HttpsUrl, Id, Label, Record, TextKey


class Duration(Record):
    """A length of time as a source says it: at most, at least or between, in one unit, with a condition in
    words, e.g. {max: 24, unit: hours} or {min: 3, max: 12, unit: months, condition: <text key>}."""

    min: int | None = Field(None, ge=0, description="The least it takes or lasts (leave out for 'up to').")
    max: int | None = Field(None, ge=1, description="The most it takes or lasts (leave out for 'at least').")
    unit: Literal["hours", "days", "weeks", "months"] = Field("days", description="Unit of min and max.")
    condition: TextKey | None = Field(None, description="Text key of a condition in words, after the length, e.g. "
                                                        "'or as long as the panel is open'.")
    source: Id | None = Field(None, description="Id of the source that says so (required for guest_account).")


class Example(Record):
    """The country and hospital the screen pictures show."""

    country: CountryCode = Field(description="A country of this network (`countries`).")
    hospital: HospitalCode = Field(description="A hospital code listed under that country.")


class Anchor(Record):
    """Where in the guide something goes: a step of the network's guide, at its start, at its end, or after
    one of its blocks, named by the block's text key (or screen id, or list id)."""

    step: Id = Field(description="Id of a step of this network's guide, e.g. 'request-access'.")
    at: Literal["start", "end"] | None = Field(None, description="At the start or the end of the step "
                                                                 "(instead of `after`).")
    after: str | None = Field(None, description="After this block of the step: its text key, e.g. "
                                                "'step.request-access.hospital', its screen id or its list id.")


class NetworkNote(Anchor):
    """A tip, warning or note of the network's own, anchored in a step: the step itself is not copied, so the
    note follows every later change of the step."""

    tip: TextKey | None = Field(None, description="Text key of a tip (one of tip, warning, note).")
    warning: TextKey | None = Field(None, description="Text key of a warning.")
    note: TextKey | None = Field(None, description="Text key of a note.")
    source: Id = Field(description="Id of the source the note's facts come from; the guide names it.")


class NetworkDocument(Anchor):
    """A document or platform of the network's own (a registration guide, a training platform): a named link,
    shown at the step it serves."""

    title: Label = Field(description="Its title, as the network gives it.")
    url: HttpsUrl = Field(description="Its address.")
    source: Id = Field(description="Id of the source that gives it (the network's page, or the document).")


class Eligibility(Record):
    """Which account one of the network's member categories gets, in the network's own words."""

    category: Label = Field(description="The category as the network names it, e.g. 'Affiliated Partners'.")
    account: Literal["regular", "guest", "none"] = Field(
        description="regular: its members choose their hospital; guest: they choose Guest Access; none: no access.")
    source: Id = Field(description="Id of the source that says so.")


class Approver(Record):
    """Who accepts or rejects the network's access requests, as its source says: "What happens next" says it
    instead of the platform's shared sentence."""

    text: TextKey = Field(description="Text key of the sentence, e.g. approver.coordinator (\"{network}'s "
                                      "coordinator accepts or rejects your request.\").")
    source: Id = Field(description="Id of the source that says so.")


class RequiredSystem(Anchor):
    """Another system the network requires besides EU Login and the CPMS, with what to do there; shown in
    'Before you start' and, as a warning, at its anchor."""

    name: Label = Field(description="Its name as the source gives it, e.g. 'European Collaborative Platform'.")
    todo: TextKey = Field(description="Text key of what to do there.")
    source: Id = Field(description="Id of the source that says it is required.")


class ProfilePrerequisite(Record):
    """Access profiles that can only be had together with another one."""

    profiles: list[Id] = Field(min_length=1, description="Ids of the profiles that need `requires`.")
    requires: Id = Field(description="Id of the profile they need.")
    source: Id = Field(description="Id of the source that says so.")


class ProfileScreen(Record):
    """Screen 3's list of access profiles as a source shows it: the guide's picture shows these, in this order."""

    profiles: list[Id] = Field(min_length=1, description="Ids of the profiles listed, in the source's order.")
    source: Id = Field(description="Id of the source whose screen shows them.")


class PreferencesScreen(Record):
    """The preferences screen as the network's own source shows it, where it is a list of thematic areas to tick
    under a heading, not the shared table with "I wish to participate"."""

    areas_heading: Label = Field(description="The heading above the thematic areas, e.g. 'ERN Thematic Areas'.")
    first_row: Label | None = Field(None, description="A row above the areas, as on screen, e.g. 'None'.")
    specialist_field: Label | None = Field(None, description="A field below the areas, as on screen, e.g. "
                                                              "\"I'm a specialist in:\".")
    source: Id = Field(description="Id of the source whose screenshot shows it.")


class RecapScreen(Record):
    """Screen 4, the recap, as the network's own source shows it: the profile in the words the summary gives it
    and the comment its example wrote."""

    access_profile: Label = Field(description="The Access Profile row as on screen, e.g. 'healthcare professional'.")
    comment: Label | None = Field(None, description="The comment its example wrote, as on screen.")
    source: Id = Field(description="Id of the source whose screenshot shows it.")


class GuideSettings(Record):
    """How this network's guide is composed and which facts it quotes."""

    language: Id | None = Field(None, description="Language of the source guide.")
    platform: Id | None = Field(None, description="Id of the platform (in `platforms`) the network uses.")
    platform_source: Id | None = Field(None, description="For a network not on the default platform: id of a "
                                       "source dated after 2024 that says it uses `platform`.")
    procedure: list[Id] | None = Field(None, description="Step ids in order, on a platform whose networks order "
                                       "its steps (the first CPMS); default: the platform's procedure.")
    example: Example | None = Field(None, description="Country and hospital used in the screens.")
    approval_delay: Duration | Literal["not-stated"] | None = Field(
        None, description="Delay the network quotes for approval, or 'not-stated' when its sources give none; "
                          "without a quoted delay the guide says nothing about one.")
    approver: Approver | None = Field(None, description="Who accepts or rejects access requests, where the "
                                      "network's source says; default: what the platform's sources say.")
    recommended_verification: Id | None = Field(None, description="Id of the preferred verification method.")
    profiles: list[Id] | None = Field(None, min_length=1, description="Access profiles to ask for.")
    profile_screen: ProfileScreen | None = Field(None, description="The profiles screen 3 lists, as the "
                                                 "network's source shows them; the picture shows these (default: "
                                                 "every access profile).")
    preferences_title: Label | None = Field(None, description="Title of the CPMS preferences screen as the "
                                            "source shows it, e.g. 'My Preferences' (its button: 'Update ...').")
    profiles_choice: Literal["all", "one-or-more"] | None = Field(
        None, description="Whether the reader ticks all of `profiles` (the default) or, where the network's "
                          "source lets them choose, one or more of them.")
    comment_hint: TextKey | None = Field(None, description="Text key of what to write in 'Comments'.")
    link_sign_in: Id | None = Field(None, description="Id of the link used to sign in to EU Login.")
    browsers: TextKey | None = Field(None, description="Text key naming the supported browsers quoted.")
    notes: list[NetworkNote] = Field(default_factory=list, description="The network's own tips, warnings "
                                     "and notes, each anchored in a step.")
    guest_account: Duration | None = Field(None, description="How long guest accounts last, as quoted, with its "
                                           "source; shown at the guest choice.")
    profile_prerequisites: list[ProfilePrerequisite] = Field(
        default_factory=list, description="Profiles that require another; shown at the profile choice.")
    documents: list[NetworkDocument] = Field(
        default_factory=list, description="The network's own documents and platforms, each at the step it serves.")
    eligibility: list[Eligibility] = Field(
        default_factory=list, description="Who gets which account, by the network's member categories; shown "
                                          "where the reader chooses their hospital or Guest Access.")
    required_systems: list[RequiredSystem] = Field(
        default_factory=list, description="Other systems the network requires, with what to do there.")
    thematic_areas: list[Label] = Field(default_factory=list, description="As on the Preferences screen.")
    preferences_screen: PreferencesScreen | None = Field(None, description="The preferences screen as the network's "
                                                         "source shows it, where it differs from the shared one.")
    recap_screen: RecapScreen | None = Field(None, description="Screen 4 as the network's source shows it, where "
                                             "it differs from the shared picture.")
    thematic_areas_complete: bool = Field(False, description="True when the source shows every thematic area.")
    professional_role_example: Label | None = Field(None, description="Example of a professional role, as the "
                                                                      "source gives it, e.g. 'Neurologist'.")
    changes: list[TextKey] = Field(default_factory=list, description="Text keys of what changed for this "
                                   "network's readers, shown in a 'What changed' box at the top of the guide.")
