"""MkDocs plugin: generate the guides at the start of every build, so `mkdocs serve` picks up edits.

Everything is loaded, checked and rendered in `on_config`, before MkDocs cleans site/: a mistake in
the catalogue or the texts stops the build with its file:line messages and leaves site/ untouched.
"""

from __future__ import annotations

import atexit
import errno
import logging
import os
import re
import signal
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from generator import pipeline
from generator.engine import i18n_alternates, material_output
from generator.engine.strict_mode import StrictPublishing
from generator.guides.compiled_templates import CompiledTemplates
from generator.guides.phrases import site_path
from generator.inputs.errors import InputError
from generator.inputs.writing import ProjectLock
from generator.printing import pdf
from generator.publishing import headers, page_scan, staging
from generator.publishing.publish import pin_build_date
from generator.simulator import writer
from generator.simulator.writer import SimulatorWriter
from generator.words.lookup import mark_english

log = get_plugin_logger(__name__)

i18n_alternates.install()  # mkdocs-static-i18n's alternates, found in linear instead of cubic time


class ErnGuidesConfig(Config):
    staging_dir = config_options.Type(str, default="build/docs")


# Material's search dialog, as partials/search.html writes it.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'

# Material's language alternates in <head> (base.html), relative to the page even with a site_url (no upstream
# issue found, December 2026).
ALTERNATE = re.compile(r'(<link rel="alternate" href=")([^"]+)(" hreflang=")')

# Navigation sections named after generated folders, and the key of their translated title.
SECTION_TITLES = {"Networks": "nav.networks"}

# The theme's templates, compiled once per process, not once per language pass and rebuild.
THEME_TEMPLATES = CompiledTemplates()


class _PageWorkarounds:
    """What MkDocs, Material and mkdocs-static-i18n make of each page, set right: compiled theme templates, each
    language's search index and 404 page, the simulator's pages made known to MkDocs, the menus in catalogue order
    and in the language's words, the page's language marked, English fallback marked, the search dialog named."""

    def on_env(self, env, *, config, files):
        env.bytecode_cache = THEME_TEMPLATES
        return env

    def on_pre_build(self, *, config):
        self.depth += 1
        search_index = material_output.SEARCH_INDEX
        config.extra["search_index"] = site_path(config.theme["language"], search_index)  # overrides/main.html
        if self.depth == 1:
            self.not_found = {}

    def on_template_context(self, context, *, template_name, config):
        if template_name == "404.html":
            t = self.texts.get(config.theme["language"]) or self.texts["en"]
            languages = _languages(config)
            language = config.theme["language"]
            home = "" if language == languages[0] else f"{language}/"
            context["not_found"] = {"title": t("not-found.title"), "body": t("not-found.body"),
                                    "home_link": t("not-found.home"),
                                    "home": urlsplit(config.site_url or "/").path.rstrip("/") + "/" + home}
        return context

    def on_post_template(self, output_content, *, template_name, config):
        if template_name == "404.html":
            output_content = mark_english(_tag_language(self._name_search_dialog(output_content, config), config))
            self.not_found[config.theme["language"]] = output_content
        return output_content

    @event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files
    def on_files(self, files, *, config):
        """The simulator pages the guides link to, made known to MkDocs so that it resolves and checks those links;
        simulator/writer.py writes them."""
        language = config.theme["language"]
        for node in self.result.graph.nodes.values():
            if node.kind == "start":
                files.append(_WrittenElsewhere(f"{language}/{node.id}.html", config.docs_dir, config.site_dir,
                                               config.use_directory_urls,
                                               dest_uri=site_path(language, node.id + ".html")))
        return files

    @event_priority(-110)  # after mkdocs-static-i18n has removed the language folders from the navigation
    def on_nav(self, nav, config, files):
        t = self.texts.get(config.theme["language"]) or self.texts["en"]
        for item in nav.items:
            if item.is_section and item.title in SECTION_TITLES:
                item.title = str(t(SECTION_TITLES[item.title]))
            if item.is_section and item.title == str(t(SECTION_TITLES["Networks"])):
                item.children.sort(key=self._catalogue_position)  # as on the home page and the screens
        return nav

    def on_page_content(self, html, *, page, config, files):
        """The table of contents takes its titles from the headings with their spaces collapsed to plain ones (no
        upstream issue found, December 2026): the language's spacing rules again."""
        t = self.texts.get(config.theme["language"])
        if t and t.typography:
            _retitle(page.toc.items, t.typography.apply)
        return html

    def on_post_page(self, output, *, page, config):
        """Corrections to the theme's markup, without copying its templates: Material's search dialog gets
        an accessible name; the page its language's full tag; English fallback text its language; with a
        site_url, the language alternates become absolute addresses, as search engines expect hreflang links."""
        output = mark_english(_tag_language(self._name_search_dialog(output, config), config))
        if page.canonical_url:
            output = ALTERNATE.sub(lambda m: m.group(1) + urljoin(page.canonical_url, m.group(2)) + m.group(3), output)
        return output

    def _log_translations(self) -> None:
        for language, keys in sorted(self.result.stale().items()):
            log.info(f"{len(keys)} translation(s) into '{language}' made from an earlier English, marked on their "
                     f"pages: " + ", ".join(sorted(keys)))
        for language, keys in sorted(self.result.untranslated().items()):
            log.info(f"{len(keys)} text(s) of the pages not yet translated into '{language}', shown in English "
                     f"(`ern-guides status` counts every text): "
                     + ", ".join(sorted(keys)[:5]) + (", ..." if len(keys) > 5 else ""))

    def _name_search_dialog(self, output: str, config) -> str:
        """Material's search dialog has no accessible name (axe: aria-dialog-name; no upstream issue found,
        December 2026): one in the page's language."""
        t = self.texts.get(config.theme["language"]) or self.texts["en"]
        return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{t("nav.search-dialog")}">', 1)

    def _write_not_found_pages(self, site: Path, languages: list[str]) -> None:
        """One 404 page per language (`<lang>/404.html`), and the default language's at the root: each
        language pass of mkdocs-static-i18n writes the root one, so the last language would win
        (mkdocs-static-i18n#284). Their links are absolute paths: they work wherever the server shows them."""
        for language, page in self.not_found.items():
            target = site / ("404.html" if language == languages[0] else f"{language}/404.html")
            if language in languages and target.parent.is_dir():
                target.write_text(page, encoding="utf-8")

    def _catalogue_position(self, item) -> int:
        stem = Path(item.file.src_uri).stem if getattr(item, "file", None) else ""
        return self.network_order.index(stem) if stem in self.network_order else len(self.network_order)


class _Serving:
    """`mkdocs serve`: it watches the staging folder the build writes, and after a bad edit keeps serving the last
    site that built, every page saying what is wrong."""

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve` watches the folder it builds from: here the staging folder, which every build rewrites,
        so each edit would rebuild twice. Watch the hand-written docs/ instead (data/, guides/ and generator/
        are in mkdocs.yml's `watch`)."""
        if self.folders:
            hand_written, staged = self.folders
            server.unwatch(str(staged))
            server.watch(str(hand_written))
        return server

    def _serve_last_good(self, config, root: Path, error: str):
        """`mkdocs serve` after an edit with a problem: MkDocs would stop answering until it is fixed. Build the
        last inputs that built instead, every page saying what is wrong; the next good edit rebuilds as usual."""
        inputs, result, target, hand_written = ErnGuidesPlugin.last_good
        # Not through MkDocs' log: in strict mode an error there would abort this build too.
        print(f"ERROR    -  {error}\nStill serving the last site that built, with this message on its pages; fix "
              "the problem and save to rebuild.", file=sys.stderr, flush=True)
        self.domains = page_scan.allowed_domains(root, inputs.catalogue)
        self.simulator = SimulatorWriter(inputs.catalogue, inputs.texts, inputs.graph, Path(config.site_dir),
                                         self.domains, inputs.site_url)
        self._adopt(config, result)
        config.extra["ern_build_error"] = {language: {"title": str(t("serve.error")), "message": error}
                                           for language, t in result.texts.items()}
        self.folders = (hand_written, target)
        config.docs_dir = str(target)
        return config


class ErnGuidesPlugin(_PageWorkarounds, _Serving, BasePlugin[ErnGuidesConfig]):
    """The `ern-guides` plugin: generates, checks and stages the pages at the start of every build, and publishes
    the built site atomically."""

    texts: dict = {}
    network_order: list[str] = []
    domains: list[str] = []  # what published pages may link to
    not_found: dict[str, str] = {}  # each language's 404 page, as its build pass rendered it
    folders: tuple[Path, Path] | None = None  # (hand-written docs, staging folder built from)
    command: str = "build"
    publishing: StrictPublishing | None = None
    simulator: SimulatorWriter | None = None  # writing the simulator's pages during the build
    result: pipeline.Result | None = None
    lock: ProjectLock | None = None  # held from staging to publishing
    last_good: tuple | None = None  # serve: (inputs, result, staging folder, docs) of the last rendering that built
    depth = 0  # mkdocs-static-i18n runs one nested build per further language

    def on_startup(self, *, command, dirty):
        self.command, self.published = command, False
        if command == "serve" and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _stop_as_ctrl_c)

    @event_priority(-200)  # the last plugin to hear of it: nothing of the build is left to do
    def on_shutdown(self):
        """A `mkdocs build` that published its site ends here at once: freeing, one by one, the objects of a build
        that is over takes a seventh of the build at real scale (0.4 s of 3 s with 2 languages) and changes nothing.
        Exit functions still run and output is flushed first; a failed build, serve and gh-deploy end as usual."""
        if self.command == "build" and self.published:
            atexit._run_exitfuncs()
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        target = root / self.config.staging_dir
        hand_written = Path(config.docs_dir)
        if hand_written == target:  # a later language pass of mkdocs-static-i18n: already staged
            return config
        self.lock = self.lock or ProjectLock(root)
        self.lock.acquire()
        try:
            return self._stage(config, root, target, hand_written)
        except PluginError as e:
            serve_last_good = self.command == "serve" and ErnGuidesPlugin.last_good is not None
            self._abandon(release=not serve_last_good)  # serving the last good site: still this build's lock
            if not serve_last_good:
                raise
            return self._serve_last_good(config, root, str(e))
        except BaseException:
            self._abandon()
            raise

    def _stage(self, config, root: Path, target: Path, hand_written: Path):
        """Load, check and render everything, then stage the docs tree MkDocs builds from."""
        pin_build_date(root)
        try:
            printed, stale = pdf.existing(root)
            inputs = pipeline.prepare(root, _languages(config), config.site_url)
        except (InputError, ValueError) as e:
            raise PluginError(str(e)) from None
        self.domains = page_scan.allowed_domains(root, inputs.catalogue)
        if self.command == "build":
            self.publishing = StrictPublishing(Path(config.site_dir), root)
            config.site_dir = str(self.publishing.site.temporary)
        # The simulator's pages, from now on and while MkDocs builds the guides; started before the guides are
        # rendered, its processes inherit only what they need.
        self.simulator = SimulatorWriter(inputs.catalogue, inputs.texts, inputs.graph, Path(config.site_dir),
                                         self.domains, inputs.site_url)
        try:
            result = pipeline.render(inputs, frozenset(printed), simulator_pages=False)
            extra = {**printed,
                     "_headers": headers.config("netlify").encode()}  # read by Netlify and Cloudflare Pages
            tree = staging.compose(hand_written, result.pages, extra)
            found = pipeline.hand_written_problems(root, tree, result)  # before building: `serve` keeps the last site
            if found:
                raise InputError(found)
        except (InputError, ValueError) as e:
            self._abandon()
            raise PluginError(str(e)) from None
        for found in stale:
            log.info(f"not published: {found}; print the guides again with `ern-guides pdf`")
        for problem in pipeline.outdated_facts(root, result.catalogue):  # informs; `ern-guides check --strict` fails
            log.info(f"to check again: {problem}")
        self._adopt(config, result)
        staging.sync(tree, target)
        self.folders = (hand_written, target)
        config.docs_dir = str(target)
        if self.command == "serve":
            ErnGuidesPlugin.last_good = (inputs, result, target, hand_written)
        return config

    def _adopt(self, config, result: pipeline.Result) -> None:
        """What the rest of the build takes from a rendering: texts, menus' names, the page policy."""
        self.result = result
        self.texts = result.texts
        config.extra["content_security_policy"] = headers.PAGE_POLICY  # overrides/main.html puts it in <head>
        self.network_order = [n.id for n in result.catalogue.networks]
        for language in config.plugins["i18n"].config.languages:  # menu names come from the texts
            texts = result.texts.get(language.locale)
            if texts and "language.name" in texts.entries:
                language.name = str(texts("language.name"))
            if texts and "site.name" in texts.entries:  # as is the site's name, in the header
                language.site_name = str(texts("site.name"))

    @event_priority(-200)  # after mkdocs-static-i18n has built the other languages
    def on_post_build(self, *, config):
        self.depth -= 1
        if self.depth > 0:
            return
        site = Path(config.site_dir)
        self._write_not_found_pages(site, _languages(config))
        material_output.write_sitemaps(site, self.result.pages, _languages(config))
        problems = page_scan.scan(site, self.domains, config.site_url, skip=writer.FOLDER)
        try:
            written = self.simulator.finish()
        except InputError as e:
            raise PluginError(str(e)) from None
        finally:
            self.simulator = None
        for language, report in written.items():
            self.texts[language].missing |= report.missing
            self.texts[language].stale |= report.stale
            problems += report.problems
        self._log_translations()
        material_output.split_search_index(site, _languages(config))
        if problems:
            raise PluginError("published pages would carry what no template wrote; nothing was published:\n"
                              + "\n".join(problems[:20]) + (f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""))
        if self.publishing:
            self.published = self.publishing.finish(config.strict)
            self.publishing = None
        self.lock.release()

    def on_build_error(self, *, error):
        self.depth = 0
        self._abandon()
        if isinstance(error, OSError):  # MkDocs would end with a traceback
            raise Abort(_system_error(error)) from None

    def _abandon(self, release: bool = True) -> None:
        if self.simulator:
            self.simulator.abandon()
            self.simulator = None
        if self.publishing:
            self.publishing.abandon()
            self.publishing = None
        if self.lock and release:
            self.lock.release()


BODY_DIR = re.compile(r'<body dir="(ltr|rtl)"')
HTML_LANG = re.compile(r'<html lang="[^"]*"')


def _system_error(error: OSError) -> str:
    """A fault of the machine (a full disk, a site folder that cannot be replaced) in one plain line."""
    where = f" ({error.filename})" if error.filename else ""
    hint = (" A mount point or a folder in use cannot be replaced: set site_dir to a folder inside it."
            if error.errno == errno.EBUSY else "")
    return (f"the build stopped: {error.strerror or error}{where}. Nothing was published; the site already there "
            f"is unchanged.{hint}")


def _tag_language(output: str, config) -> str:
    """Material tags a page with its own name for the language (pt for pt-BR; ultrabug/mkdocs-static-i18n#193):
    the page gets the locale it is built for, as the simulator's pages and the language links have it. Material
    puts the direction on <body> only: <html> gets it too, as the simulator's pages have it, so that the whole
    document, its title included, reads in the language's direction."""
    direction = BODY_DIR.search(output)
    return HTML_LANG.sub(f'<html lang="{config.theme["language"]}"'
                         + (f' dir="{direction.group(1)}"' if direction else ""), output, count=1)


class _WrittenElsewhere(File):
    """A simulator page: MkDocs links to it, simulator/writer.py writes it."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _retitle(items, rule) -> None:
    for item in items:
        item.title = rule(item.title)
        _retitle(item.children, rule)


def _stop_as_ctrl_c(signum, frame):
    """`mkdocs serve` stopped by SIGTERM (a service manager, `kill`) cleans up as on Ctrl-C: MkDocs removes its
    temporary site folder, and our writers theirs, only when the serve loop ends by KeyboardInterrupt."""
    raise KeyboardInterrupt


def _languages(config) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("ern-guides needs the 'i18n' plugin (mkdocs-static-i18n) in mkdocs.yml")
    return [language.locale for language in i18n.config.languages]
