"""Render the simulator's graph to plain HTML pages, one per node and language (no MkDocs, no script)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup

from generator.catalogue import model, wizard
from generator.guides.evidence import evidence_text, plural
from generator.guides.guide import Guide, kind_of, practised_page
from generator.guides.phrases import (addresses, approver_sentence, delay_sentence, next_source, site_path, source_line,
                               text_sources, url_link, values)
from generator.guides.render import environment
from generator.words.lookup import Texts, direction, mark_english


def relative(from_file: str, to: str) -> str:
    """Relative link from one site file to a site path (a trailing / means a directory URL). String steps, not
    posixpath.relpath: it runs for every link of every page in every language."""
    start = from_file.split("/")[:-1]
    target = to.rstrip("/").split("/") if to.rstrip("/") else []
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    link = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    return link + "/" if to.endswith("/") or to == "" else link


def render_simulator(cat: model.Catalogue, texts: dict[str, Texts], graph: wizard.Graph,
                     site_url: str | None = None) -> dict[str, str]:
    """Every simulator page, by docs-tree path (`<lang>/sim/...html`), plus its stylesheet, in memory."""
    pages = {STYLESHEET: stylesheet(cat)}
    for language in texts:
        pages.update((f"{language}/{path}", page) for path, page in simulator_pages(cat, texts, graph, language, site_url))
    return pages


STYLESHEET = "assets/sim.css"
# The places of a country's page that a language link keeps: a hospital picked, its screens 3 and 4, its path.
PLACES = (("pick", "anchor"), ("step3", "step3"), ("step4", "step4"), ("path", "path"))


def rule_class(needing: str, required: str) -> str:
    """The class of the message shown while `needing` is ticked without `required` (the stylesheet's rule)."""
    return f"sim-rule--{needing}--{required}"


def advice_class(recommended: list[str]) -> str:
    """The class of the advice shown while profiles are ticked, none of them among `recommended`."""
    return "sim-advice--" + "--".join(recommended)


def stylesheet(cat: model.Catalogue) -> str:
    most_options = max([len(cat.application.choices)] + [len(e.hospitals) + 1 for n in cat.networks for e in n.countries])
    settings = [cat.settings_of(n) for n in cat.networks]
    rules = sorted({(needing, rule.requires) for s in settings for rule in s.profile_prerequisites
                    for needing in rule.profiles})
    recommended = sorted({tuple(s.profiles) for s in settings if s.profiles})
    return environment(markdown_pages=False).get_template("sim/sim.css.j2").render(
        cat=cat, most_options=most_options, guest_step4="step4-" + wizard.hospital_key(None),
        rules=[(needing, required, rule_class(needing, required)) for needing, required in rules],
        advice=[(profiles, advice_class(list(profiles))) for profiles in recommended])


def simulator_pages(cat: model.Catalogue, texts: dict[str, Texts], graph: wizard.Graph, language: str,
                    site_url: str | None = None, nodes: list[wizard.Node] | None = None) -> Iterator[tuple[str, str]]:
    """The simulator's pages in one language (those of `nodes`, else all), one at a time, by path in that
    language's folder (`sim/...html`). With the site's https address, the language alternates in <head> are
    absolute, as search engines expect hreflang links."""
    env = environment(markdown_pages=False)
    guides = {n.id: practised_page(cat, n) for n in cat.networks if wizard.rehearsed(cat, n)}
    names = {code: other("language.name") for code, other in texts.items()}  # once, not once per page
    t = texts[language]
    choices = language == next(iter(texts))  # the pages of language choices come with the first language's
    for node in graph.pages() if nodes is None else nodes:
        t.start_page(node.id)
        kind = _CountryPage if node.kind == "country" else _Page
        page = kind(cat, t, language, texts, node, guides, graph, site_url, names)
        yield f"{node.id}.html", mark_english(page.render(env))
        if choices:
            yield f"{wizard.languages_id(node.id)}.html", mark_english(page.language_choices(env))


class _Page:
    """One page of the practice in one language: its links to other pages and to the guides, its page of
    language choices, and what each kind of page shows (a method per kind, `_<kind>`)."""

    def __init__(self, cat, t: Texts, language, languages, node: wizard.Node, guides, graph, site_url=None,
                 names=None):
        self.cat, self.t, self.language, self.languages, self.node = cat, t, language, languages, node
        self.site_url = site_url
        self.names = names
        self.guide: Guide | None = guides.get(node.network.id) if node.network else None
        self.graph = graph
        self.file = site_path(language, node.id + ".html")
        # its page of language choices, one for all languages, with the first language's pages
        self.choices_file = site_path(next(iter(languages)), wizard.languages_id(node.id) + ".html")

    def link(self, node_id: str, fragment: str = "") -> str:
        node = self.graph.nodes[node_id]
        if node.page:
            node_id, fragment = node.page, fragment or "#" + node.fragment
        return relative(self.file, site_path(self.language, node_id + ".html")) + fragment

    def to_site(self, path: str) -> str:
        return relative(self.file, site_path(self.language, path))

    def language_choices(self, env: jinja2.Environment) -> str:
        """The page's choice of languages: one for all of them, so that a page does not grow with their number.
        Each place of the page (`render` found them) has its own list of links, shown when targeted."""
        file = self.choices_file
        return env.get_template("sim/languages.html.j2").render(
            language=self.language, direction=direction(self.language), languages=list(self.languages),
            names=self.names,
            headings={code: t("sim.languages") for code, t in self.languages.items()},
            description=self.t("sim.description"),
            places=[place["fragment"] for place in self.places],
            page=lambda other: relative(file, site_path(other, self.node.id + ".html")),
            asset=lambda path: relative(file, path))

    def render(self, env: jinja2.Environment) -> str:
        node, t = self.node, self.t
        context = {
            "cat": self.cat, "t": t, "language": self.language, "direction": direction(self.language),
            "plural": lambda key, count: plural(t, key, count),
            "languages": list(self.languages),
            "language_names": self.names,
            "node": node,
            "asset": lambda path: relative(self.file, path),
            "alternate": lambda other: (urljoin(self.site_url, site_path(other, node.id + ".html")) if self.site_url
                                        else relative(self.file, site_path(other, node.id + ".html"))),
            "home": self.to_site(""),
            "guide_home": self.to_site(self.guide.page + "/" if self.guide else ""),
            "guide": self.to_site(self.guide.page + "/") if self.guide else None,
            "up": self.link(node.up) if node.up else None,
            "start": self.link(wizard.start_id(node.network)),
            "places": [],
        }
        context.update(getattr(self, "_" + node.kind.replace("-", "_"))())
        self.places = context["places"]
        context["languages_page"] = relative(self.file, self.choices_file)
        template = env.get_template(f"sim/{node.kind}.html.j2")
        page = template.render(context)
        if t.missing_on_page or t.stale_on_page:  # say so at the top, as the guides do: a second rendering
            context["notice"] = {"missing": len(t.missing_on_page), "stale": len(t.stale_on_page),
                                 "help": self.to_site("translate/")}
            page = template.render(context)
        return page

    def _start(self):
        app = self.cat.application
        options = [{"anchor": "app-" + wizard.slug(choice), "label": choice,
                    "href": self.link(wizard.organisations_id(self.node.network) if choice == app.target
                                      else wizard.wrong_application_id(self.node.network))}
                   for choice in app.choices]
        return {"title": self.t("sim.start.title"), "options": options,
                "evidence": self.t("practise.evidence",
                                   evidence=evidence_text(self.cat, self.cat.evidence_of(
                                       self.node.network, wizard.wizard_platform(self.cat)), self.t)),
                "places": [{"kind": "pick", "fragment": o["anchor"]} for o in options]}

    def _wrong_application(self):
        return {"title": self.t("sim.wrong-application.title")}

    def _organisations(self):
        rows = [self._organisation_row(o) for o in self.cat.organisations]
        return {"title": self.t("sim.organisations.title"), "rows": rows}

    def _organisation_row(self, organisation: model.Network | model.OtherOrganisation) -> dict:
        """A row opens the organisation, or, for a network this wizard is not used for, says where to go."""
        if isinstance(organisation, model.Network) and not wizard.rehearsed(self.cat, organisation):
            platform = self.cat.platform_of(organisation)
            return {"label": organisation.label, "elsewhere": self.to_site(f"networks/{organisation.id}/"),
                    "note": self.t("sim.organisations.elsewhere", network=organisation.short_name,
                                   platform=platform.name)}
        return {"label": organisation.label, "href": self.link(wizard.organisation_id(organisation, self.node.network)),
                "elsewhere": None}

    def _not_a_network(self):
        other = next(o for o in self.cat.other_organisations if o.label == self.node.label)
        return {"title": other.label, "note": other.note}

    def _network(self):
        network = self.node.network
        rows = [{"label": self.graph.nodes[c].country.name if self.graph.nodes[c].country
                 else self.t("sim.network.your-country"), "href": self.link(c)} for c in self.node.links]
        partial = network.countries and not network.countries_complete
        return {"title": self.t("sim.network.title", network=network.short_name), "rows": rows,
                "partial": self.t("list.partial", network_helpdesk=self._helpdesk()) if partial else None,
                "known": bool(network.countries), "guest_label": self.cat.guest_access.label,
                "helpdesk": self._helpdesk()}

    def _submitted(self):
        guide_page = self.to_site(self.guide.page + "/")
        delay = delay_sentence(self.guide.settings.approval_delay, self.node.network, self.t)
        return {"title": self.t("sim.submitted.title"), "delay_sentence": delay,
                "next_source": next_source(self.cat, self.guide, self.t),
                "approver_sentence": approver_sentence(self.guide, self.t),
                "second_factor": self._second_factor(), "guide_next": guide_page + "#what-next"}

    def _second_factor(self) -> Markup:
        """Where the guide sets up its recommended second factor: before the request (keep it at hand) or after."""
        steps = [anchor for anchor, _ in self.guide.steps]
        setup = self.guide.method.setup_step
        if setup not in steps:
            return Markup("")
        before = wizard.REQUEST_STEP in steps and steps.index(setup) < steps.index(wizard.REQUEST_STEP)
        return self.t("sim.submitted.ready" if before else "sim.submitted.set-up",
                      method=self.t.quoted(self.guide.method.label), step=steps.index(setup) + 1)

    def _helpdesk(self) -> Markup:
        """The network's own helpdesk, with its address where a source gives one: whom membership and request
        questions go to (the CPMS helpdesk is for technical faults)."""
        return addresses(self.cat, self.node.network, self.t)["network_helpdesk"]


class _CountryPage(_Page):
    """A country's page of the practice: its hospitals (screen 2), screens 3 and 4 for each, each one's path,
    and what the guide says about those screens."""

    def _country(self):
        """A country's hospitals as the guide knows them, or, for the reader's country where the network's are
        unknown, Guest Access alone; each with what to do if yours is missing. Screens 3 and 4 for each of
        them are on this page too."""
        country, network = self.node.country, self.node.network
        entry = next((e for e in network.countries if country and e.country == country.code), None)
        options = []
        for target in self.node.links:
            hospital = self.graph.nodes[target]
            key = wizard.hospital_key(hospital.hospital)
            path = self.graph.nodes[wizard.path_id(target)]
            options.append({"anchor": "h-" + key, "label": hospital.label, "href": "#" + hospital.fragment,
                            "step3": hospital.fragment, "step4": "step4-" + key, "path": path.fragment,
                            "path_title": self.t("sim.your-path.title", hospital=hospital.label),
                            "path_steps": self._path_steps(hospital)})
        if entry and entry.note:
            note = self.t(entry.note)
        elif entry is None or not entry.hospitals:
            note = self.t("sim.country.unknown", network=network.short_name, network_helpdesk=self._helpdesk())
        elif not entry.hospitals_complete:
            note = self.t("list.partial", network_helpdesk=self._helpdesk())
        else:
            note = None
        name = country.name if country else self.t("sim.country.yours")
        s = self.guide.settings
        return {"title": self.t("sim.country.title", country=name), "country_name": name, "options": options,
                "note": note, "complete": bool(entry and entry.hospitals_complete),
                "places": [{"kind": kind, "fragment": o[field]} for kind, field in PLACES for o in options],
                "submitted": self.link(wizard.submitted_id(network)),
                "comment_hint": self.t(s.comment_hint) if s.comment_hint else self.t("sim.step4.no-hint"),
                "comment_required": self._sourced("sim.step4.comment-required", comment_hint=self.t(s.comment_hint),
                                                  sources=self.cat.evidence_of(network, self.guide.platform_id))
                if s.comment_hint else None,
                "guest_warning": self._sourced("sim.step4.guest-listed",
                                               guest_access=self.t.quoted(self.cat.guest_access.label))
                if entry and entry.hospitals else None,
                "recommended": ", ".join(p.name for p in self.guide.profiles),
                "profiles": self.guide.profiles_on_screen, **self._coaching(listed=bool(entry and entry.hospitals))}

    def _coaching(self, listed: bool = True) -> dict:
        """What the guide says about screens 2 to 4, said again where the reader practises them, each with its
        source: its tips, warnings and notes (the guest advice, the guest accounts' lifetime, the network's own
        notes...); the network's profile rules, which a request breaking them cannot be submitted with; and, for
        a request without the profiles the guide asks for, the guide's advice on profiles. Where the country's
        hospitals are not `listed`, what assumes the reader sees them is left out."""
        guide, t, cat = self.guide, self.t, self.cat
        step = dict(guide.steps).get(wizard.REQUEST_STEP)
        blocks = guide.blocks(wizard.REQUEST_STEP, step) if step else []
        v = {**values(cat, guide, t, self.site_url), **addresses(cat, guide.network, t)}  # no "Help" part here
        said: dict[int, list[Markup]] = {2: [], 3: [], 4: []}
        for block, screen in zip(blocks, wizard.screen_of_blocks(blocks)):
            kind = kind_of(block)
            unlisted = not listed and getattr(block, "when", None) == "hospitals_listed"
            if screen in said and kind in ("tip", "warning", "note") and not unlisted:
                for filled, source in guide.facts(block, cat, t):  # the network's own source, else the text's
                    text = t(getattr(block, kind), **{**v, **filled})
                    shown = source or text_sources(cat, t, getattr(block, kind))
                    checked = guide.network.checked if source else None
                    said[screen].append(Markup("{} {}").format(text, source_line(cat, shown, t, checked))
                                        if shown else text)
        names = {p.id: p.name for p in cat.access_profiles}
        rules = [{"class": rule_class(needing, rule.requires),
                  "text": Markup("{} {}").format(
                      t("step.request-access.profile-prerequisite", **{**v, "profiles_needing": names[needing],
                                                                        "profile_needed": names[rule.requires]}),
                      source_line(cat, rule.source, t, guide.network.checked))}
                 for rule in guide.settings.profile_prerequisites for needing in rule.profiles]
        return {"said": said, "rules": rules, "advice_class": advice_class([p.id for p in guide.profiles]),
                "advice": self._sourced("sim.step4.advice", profiles=v["profiles"])}

    def _sourced(self, key: str, sources: list[str] | None = None, **values) -> Markup:
        """A text of the practice's coaching, with its sources (by default those its English names)."""
        text = self.t(key, network=self.node.network.short_name, **values)
        sources = sources or text_sources(self.cat, self.t, key)
        return Markup("{} {}").format(text, source_line(self.cat, sources, self.t)) if sources else text

    def _path_steps(self, hospital_state: wizard.Node) -> list:
        """The exact clicks in the real system for one hospital of this country's page."""
        t, node, s = self.t, hospital_state, self.guide.settings
        steps = [
            t("sim.your-path.open", url=url_link(self.cat.links["cpms-login"].url)),
            t("sim.your-path.link"),
            t("sim.your-path.sign-in"),
            t("sim.your-path.tab"),
            t("sim.your-path.application"),
            t("sim.your-path.network", network_label=t.quoted(node.network.label)),  # the screen's words
        ]
        if node.country:
            steps.append(t("sim.your-path.country", country=t.quoted(node.country.name)))
        else:
            steps.append(t("sim.your-path.any-country"))
        steps += [
            t("sim.your-path.hospital", hospital=node.label),
            t("sim.your-path.profiles-choice" if s.profiles_choice == "one-or-more" else "sim.your-path.profiles",
              profiles=t.quoted_list([p.name for p in self.guide.profiles])),
        ]
        if s.comment_hint:
            steps.append(t("sim.your-path.comment", comment_hint=t(s.comment_hint)))
        steps.append(t("sim.your-path.submit"))
        return steps
