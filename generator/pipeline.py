"""Load everything, check everything, render everything: in memory, before anything is written.

May import: inputs, words, catalogue, guides, publishing, simulator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
import yaml

from generator.catalogue import model, wizard
from generator.catalogue.load import load_catalogue, outdated
from generator.guides.render import render_site, template_problem
from generator.inputs.errors import InputError, Problem
from generator.publishing import page_scan, staging
from generator.simulator.pages import STYLESHEET, render_simulator, stylesheet
from generator.words.lookup import Texts
from generator.words.texts import SOURCE_LANGUAGE, check_translation, link_targets, load_language
from generator.words.typography import load_typography

CATALOGUE = "data/ern_catalogue.yaml"
GUIDES = "guides"
HAND_WRITTEN = "docs"
OVERRIDES = "overrides"  # the theme's overrides, which the engine copies into the site as they are


@dataclass(frozen=True)
class Result:
    catalogue: model.Catalogue
    texts: dict[str, Texts]
    pages: dict[str, str]
    graph: wizard.Graph

    def untranslated(self) -> dict[str, set[str]]:
        """Keys each language fell back to English for, in the pages rendered."""
        return {lang: t.missing for lang, t in self.texts.items() if t.missing}

    def stale(self) -> dict[str, set[str]]:
        """Keys each language shows from a translation of an older English text, in the pages rendered."""
        return {lang: t.stale for lang, t in self.texts.items() if t.stale}


def load_texts(root: Path, languages: list[str]) -> dict[str, Texts]:
    source = load_language(root / GUIDES / SOURCE_LANGUAGE, f"{GUIDES}/{SOURCE_LANGUAGE}", is_source=True)
    texts = {SOURCE_LANGUAGE: Texts(SOURCE_LANGUAGE, source, source)}
    problems: list[Problem] = []
    for language in languages:
        if language == SOURCE_LANGUAGE:
            continue
        folder = root / GUIDES / language
        if not folder.is_dir():
            problems.append(Problem("mkdocs.yml", 1, 1, "plugins.i18n.languages",
                                    f"language {language!r} has no texts: expected a folder {GUIDES}/{language}/ "
                                    f"(create it with: ern-guides new-language {language})"))
            continue
        try:  # its typography first: it says which invisible characters the language's texts may hold
            typography = load_typography(folder, f"{GUIDES}/{language}")
            entries = load_language(folder, f"{GUIDES}/{language}", is_source=False,
                                    allowed=typography.allowed if typography else frozenset())
        except InputError as e:
            problems.extend(e.problems)
            continue
        problems.extend(check_translation(source, entries, language))
        texts[language] = Texts(language, entries, source, typography)
    if problems:
        raise InputError(problems)
    return texts


# The project's folders of inputs: none may be a link to a folder elsewhere (docs/ and overrides/ are checked,
# with what they hold, by staging.odd_files).
INPUT_FOLDERS = ("data", GUIDES)


def check(root: Path, languages: list[str]) -> tuple[model.Catalogue, dict[str, Texts]]:
    """Everything the build would find wrong in the inputs, found without building."""
    linked = [Problem(f"{name}/", 1, 1, "", f"a symbolic link to another folder; make {name}/ a folder of the "
                      "project (its files would come from anywhere on this machine)")
              for name in INPUT_FOLDERS if (root / name).is_symlink()]
    if linked:
        raise InputError(linked)
    texts = load_texts(root, languages)
    catalogue = load_catalogue(root / CATALOGUE, CATALOGUE, texts[SOURCE_LANGUAGE].source, root)
    simulator_graph(catalogue)
    off_list = link_hosts(texts, page_scan.allowed_domains(root, catalogue))
    if off_list:
        raise InputError(off_list)
    return catalogue, texts


def link_hosts(texts: dict[str, Texts], domains: list[str]) -> list[Problem]:
    """Links in texts to a site neither data/link_allowlist.yaml nor the catalogue names (the build's scan would
    refuse the pages), with the text's file and line."""
    problems = []
    for t in texts.values():
        for key, entry in t.entries.items():
            for target in link_targets(entry.text):
                found = page_scan.link_problem(target, tuple(domains))  # the build's rule, for every link
                if found:
                    problems.append(Problem(entry.file, entry.line, 1, key, f"a link to {target}: {found}"))
    return problems


def verify(root: Path, languages: list[str]) -> tuple[model.Catalogue, dict[str, Texts]]:
    """Everything the build would refuse, found without building: the inputs, the guides rendered from them, and
    the hand-written pages beside them (what the build's scan would find in them too)."""
    inputs = prepare(root, languages)
    result = render(inputs, simulator_pages=False)
    tree = staging.compose(root / HAND_WRITTEN, result.pages, {})
    problems = hand_written_problems(root, tree, result)
    if problems:
        raise InputError(problems)
    return inputs.catalogue, inputs.texts


def hand_written_problems(root: Path, tree: dict[str, bytes], result: Result) -> list[Problem]:
    """What the build would refuse in what people wrote beside the generated pages, found before building: what
    its last scan would find in the hand-written pages of a docs tree, and odd files in the theme's overrides."""
    domains = tuple(page_scan.allowed_domains(root, result.catalogue))
    return staging.odd_files(root / OVERRIDES, OVERRIDES) + [
        found for path, content in tree.items() if path not in result.pages
        for found in page_scan.scan_hand_written(f"{HAND_WRITTEN}/{path}", content, domains)]


def simulator_graph(catalogue: model.Catalogue) -> wizard.Graph:
    """The simulator's pages and links, refused if any is unreachable, a dead end or a link to nowhere."""
    try:
        graph = wizard.build(catalogue)
    except ValueError as e:
        raise InputError([Problem(CATALOGUE, 1, 1, "simulator", str(e))]) from None
    flaws = graph.problems()
    if flaws:
        raise InputError([Problem(CATALOGUE, 1, 1, "simulator", flaw) for flaw in flaws])
    return graph


def outdated_facts(root: Path, catalogue: model.Catalogue, today: date | None = None) -> list[Problem]:
    """Facts last checked more than the catalogue's `max_age_days` ago (today by default)."""
    return outdated(root / CATALOGUE, CATALOGUE, catalogue, today or date.today())


@dataclass(frozen=True)
class Inputs:
    """The checked catalogue and texts, the simulator's graph, and the published address written into pages."""
    catalogue: model.Catalogue
    texts: dict[str, Texts]
    graph: wizard.Graph
    site_url: str | None


def prepare(root: Path, languages: list[str], site_url: str | None = None) -> Inputs:
    """Load and check everything; `site_url` is the address the site is published at, where known: only an
    https one is written into pages (not `mkdocs serve`'s)."""
    catalogue, texts = check(root, languages)
    return Inputs(catalogue, texts, simulator_graph(catalogue),
                  site_url if (site_url or "").startswith("https://") else None)


def render(inputs: Inputs, pdfs: frozenset[str] = frozenset(), simulator_pages: bool = True) -> Result:
    """Render every page; `pdfs` are the docs-tree paths of printed guides to link to. Without
    `simulator_pages`, the simulator's pages are left to `simulator/writer.py` (its stylesheet is rendered)."""
    catalogue, texts, graph, site_url = inputs.catalogue, inputs.texts, inputs.graph, inputs.site_url
    try:
        pages = render_site(catalogue, texts, pdfs, site_url)
        pages |= (render_simulator(catalogue, texts, graph, site_url) if simulator_pages
                  else {STYLESHEET: stylesheet(catalogue)})
    except (KeyError, jinja2.TemplateError) as e:
        raise InputError([template_problem(e)]) from None
    return Result(catalogue, texts, pages, graph)


def generate(root: Path, languages: list[str], pdfs: frozenset[str] = frozenset(),
             site_url: str | None = None) -> Result:
    """Load, check and render every page, the simulator's included, in memory."""
    return render(prepare(root, languages, site_url), pdfs)


def configured_languages(root: Path) -> list[str]:
    """The languages mkdocs.yml asks the build for (mkdocs-static-i18n), so that `check` finds a missing
    folder before the build does; none if mkdocs.yml cannot be read plainly."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
        plugins = {k: v for p in config.get("plugins", []) if isinstance(p, dict) for k, v in p.items()}
        return [language["locale"] for language in plugins["i18n"]["languages"]]
    except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError):
        return []


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, where MkDocs' own tags (!ENV, !relative) may appear, as plain data."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


def languages_in(root: Path) -> list[str]:
    """The languages that have a folder of texts or that mkdocs.yml builds, English first; a folder not named
    by a language code is an error (and a language without a folder is one for `load_texts`)."""
    if not (root / CATALOGUE).is_file() or not (root / GUIDES).is_dir():
        raise InputError([Problem(str(root), 1, 1, "", f"not an ERN Guides project: expected {CATALOGUE} and "
                                  f"{GUIDES}/ here; run ern-guides in the project folder (the one with "
                                  "mkdocs.yml), or name it with --root")])
    folders = {p.name for p in (root / GUIDES).iterdir() if p.is_dir() and p.name != SOURCE_LANGUAGE}
    found = sorted(folders | set(configured_languages(root)) - {SOURCE_LANGUAGE})
    wrong = [name for name in found if not LANGUAGE_CODE.fullmatch(name)]
    if wrong:
        raise InputError([Problem(f"{GUIDES}/{name}", 1, 1, "", f"expected a folder named by a language code "
                                  f"like 'fr' or 'pt-BR', got {name!r}") for name in wrong])
    return [SOURCE_LANGUAGE] + found
