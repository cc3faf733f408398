"""Render the pages of every language from the catalogue, the texts and the Jinja templates: the environment
(values shown literally, `md` for Markdown landing in HTML), the pages, the notice of untranslated texts and the
screen pictures. What a guide shows is composed in `guide.py`; what it says of a fact, in `phrases.py`."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from generator.catalogue import model
from generator.guides import excerpt
from generator.guides.compiled_templates import CompiledTemplates
from generator.guides.evidence import date_text, evidence_text, plural, source_title
from generator.catalogue import wizard
from generator.guides.guide import Guide, kept_of, kind_of, pages_for, practised_page, troubles
from generator.guides.phrases import (account_choices, next_source, document_link, documents_text, help_addresses,
                                      kept_link, picture_source, retired_values, retirement_text, source_line,
                                      source_text, text_sources, values, when_text)
from generator.inputs.errors import Problem
from generator.words.lookup import Texts, UnknownPlaceholder, literal


TEMPLATES = Path(__file__).parent.parent / "templates"


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
    if isinstance(error, UnknownPlaceholder):  # the text's mistake, at its own place
        return Problem(error.entry.file, error.entry.line, 1, error.key, error.message)
    if isinstance(error, KeyError):
        return Problem("generator/templates", 1, 1, "", str(error.args[0]))
    name = getattr(error, "name", None) if isinstance(error, jinja2.TemplateError) else None  # not AttributeError's
    message = str(error) if isinstance(error, jinja2.TemplateError) else f"{type(error).__name__}: {error}"
    return Problem(f"generator/templates/{name}" if name else "generator/templates",
                   getattr(error, "lineno", None) or 1, 1, "", message)


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
    env.globals["plural_of"] = plural  # plural_of(t, key, count): the text of the count's plural category
    env.globals["notice_title"] = notice_title
    env.filters["around"] = excerpt.around
    env.tests["cut"] = excerpt.is_cut
    env.filters["cut_labels"] = excerpt.labels
    env.bytecode_cache = _COMPILED[markdown_pages]
    return env


def render_site(cat: model.Catalogue, texts: dict[str, Texts], pdfs: frozenset[str] = frozenset(),
                site_url: str | None = None) -> dict[str, str]:
    """Every generated page, by path under the docs tree (`<lang>/networks/<id>.md`); `site_url` is the address
    the site is published at, where known."""
    env = environment(markdown_pages=True)
    every_page = [page for network in cat.networks for page in pages_for(cat, network)]
    guides = [page for page in every_page if page.current]
    practised = [practised_page(cat, n) for n in cat.networks if wizard.rehearsed(cat, n)]
    pages: dict[str, str] = {}
    for language, t in texts.items():
        common = {"cat": cat, "t": t, "language": language}
        t.start_page("practise.md")
        pages[f"{language}/practise.md"] = _with_notice(env, common, env.get_template("practise.md.j2").render(
            common, guides=practised,
            evidence=evidence_text(cat, cat.evidence_of(None, wizard.wizard_platform(cat)), t)))
        t.start_page("helpdesks.md")
        pages[f"{language}/helpdesks.md"] = _with_notice(env, common, env.get_template("helpdesks.md.j2").render(
            common, guides=guides, checked=lambda day: date_text(day, t),
            source_titles=lambda network: t("list.separator").join(source_title(cat.source(i), t)
                                                                  for i in network.sources)))
        t.start_page("index.md")
        pages[f"{language}/index.md"] = _with_notice(env, common, env.get_template("home.md.j2").render(
            common, guides=guides, evidence=lambda network: evidence_text(cat, cat.evidence_of(network), t)))
        for guide in every_page:
            t.start_page(f"{guide.page}.md")
            v = values(cat, guide, t, site_url)
            has_pdf = f"{language}/{guide.page}.pdf" in pdfs
            page = env.get_template("guide.md.j2").render(
                common, guide=guide, v=v, has_pdf=has_pdf,
                sources=[source_text(cat.source(i), t) for i in page_sources(cat, guide, t)],
                changes=[(m, retirement_text(cat, m, t)) for m in guide.changes], evidence=cat.evidence_of(guide.network, guide.platform_id),
                kind_of=kind_of, source_line=lambda source_id, checked=None: source_line(cat, source_id, t, checked),
                text_sources=lambda key: text_sources(cat, t, key), document_link=document_link,
                troubles=troubles(cat, guide),
                next_after=guide.platform.what_next_after if guide.platform.what_next_after in dict(guide.steps) else None,
                troubles_at=lambda anchor: [(i, tr) for i, tr in troubles(cat, guide) if anchor in tr.steps],
                problem_links=lambda found: Markup(" · ").join(
                    Markup(f"[{t(trouble.question, **v)}](#problem-{i})") for i, trouble in found),
                checked=lambda day: date_text(day, t),
                documents_text=lambda ids: documents_text(cat, ids, t),
                addresses=help_addresses(cat, guide, t),
                next_source=next_source(cat, guide, t),
                accounts=account_choices(cat, guide, t, v) if guide.platform.account_choices else [],
                kept_sections=kept_of(guide), kept_values=lambda method: dict(v, **retired_values(method, t)),
                kept_link=lambda method: kept_link(method, t),
                screen=_screen_renderer(env, common, guide, v))
            pages[f"{language}/{guide.page}.md"] = _with_notice(env, common, page, "../")
        practice = next((p for p in cat.platforms.values() if p.sign_in_practice), None)
        if practice:
            t.start_page("practise-sign-in.md")
            pages[f"{language}/practise-sign-in.md"] = _with_notice(env, common, _sign_in_practice(env, common, practice))
        t.start_page("translate.md")
        pages[f"{language}/translate.md"] = env.get_template("translate.md.j2").render(  # last: it lists them
            common, missing=sorted(set(t.source) - set(t.entries)), stale=sorted(t.stale))
    return pages


def _sign_in_practice(env: jinja2.Environment, common: dict, platform: model.Platform) -> str:
    """The page that practises the sign-in to a platform: EU Login's choice of a verification method."""
    cat, t = common["cat"], common["t"]
    practice = platform.sign_in_practice
    methods = [cat.method(i) for i in practice.methods]
    v = {"platform": platform.name}
    drawn_from = t("screen.drawn-from", source=t("list.separator").join(source_title(cat.source(i), t)
                                                                        for i in practice.sources),
                   when=when_text(cat.source(practice.sources[0]), t))
    screen = env.get_template("screens/eu-login-choose-method.html.j2").render(common, v=v, methods=methods,
                                                                               drawn_from=drawn_from)
    return env.get_template("practise-sign-in.md.j2").render(
        common, v=v, methods=methods, screen=Markup(screen),
        right=[m.id for m in methods if m.id not in practice.not_enough],
        changes=[retirement_text(cat, m, t) for m in cat.retired_methods],
        source_line=lambda ids: source_line(cat, ids, t), text_sources=lambda key: text_sources(cat, t, key))


def page_sources(cat: model.Catalogue, guide: Guide, t: Texts) -> list[str]:
    """The sources a guide lists at its end: its facts', and those the texts around its steps name (its intro,
    "What changed", "Which account", "What happens next")."""
    around = [guide.platform.intro, guide.platform.what_next, *guide.moved]
    if guide.platform.account_choices:
        around += [key for key in t.source if key.startswith("guide.account.")]
    return list(dict.fromkeys([*guide.source_ids, *(i for key in around for i in text_sources(cat, t, key))]))


def notice_title(missing: int, stale: int) -> str:
    """The key of the title of the notice on a page with texts not translated, out of date, or both."""
    return "untranslated.title" + (".both" if missing and stale else ".stale" if stale else "")


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
        drawn_from = common["t"]("screen.drawn-from", source=source_title(source, common["t"]),
                                 when=when_text(source, common["t"])) \
            if source else None
        return Markup(template.render(context, drawn_from=drawn_from))
    return screen
