"""Render the pages of every language from the catalogue, the texts and the Jinja templates."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import markdown
from markupsafe import Markup, escape

from generator import excerpt, model, simulator
from generator.compiled_templates import CompiledTemplates
from generator.errors import Problem
from generator.evidence import date_text, duration_text, evidence_text, plural
from generator.lookup import Texts, literal
from generator.texts import SOURCE_LANGUAGE

TEMPLATES = Path(__file__).parent / "templates"


_MARKDOWN = markdown.Markdown(extensions=["attr_list"])  # as in mkdocs.yml: url_link marks its links


def inline_markdown(text: str) -> Markup:
    """Render a (pre-escaped) text's Markdown; one paragraph loses its <p>. A text filled with plain values (a
    hospital's name) is rendered in its pattern, once for all values, and the values put in its stand-ins'
    places: Markdown leaves a plain value as it is."""
    pattern = getattr(text, "pattern", None)
    if pattern is None:
        return _rendered(str(text))
    rendered = str(_rendered(str(pattern)))
    for stand_in, value in text.values.items():
        if rendered.count(stand_in) != pattern.count(stand_in):  # never seen; but then render it as it is
            return _rendered(str(text))
        rendered = rendered.replace(stand_in, value)
    return Markup(rendered)


@functools.lru_cache(maxsize=4096)  # the same guidance recurs on thousands of pages
def _rendered(text: str) -> Markup:
    rendered = _MARKDOWN.reset().convert(text)
    single = re.fullmatch(r"<p>(.*)</p>", rendered, flags=re.S)
    return Markup(single.group(1) if single and "<p>" not in single.group(1) else rendered)


def template_problem(error: Exception) -> Problem:
    """A mistake met while rendering (a text a template asks for and nobody wrote, a Jinja error, or anything
    else a template raised), located in generator/templates as precisely as the error allows."""
    if isinstance(error, KeyError):
        return Problem("generator/templates", 1, 1, "", str(error.args[0]))
    name = getattr(error, "name", None)
    message = str(error) if isinstance(error, jinja2.TemplateError) else f"{type(error).__name__}: {error}"
    return Problem(f"generator/templates/{name}" if name else "generator/templates",
                   getattr(error, "lineno", None) or 1, 1, "", message)


def site_path(language: str, path: str) -> str:
    """Where a page of the docs tree lands in the site: the default language at the root."""
    return path if language == SOURCE_LANGUAGE else f"{language}/{path}"


_COMPILED = {True: CompiledTemplates(), False: CompiledTemplates()}  # one per kind of environment


def environment(*, markdown_pages: bool) -> jinja2.Environment:
    """The templates' environment. For Markdown pages (`markdown_pages`), every value a template prints is shown
    literally: neither HTML nor Markdown in a catalogue value becomes markup. `md` renders a filled text's
    Markdown where it lands in HTML (a screen picture's note, a simulator page)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=literal if markdown_pages else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no modification check per page
    )
    env.filters["md"] = inline_markdown
    env.filters["around"] = excerpt.around
    env.tests["cut"] = excerpt.is_cut
    env.filters["cut_labels"] = excerpt.labels
    env.bytecode_cache = _COMPILED[markdown_pages]
    return env


@dataclass(frozen=True)
class Guide:
    """One network's guide settings, the shared defaults filled in, and what they point at."""

    network: model.Network
    settings: model.GuideSettings
    platform: model.Platform
    steps: list[tuple[str, model.Step]]  # (anchor, step): a variant step keeps the anchor of the step it replaces
    example_country: model.Country | None
    example_hospital: model.Hospital | None
    profiles: list[model.Profile]
    profiles_on_screen: list[model.Profile]  # screen 3's list as the network's source (or the default's) shows it
    method: model.VerificationMethod

    retired_methods: list[model.VerificationMethod]
    changes: list[model.VerificationMethod]  # the retired methods whose retirement this guide tells about
    source_ids: list[str]
    successor: model.Successor | None  # the platform replacing this guide's, while networks move to it
    successor_steps: list[tuple[str, model.Step]]  # its steps, shown as well for readers who find it instead

    @property
    def helpdesk(self) -> list[model.Contact]:
        return self.network.contacts

    @property
    def own_facts(self) -> bool:
        """Whether any source of the network's own backs this guide; if not, every fact is a shared default."""
        return bool(self.network.sources)

    def shows(self, block: model.Block) -> bool:
        """Whether a block applies to this network (`when`) and its verification method is still in use."""
        if block.retired or (block.method and block.method in {m.id for m in self.retired_methods}):
            return False
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
        guide's sign-in method, or is it (a guide without such a step: no)."""
        anchors = [a for a, _ in self.steps]
        setup = self.method.setup_step
        return setup in anchors and anchor in anchors and anchors.index(anchor) <= anchors.index(setup)

    def _changes_block(self) -> model.Block | None:
        """The block that tells what changed: the first one of the guide, if there is anything to tell."""
        found = (b for _, step in self.steps for b in step.blocks if b.changes and self.shows(b))
        return next(found, None) if self.changes else None

    def checked_on(self, anchor: str, step: model.Step) -> date:
        """When the step's facts were last checked: the step's own date, or, where it shows facts of the network's
        own (its notes, its example, its delay...), the later of that and the network's date."""
        own = any(isinstance(b, model.Anchor) or b.when in NETWORK_FACTS for b in self.blocks(anchor, step))
        return max(step.checked, self.network.checked) if own and self.network.checked else step.checked

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


# The `when`s of blocks that show facts of the network's own.
NETWORK_FACTS = {"comment_hint", "approval_delay", "helpdesk", "thematic_areas", "example", "guest_account",
                 "profile_prerequisites", "eligibility"}


def eligibility_text(eligibility: list[model.Eligibility], cat: model.Catalogue, t: Texts) -> Markup:
    """Who gets which account, the network's categories as it names them, grouped by account, in its order."""
    accounts: dict[str, list[str]] = {}
    for row in eligibility:
        accounts.setdefault(row.account, []).append(row.category)
    return t("list.separator").join(
        t(f"eligibility.{account}", categories=", ".join(categories), guest_access=cat.guest_access.label)
        for account, categories in accounts.items())


def document_link(document: model.NetworkDocument) -> Markup:
    """A document of the network's own, by its title, linked."""
    return Markup(f"[{literal(document.title)}]({escape(document.url)})")


def guide_for(cat: model.Catalogue, network: model.Network) -> Guide:
    settings = cat.settings_of(network)
    country = hospital = None
    if settings.example:
        country = next(c for c in cat.countries if c.code == settings.example.country)
        entry = next(e for e in network.countries if e.country == country.code)
        hospital = next(h for h in entry.hospitals if h.code == settings.example.hospital)
    platform = cat.platform_of(network)
    steps = cat.guide_steps(network)
    tells_changes = any(block.changes for _, step in steps for block in step.blocks)
    changes = cat.retired_methods if tells_changes else []
    own = [*(n.source for n in settings.notes), *(r.source for r in settings.required_systems),
           *(d.source for d in settings.documents), *(e.source for e in settings.eligibility),
           *([settings.guest_account.source] if settings.guest_account else []),
           *(p.source for p in settings.profile_prerequisites)]
    successor = platform.successor
    successor_steps = [(i, cat.steps[i]) for i in successor.steps] if successor else []
    sources = [*network.sources, *own, *(source for _, step in steps for source in step.sources), *platform.sources,
               *(m.retired_source for m in changes), *(successor.sources if successor else []),
               *(source for _, step in successor_steps for source in step.sources)]
    return Guide(
        network=network,
        settings=settings,
        platform=platform,
        steps=steps,
        example_country=country,
        example_hospital=hospital,
        profiles=[p for p in cat.access_profiles if p.id in (settings.profiles or [])],
        profiles_on_screen=([p for i in settings.profile_screen.profiles for p in cat.access_profiles if p.id == i]
                            if settings.profile_screen else cat.access_profiles),
        method=cat.method(settings.recommended_verification),
        retired_methods=cat.retired_methods,
        changes=changes,
        source_ids=list(dict.fromkeys(sources)),
        successor=successor,
        successor_steps=successor_steps,
    )


def values(cat: model.Catalogue, guide: Guide, t: Texts, site_url: str | None = None) -> dict[str, object]:
    """What texts may put in their {placeholders} on this network's guide. With the site's https address, the
    link to the simulator is absolute, so that a printed guide shows where to practise."""
    s = guide.settings
    found = {
        "network": guide.network.short_name,
        "network_label": guide.network.label,
        "country": guide.example_country.name if guide.example_country else "",
        "hospital": guide.example_hospital.label if guide.example_hospital else "",
        "profiles": ", ".join(p.name for p in guide.profiles),
        "method": guide.method.label,
        "platform": guide.platform.name,
        "url_platform": url_link(cat.links[guide.platform.link].url),
        "guest_access": cat.guest_access.label,
        "it_support": Markup(f"[{t('contact.at-help')}](#help)"),  # the address itself: once, under Help
        "helpdesk": helpdesk_reference(cat, guide.network, t),
        "delay_sentence": delay_sentence(s.approval_delay, guide.network, t),
        "comment_hint": t(s.comment_hint) if s.comment_hint else "",
        "browsers": t(s.browsers),
        "preferences_title": s.preferences_title or "",
        "role": s.professional_role_example or "",
        "url_sign_in": url_link(cat.links[s.link_sign_in].url),
        "simulator": (urljoin(site_url, site_path(t.language, f"{simulator.start_id(guide.network)}.html"))
                      if site_url else f"../{simulator.start_id(guide.network)}.html"),  # relative to networks/<id>.md
        "helpdesks_page": "../helpdesks.md",
        "evidence": evidence_text(cat, cat.evidence_of(guide.network), t),
        "successor": cat.platforms[guide.successor.platform].name if guide.successor else "",
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
    return {"helpdesk": helpdesk_text(cat, network, t), "it_support": mailto(cat.contacts["cpms-it-support"].email)}


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


def helpdesk_text(cat: model.Catalogue, network: model.Network, t: Texts) -> Markup:
    """Whom to write to, by name and address."""
    return Markup(", ").join(contact_text(contact, t, network.website, name) for name, contact in _whom(cat, network, t))


def contact_text(contact: model.Contact, t: Texts, website: str | None = None, name: Markup | None = None) -> Markup:
    """A contact by its name (`name`, else the source's) and its e-mail or web page; a helpdesk whose address is
    not published says so, and points to the network's website where the catalogue has it."""
    name = name if name is not None else (literal(contact.name) if contact.name else None)
    if contact.email is None and contact.url is None:
        return (t("contact.no-address.website", name=name, website=url_link(website)) if website
                else t("contact.no-address", name=name))
    address = mailto(contact.email) if contact.email else url_link(contact.url)
    return t("contact.named", name=name, address=address) if name else address


def source_text(source: model.Source, t: Texts) -> Markup:
    """One source as the reader sees it: a document by its title, a web page with its address and dates."""
    if source.url is None:
        return t("source.document", title=source.title)
    found = {"title": source.title, "publisher": source.publisher, "url": url_link(source.url),
             "consulted": date_text(source.consulted, t)}
    if source.published is None:
        return t("source.web", **found)
    return t("source.web-published", **found, published=date_text(source.published, t))


def picture_source(cat: model.Catalogue, guide: Guide, screen_id: str, t: Texts) -> model.Source | None:
    """The source whose screenshot a picture follows: for the profile list, the one it is copied from; else the
    network's own among the sources that show the screen (its description's), else the first of them."""
    if screen_id == "saas-profiles" and guide.settings.profile_screen:
        return cat.source(guide.settings.profile_screen.source)
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


def retirement_text(cat: model.Catalogue, method: model.VerificationMethod, t: Texts) -> Markup:
    """What a retired verification method's retirement means, dated and sourced, with what to use instead."""
    source = cat.source(method.retired_source)
    return t(method.retired_note or "method.retired",
             retired_method=method.label,
             retired_on=date_text(method.retired_on, t),
             retired_source=source_link(source),
             replacements=", ".join(cat.method(m).label for m in method.replaced_by))


def delay_sentence(delay: model.Duration | str | None, network: model.Network, t: Texts) -> Markup:
    """The approval delay the network quotes, as a sentence; nothing when it quotes none."""
    if not isinstance(delay, model.Duration):
        return Markup("")
    return t("delay.sentence", network=network.short_name, duration=duration_text(delay, t))


def delay_source(cat: model.Catalogue, guide: Guide, t: Texts) -> Markup | None:
    """Where the approval delay a guide quotes comes from, when its source is given."""
    delay = guide.settings.approval_delay
    if isinstance(delay, model.Duration) and delay.source:
        return source_line(cat, delay.source, t, guide.network.checked)
    return None


def source_line(cat: model.Catalogue, source_ids: str | list[str], t: Texts, checked: date | None = None) -> Markup:
    """'Source: ...' under a fact: the page (linked, with its publisher) or document it comes from; for several,
    'Sources: ...; ...'; with `checked`, the day someone last checked the fact against them."""
    found = [cat.source(i) for i in ([source_ids] if isinstance(source_ids, str) else source_ids)]

    def named(source: model.Source) -> Markup:
        if source.url:
            return t("guide.fact-source.web-item", publisher=source.publisher, source=source_link(source))
        return literal(source.title)
    if len(found) == 1:
        line = t("guide.fact-source.one", source=named(found[0]))
    else:
        line = t("guide.fact-source.several", sources=t("list.separator").join(named(s) for s in found))
    if checked:
        line = t("guide.fact-source.checked", line=line, date=date_text(checked, t))
    return Markup(f'<small class="ern-source">{line}</small>')


def text_sources(cat: model.Catalogue, t: Texts, key: str) -> list[str]:
    """The sources an English text names for the facts it states (none for a text that states none)."""
    known = {s.id for s in cat.sources}
    return [i for i in t.source[key].sources if i in known]


def source_link(source: model.Source) -> Markup | str:
    """A source by its title, linked to its page when it is a web page."""
    return Markup(f"[{literal(source.title)}]({escape(source.url)})") if source.url else source.title


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


def render_site(cat: model.Catalogue, texts: dict[str, Texts], pdfs: frozenset[str] = frozenset(),
                site_url: str | None = None) -> dict[str, str]:
    """Every generated page, by path under the docs tree (`<lang>/networks/<id>.md`); `site_url` is the address
    the site is published at, where known."""
    env = environment(markdown_pages=True)
    guides = [guide_for(cat, network) for network in cat.networks]
    pages: dict[str, str] = {}
    for language, t in texts.items():
        common = {"cat": cat, "t": t, "language": language}
        t.start_page("practise.md")
        pages[f"{language}/practise.md"] = _with_notice(env, common, env.get_template("practise.md.j2").render(
            common, guides=guides, evidence=evidence_text(cat, cat.evidence_of(None), t)))
        t.start_page("helpdesks.md")
        pages[f"{language}/helpdesks.md"] = _with_notice(env, common, env.get_template("helpdesks.md.j2").render(
            common, guides=guides, checked=lambda day: date_text(day, t),
            source_titles=lambda network: "; ".join(cat.source(i).title for i in network.sources)))
        t.start_page("index.md")
        pages[f"{language}/index.md"] = _with_notice(env, common, env.get_template("home.md.j2").render(
            common, guides=guides, evidence=lambda network: evidence_text(cat, cat.evidence_of(network), t)))
        for guide in guides:
            t.start_page(f"networks/{guide.network.id}.md")
            v = values(cat, guide, t, site_url)
            has_pdf = f"{language}/networks/{guide.network.id}.pdf" in pdfs
            page = env.get_template("guide.md.j2").render(
                common, guide=guide, v=v, has_pdf=has_pdf,
                sources=[source_text(cat.source(i), t) for i in guide.source_ids],
                changes=[retirement_text(cat, m, t) for m in guide.changes],
                kind_of=kind_of, source_line=lambda source_id, checked=None: source_line(cat, source_id, t, checked),
                text_sources=lambda key: text_sources(cat, t, key), document_link=document_link,
                troubles=troubles(cat, guide),
                next_after=guide.platform.what_next_after if guide.platform.what_next_after in dict(guide.steps) else None,
                troubles_at=lambda anchor: [(i, tr) for i, tr in troubles(cat, guide) if anchor in tr.steps],
                problem_links=lambda found: Markup(" · ").join(
                    Markup(f"[{t(trouble.question, **v)}](#problem-{i})") for i, trouble in found),
                checked=lambda day: date_text(day, t),
                addresses=help_addresses(cat, guide, t),
                delay_source=delay_source(cat, guide, t),
                screen=_screen_renderer(env, common, guide, v))
            pages[f"{language}/networks/{guide.network.id}.md"] = _with_notice(env, common, page, "../")
        t.start_page("translate.md")
        pages[f"{language}/translate.md"] = env.get_template("translate.md.j2").render(  # last: it lists them
            common, missing=sorted(set(t.source) - set(t.entries)), stale=sorted(t.stale))
    return pages


def _with_notice(env: jinja2.Environment, common: dict, page: str, up: str = "") -> str:
    """Put, after the page's front matter, a notice in plain words saying how many of its texts are shown in
    English and how many may be out of date (their English changed since they were translated)."""
    t: Texts = common["t"]
    if not t.missing_on_page and not t.stale_on_page:
        return page
    notice = env.get_template("untranslated.md.j2").render(common, plural=lambda key, count: plural(t, key, count),
                                                           missing=len(t.missing_on_page),
                                                           stale=len(t.stale_on_page), up=Markup(up))
    head, separator, body = page.partition("\n---\n\n") if page.startswith("---\n") else ("", "", page)
    return head + separator + notice + body


def _screen_renderer(env: jinja2.Environment, common: dict, guide: Guide, v: dict):
    cat: model.Catalogue = common["cat"]
    entries = {e.country: e for e in guide.network.countries}
    countries = [c for c in cat.countries if c.code in entries]
    context = {
        **common,
        "guide": guide,
        "v": v,
        "network_countries": countries,
        "example_entry": entries[guide.example_country.code] if guide.example_country else None,
    }

    def screen(screen_id: str) -> Markup:
        try:
            template = env.get_template(f"screens/{screen_id}.html.j2")
        except jinja2.TemplateNotFound:
            raise KeyError(f"no screen template generator/templates/screens/{screen_id}.html.j2") from None
        source = picture_source(cat, guide, screen_id, common["t"])
        drawn_from = common["t"]("screen.drawn-from", source=source.title, when=when_text(source, common["t"])) \
            if source else None
        return Markup(template.render(context, drawn_from=drawn_from))
    return screen
