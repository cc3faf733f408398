"""What the pages say of the catalogue's facts, in the reader's language: the values texts put in their
placeholders, helpdesks (named, or with their address in "Help and contacts"), sources and when they said what
they say, delays, retirements, and the addresses the generator links."""

from __future__ import annotations

from datetime import date
from urllib.parse import urljoin

from markupsafe import Markup, escape

from generator.catalogue import model, wizard
from generator.guides.evidence import date_text, duration_text, evidence_text, publisher, source_title
from generator.guides.guide import Guide
from generator.words.lookup import Texts, literal
from generator.words.texts import SOURCE_LANGUAGE


def site_path(language: str, path: str) -> str:
    """Where a page of the docs tree lands in the site: the default language at the root."""
    return path if language == SOURCE_LANGUAGE else f"{language}/{path}"


def document_link(document: model.NetworkDocument) -> Markup:
    """A document of the network's own, by its title, linked."""
    return Markup(f"[{literal(document.title)}]({escape(document.url)})")


def values(cat: model.Catalogue, guide: Guide, t: Texts, site_url: str | None = None) -> dict[str, object]:
    """What texts may put in their {placeholders} on this network's guide. With the site's https address, the
    link to the simulator is absolute, so that a printed guide shows where to practise."""
    s = guide.settings
    found = {
        "network": guide.network.short_name,
        "network_label": t.quoted(guide.network.label),  # the screen's words, English: marked so
        "country": t.quoted(guide.example_country.name) if guide.example_country else "",
        "hospital": guide.example_hospital.label if guide.example_hospital else "",
        "profiles": t.quoted_list([p.name for p in guide.profiles]),
        "method": t.quoted(guide.method.label),
        "platform": guide.platform.name,
        "url_platform": url_link(cat.links[guide.platform.link].url),
        "guest_access": t.quoted(cat.guest_access.label),
        "it_support": Markup(f"[{t('contact.at-help')}](#help)"),  # the address itself: once, under Help
        "helpdesk": helpdesk_reference(cat, guide.network, t),
        "network_helpdesk": network_helpdesk(guide.network, t),
        "delay_sentence": delay_sentence(s.approval_delay, guide.network, t),
        "approver_sentence": approver_sentence(guide, t),
        "comment_hint": t(s.comment_hint) if s.comment_hint else "",
        "browsers": t(s.browsers),
        "preferences_title": s.preferences_title or "",
        "areas_heading": s.preferences_screen.areas_heading if s.preferences_screen else "",
        "role": s.professional_role_example or "",
        "url_sign_in": url_link(cat.links[s.link_sign_in].url),
        "simulator": (urljoin(site_url, site_path(t.language, f"{wizard.start_id(guide.network)}.html"))
                      if site_url else f"../{wizard.start_id(guide.network)}.html"),  # relative to networks/<id>.md
        "helpdesks_page": "../helpdesks.md",
        "practise_sign_in": "../practise-sign-in.md",
        "evidence": evidence_text(cat, cat.evidence_of(guide.network, guide.platform_id), t),
        "successor": cat.platforms[guide.successor.platform].name if guide.successor else "",
        # the network's other page: from first-cpms/<id>.md or networks/<id>.md, both a folder deep
        "current_page": f"../{guide.other_page}.md" if guide.other_page and not guide.current else "",
        "earlier_page": f"../{guide.other_page}.md" if guide.other_page and guide.current else "",
    }
    for name, link in cat.links.items():  # a retired address gives way to its replacement
        current = cat.links[link.replaced_by[0]] if link.retired and link.replaced_by else link
        if not current.retired:
            found["url_" + name.replace("-", "_")] = url_link(current.url)
    return found


def url_link(url: str) -> Markup:
    """A link showing its own address (so print does not repeat it)."""
    return Markup(f"[{literal(url)}]({escape(url)}){{ .ern-url }}")


def mailto(email: str) -> Markup:
    return Markup(f"[{literal(email)}](mailto:{escape(email)})")


def addresses(cat: model.Catalogue, network: model.Network, t: Texts) -> dict[str, Markup]:
    """The placeholders that give the helpdesks' addresses themselves: where a page has no "Help and contacts"
    (the practice), and in that part of a guide, the one place a guide gives them."""
    own = helpdesk_text(cat, network, t) if network.contacts else t("contact.unnamed", network=network.short_name)
    return {"helpdesk": helpdesk_text(cat, network, t), "network_helpdesk": own,
            "it_support": mailto(cat.contacts["cpms-it-support"].email)}


def help_addresses(cat: model.Catalogue, guide: Guide, t: Texts) -> dict[str, Markup]:
    """The placeholders of "Help and contacts", which gives each address once: where the network has no helpdesk
    of its own and the platform's help gives the CPMS helpdesk's address, the first sentence names it only."""
    found = addresses(cat, guide.network, t)
    if not guide.network.contacts and any("{it_support}" in t.source[key].text for key in guide.platform.help):
        found["helpdesk"] = t("contact.cpms-helpdesk")
    return found


def _whom(cat: model.Catalogue, network: model.Network, t: Texts) -> list[tuple[Markup, model.Contact]]:
    """Whom a stuck reader writes to, each by the name a reader is told: the network's helpdesk (as its source
    names it, else "ERN-RND's helpdesk"), else the CPMS helpdesk, never nobody."""
    if not network.contacts:
        return [(t("contact.cpms-helpdesk"), cat.contacts["cpms-it-support"])]
    return [(literal(c.name) if c.name else t("contact.unnamed", network=network.short_name), c)
            for c in network.contacts]


def helpdesk_reference(cat: model.Catalogue, network: model.Network, t: Texts) -> Markup:
    """Whom to write to, by name, linked to "Help and contacts", which gives the address: a guide gives each
    address once."""
    return Markup(", ").join(Markup(f"[{name}](#help)") for name, _ in _whom(cat, network, t))


def network_helpdesk(network: model.Network, t: Texts) -> Markup:
    """The network's own helpdesk, by name, linked to "Help and contacts", even where no source gives its address
    (what it handles, such as CPMS 2.0 credentials, no other desk does)."""
    names = [literal(c.name) if c.name else t("contact.unnamed", network=network.short_name) for c in network.contacts]
    return Markup(", ").join(Markup(f"[{name}](#help)")
                             for name in names or [t("contact.unnamed", network=network.short_name)])


def helpdesk_text(cat: model.Catalogue, network: model.Network, t: Texts) -> Markup:
    """Whom to write to, by name and address."""
    return Markup(", ").join(contact_text(contact, t, network.website, name) for name, contact in _whom(cat, network, t))


def contact_text(contact: model.Contact, t: Texts, website: str | None = None, name: Markup | None = None) -> Markup:
    """A contact by its name (`name`, else the source's) and its e-mail or web page; a helpdesk whose address is
    not published says so, and points to the network's website where the catalogue has it."""
    name = name if name is not None else (literal(contact.name) if contact.name else None)
    if contact.email is None and contact.url is None:
        said = (t("contact.no-address.website", name=name, website=url_link(website)) if website
                else t("contact.no-address", name=name))
    else:
        address = mailto(contact.email) if contact.email else url_link(contact.url)
        said = t("contact.named", name=name, address=address) if name else address
    return t("contact.with-note", contact=said, note=t(contact.note)) if contact.note else said


def source_text(source: model.Source, t: Texts) -> Markup:
    """One source as the reader sees it: a document by its title, a web page with its address and dates."""
    if source.url is None:
        return t("source.document", title=source_title(source, t))
    found = {"title": source_title(source, t), "publisher": publisher(source, t), "url": url_link(source.url),
             "consulted": date_text(source.consulted, t)}
    if source.published is None:
        return t("source.web", **found)
    return t("source.web-published", **found, published=date_text(source.published, t))


# The screens a network's settings may describe as its own source shows them, by the setting that does.
OWN_SCREENS = {"saas-profiles": "profile_screen", "cpms-preferences": "preferences_screen", "saas-recap": "recap_screen"}


def picture_source(cat: model.Catalogue, guide: Guide, screen_id: str, t: Texts) -> model.Source | None:
    """The source whose screenshot a picture follows: for a screen the network's settings describe (its profile
    list, preferences, recap), that setting's; else the network's own among the sources that show the screen (its
    description's), else the first of them."""
    own_screen = getattr(guide.settings, OWN_SCREENS.get(screen_id, ""), None)
    if own_screen:
        return cat.source(own_screen.source)
    known = {s.id for s in cat.sources}
    showing = [i for i in t.source[f"screen.{screen_id}.description"].sources if i in known]
    own = [i for i in showing if i in guide.network.sources]
    return cat.source((own or showing)[0]) if showing else None


def when_text(source: model.Source, t: Texts) -> Markup:
    """When a source said what it says: 'published on ...', 'written before ...', or for an undated web page,
    'consulted on ...'."""
    if source.published:
        return t("source.when.published", date=date_text(source.published, t))
    if source.url is None:
        return t("source.when.before", date=date_text(source.published_before, t))
    return t("source.when.consulted", date=date_text(source.consulted, t))


def documents_text(cat: model.Catalogue, ids: list[str], t: Texts) -> Markup:
    """Documents a step is drawn from, by their titles and when they were written (said once for those written at
    the same time)."""
    titles: dict[str, list[Markup]] = {}
    for source in (cat.source(i) for i in ids):
        titles.setdefault(when_text(source, t), []).append(source_title(source, t))
    return t("list.separator").join(t("source.with-when", source=t("list.separator").join(named), when=when)
                                    for when, named in titles.items())


def retirement_text(cat: model.Catalogue, method: model.VerificationMethod, t: Texts) -> Markup:
    """What a retired verification method's retirement means, dated and sourced, with what to use instead."""
    source = cat.source(method.retired_source)
    return t(method.retired_note or "method.retired", **retired_values(method, t),
             retired_source=source_link(source, t),
             replacements=t.quoted_list([cat.method(m).label for m in method.replaced_by]))


def kept_link(method: model.VerificationMethod, t: Texts) -> Markup:
    """A link to where a page keeps what its documents said of a retired verification method."""
    return Markup("[{}](#kept-{})").format(t("guide.kept.title", **retired_values(method, t)), method.id)


def retired_values(method: model.VerificationMethod, t: Texts) -> dict:
    """The placeholders of a text about a retired verification method: its label and the day it was retired."""
    return {"retired_method": t.quoted(method.label), "retired_on": date_text(method.retired_on, t)}


def delay_sentence(delay: model.Duration | str | None, network: model.Network, t: Texts) -> Markup:
    """The approval delay the network quotes, as a sentence; nothing when it quotes none."""
    if not isinstance(delay, model.Duration):
        return Markup("")
    return t("delay.sentence", network=network.short_name, duration=duration_text(delay, t))


def approver_sentence(guide: Guide, t: Texts) -> Markup:
    """Who accepts or rejects requests: the network's source's words where it says, else the platform's shared
    sentence (from the platform's sources), else nothing."""
    approver = guide.settings.approver
    key = approver.text if approver else guide.platform.approver
    return t(key, network=guide.network.short_name) if key else Markup("")


def next_source(cat: model.Catalogue, guide: Guide, t: Texts) -> Markup | None:
    """Where the network's own facts that "What happens next" quotes come from (the approval delay, who
    approves), when it quotes them."""
    quoted = t.source[guide.platform.what_next].placeholders
    delay, approver = guide.settings.approval_delay, guide.settings.approver
    ids = ([delay.source] if "delay_sentence" in quoted and isinstance(delay, model.Duration) and delay.source
           else []) + ([approver.source] if "approver_sentence" in quoted and approver else [])
    return source_line(cat, list(dict.fromkeys(ids)), t, guide.network.checked) if ids else None


def source_line(cat: model.Catalogue, source_ids: str | list[str], t: Texts, checked: date | None = None) -> Markup:
    """'Source: ...' under a fact: the page (linked, with its publisher) or document it comes from; for several,
    'Sources: ...; ...'. With `checked` (a fact of the network's own, which its helpdesk checked then), the day
    the fact was compared with a live page: the earliest day its web pages were read; a fact from documents alone
    says none."""
    found = [cat.source(i) for i in ([source_ids] if isinstance(source_ids, str) else source_ids)]

    def named(source: model.Source) -> Markup:
        if source.url:
            return t("guide.fact-source.web-item", publisher=publisher(source, t), source=source_link(source, t))
        return source_title(source, t)
    if len(found) == 1:
        line = t("guide.fact-source.one", source=named(found[0]))
    else:
        line = t("guide.fact-source.several", sources=t("list.separator").join(named(s) for s in found))
    read = [source.consulted for source in found if source.consulted]
    if checked and read:
        line = t("guide.fact-source.checked", line=line, date=date_text(min(read), t))
    return Markup(f'<small class="ern-source">{line}</small>')


def text_sources(cat: model.Catalogue, t: Texts, key: str) -> list[str]:
    """The sources an English text names for the facts it states (none for a text that states none)."""
    known = {s.id for s in cat.sources}
    return [i for i in t.source[key].sources if i in known]


def source_link(source: model.Source, t: Texts) -> Markup:
    """A source by its title, linked to its page when it is a web page."""
    title = source_title(source, t)
    return Markup(f"[{title}]({escape(source.url)})") if source.url else title


def account_choices(cat: model.Catalogue, guide: Guide, t: Texts, v: dict) -> list[tuple[Markup, Markup, list[str]]]:
    """"Which account do I need?": for each kind of reader, a question, its answer (the step or person to go to)
    and the answer's sources: the platform's rule for members, the network's eligibility data for the others,
    and, where no source has said, that none has."""
    first = {**v, "first_step": f"#{guide.steps[0][0]}", "check_step": f"#{guide.steps[0][0]}"}
    guests = [row for row in guide.settings.eligibility if row.account == "guest"]
    if guests:
        guest = t("guide.account.guest.answer", categories=", ".join(row.category for row in guests), **first)
        guest_sources = list(dict.fromkeys(row.source for row in guests))
    else:
        guest, guest_sources = t("guide.account.guest.unknown", **first), text_sources(cat, t, "guide.account.guest.unknown")
    return [(t(f"guide.account.{kind}.question", **first), answer, sources) for kind, answer, sources in (
        ("member", t("guide.account.member.answer", **first), text_sources(cat, t, "guide.account.member.answer")),
        ("guest", guest, guest_sources),
        ("unsure", t("guide.account.unsure.answer", **first), text_sources(cat, t, "guide.account.unsure.answer")))]
