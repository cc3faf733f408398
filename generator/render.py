"""Render the pages of every language from the catalogue, the texts and the Jinja templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator import model, simulator
from generator.texts import Texts

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class Guide:
    """One network's guide settings, the shared defaults filled in, and what they point at."""

    network: model.Network
    settings: model.GuideSettings
    platform: model.Platform
    steps: list[tuple[str, model.Step]]
    example_country: model.Country | None
    example_hospital: model.Hospital | None
    profiles: list[model.Profile]
    method: model.VerificationMethod

    retired_methods: list[model.VerificationMethod]
    changes: list[model.VerificationMethod]  # the retired methods whose retirement this guide tells about
    source_ids: list[str]

    @property
    def helpdesk(self) -> list[model.Contact]:
        return self.network.contacts

    def shows(self, block: model.Block) -> bool:
        """Whether a block applies to this network (`when`) and its verification method is still in use."""
        if block.retired or (block.method and block.method in {m.id for m in self.retired_methods}):
            return False
        s = self.settings
        return {
            None: True,
            "comment_hint": bool(s.comment_hint),
            "approval_delay": bool(s.approval_delay),
            "warnings": bool(s.warnings),
            "helpdesk": bool(self.helpdesk),
            "no_helpdesk": not self.helpdesk,
            "thematic_areas": bool(s.thematic_areas),
            "example": self.example_hospital is not None,
            "no_example": self.example_hospital is None,
        }[block.when]


def guide_for(cat: model.Catalogue, network: model.Network) -> Guide:
    overrides = {k: getattr(network.guide, k) for k in network.guide.model_fields_set} if network.guide else {}
    settings = cat.default_guide.model_copy(update=overrides)
    country = hospital = None
    if settings.example:
        country = next(c for c in cat.countries if c.code == settings.example.country)
        entry = next(e for e in network.countries if e.country == country.code)
        hospital = next(h for h in entry.hospitals if h.code == settings.example.hospital)
    platform = cat.platforms[settings.platform]
    method = cat.method(settings.recommended_verification)
    steps = [(cat.steps[step_id].variant_of or step_id, cat.steps[step_id])
             for step_id in _procedure(cat, settings.procedure or platform.procedure, method)]
    tells_changes = any(block.changes for _, step in steps for block in step.blocks)
    changes = cat.retired_methods if tells_changes else []
    sources = [*network.sources, *(source for _, step in steps for source in step.sources), *platform.sources,
               *(m.retired_source for m in changes)]
    return Guide(
        network=network,
        settings=settings,
        platform=platform,
        steps=steps,
        example_country=country,
        example_hospital=hospital,
        profiles=[p for p in cat.access_profiles if p.id in (settings.profiles or [])],
        method=method,
        retired_methods=cat.retired_methods,
        changes=changes,
        source_ids=list(dict.fromkeys(sources)),
    )


def _procedure(cat: model.Catalogue, procedure: list[str], method: model.VerificationMethod) -> list[str]:
    """The steps to show: a step setting up a retired method gives way to the set-up of the recommended
    method, unless the procedure already has that step elsewhere."""
    shown: list[str] = []
    for step_id in procedure:
        sets_up = cat.steps[step_id].method
        if sets_up and cat.method(sets_up).retired:
            step_id = method.setup_step if method.setup_step not in procedure else None
        if step_id and step_id not in shown:
            shown.append(step_id)
    return shown


def values(cat: model.Catalogue, guide: Guide, t: Texts) -> dict[str, object]:
    """What texts may put in their {placeholders} on this network's guide."""
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
        "it_support": mailto(cat.contacts["cpms-it-support"].email),
        "helpdesk": helpdesk_links(guide.helpdesk),
        "delay": delay_text(s.approval_delay, t),
        "comment_hint": t(s.comment_hint) if s.comment_hint else "",
        "browsers": t(s.browsers),
        "role": s.professional_role_example or "",
        "url_sign_in": url_link(cat.links[s.link_sign_in].url),
        "simulator": f"../{simulator.network_id(guide.network)}.html",  # relative to networks/<id>.md
    }
    for name, link in cat.links.items():  # a retired address gives way to its replacement
        current = cat.links[link.replaced_by[0]] if link.retired and link.replaced_by else link
        if not current.retired:
            found["url_" + name.replace("-", "_")] = url_link(current.url)
    return found


def url_link(url: str) -> Markup:
    """A link showing its own address (so print does not repeat it)."""
    return Markup(f"[{escape(url)}]({escape(url)}){{ .ern-url }}")


def mailto(email: str) -> Markup:
    return Markup(f"[{escape(email)}](mailto:{escape(email)})")


def helpdesk_links(contacts: list[model.Contact]) -> Markup:
    return Markup(", ").join(mailto(c.email) if c.email else url_link(c.url) for c in contacts)


def date_text(day: date, t: Texts) -> Markup:
    """A date as the reader's language writes it, e.g. '1 July 2025' or '1 juillet 2025'."""
    return t("date.format", day=day.day, month=t(f"date.month.{day.month}"), year=day.year)


def source_text(source: model.Source, t: Texts) -> Markup:
    """One source as the reader sees it: a document by its title, a web page with its address and dates."""
    if source.url is None:
        return t("source.document", title=source.title)
    found = {"title": source.title, "publisher": source.publisher, "url": url_link(source.url),
             "consulted": date_text(source.consulted, t)}
    if source.published is None:
        return t("source.web", **found)
    return t("source.web-published", **found, published=date_text(source.published, t))


def retirement_text(cat: model.Catalogue, method: model.VerificationMethod, t: Texts) -> Markup:
    """What a retired verification method's retirement means, dated and sourced, with what to use instead."""
    source = cat.source(method.retired_source)
    return t(method.retired_note or "method.retired",
             retired_method=method.label,
             retired_on=date_text(method.retired_on, t),
             retired_source=Markup(f"[{escape(source.title)}]({escape(source.url)})") if source.url
             else source.title,
             replacements=", ".join(cat.method(m).label for m in method.replaced_by))


def delay_text(delay: model.Delay | None, t: Texts) -> Markup:
    if delay is None:
        return t("delay.unknown")
    if delay.min_days is None:
        return t("delay.within", max=delay.max_days)
    return t("delay.range", min=delay.min_days, max=delay.max_days)


def render_site(cat: model.Catalogue, texts: dict[str, Texts], pdfs: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every generated page, by path under the docs tree (`<lang>/networks/<id>.md`)."""
    env = environment()
    guides = [guide_for(cat, network) for network in cat.networks]
    pages: dict[str, str] = {}
    for language, t in texts.items():
        common = {"cat": cat, "t": t, "language": language}
        pages[f"{language}/translate.md"] = env.get_template("translate.md.j2").render(common)
        t.missing_on_page.clear()
        pages[f"{language}/index.md"] = _with_notice(env, common, env.get_template("home.md.j2").render(common, guides=guides))
        for guide in guides:
            t.missing_on_page.clear()
            v = values(cat, guide, t)
            has_pdf = f"{language}/networks/{guide.network.id}.pdf" in pdfs
            page = env.get_template("guide.md.j2").render(
                common, guide=guide, v=v, has_pdf=has_pdf,
                sources=[source_text(cat.source(i), t) for i in guide.source_ids],
                changes=[retirement_text(cat, m, t) for m in guide.changes],
                checked=lambda day: date_text(day, t),
                screen=_screen_renderer(env, common, guide, v))
            pages[f"{language}/networks/{guide.network.id}.md"] = _with_notice(env, common, page, "../")
    return pages


def _with_notice(env: jinja2.Environment, common: dict, page: str, up: str = "") -> str:
    """Put a "not yet translated" notice naming the missing texts after the page's front matter."""
    t: Texts = common["t"]
    if not t.missing_on_page:
        return page
    notice = env.get_template("untranslated.md.j2").render(common, keys=sorted(t.missing_on_page), up=up)
    t.missing_on_page.clear()
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
        return Markup(template.render(context))
    return screen
