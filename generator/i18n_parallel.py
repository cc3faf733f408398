"""mkdocs-static-i18n's further languages built beside the first one, in forked processes.

mkdocs-static-i18n builds the first language, then, from its `on_post_build`, each further language one after
the other, in the same process. Here, as soon as the first language's files are known (our `on_files` in its
pass), processes are forked that build the further languages, a share each, exactly as mkdocs-static-i18n's loop
would (same configuration, `current_language` set, the site folder not cleaned). When that loop reaches a
language, it waits for the process that built it and takes its search entries (and what our plugin keeps of each
language) instead of building it again. The site is the same (tests/test_build.py compares it with a build in
one process).

Only for `mkdocs build` where the build may fork (`forking.allowed`): `mkdocs serve` keeps threads, and a process
forked beside them could find a lock held forever. Elsewhere the original loop runs.
"""

from __future__ import annotations

import gc
import gzip
import logging
import multiprocessing
import os
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import mkdocs_static_i18n.plugin as i18n_plugin
from mkdocs import utils
from mkdocs.exceptions import PluginError

from generator import forking

BUILD = i18n_plugin.build  # what mkdocs-static-i18n's loop calls for each further language


class LanguageBuilds:
    """Builds `languages` in forked processes; `take(language)` waits for one and hands over what it kept."""

    def __init__(self, config, languages: list[str], kept: Callable[[str], object],
                 restore: Callable[[str, object], None]) -> None:
        """`kept(language)`, in the forked process, is what our plugin keeps of a built language; `restore`, in
        this one, puts it back."""
        self.restore, self.i18n = restore, config.plugins["i18n"]
        self.results: dict[str, tuple[list, object]] = {}
        self.waiting: dict[str, tuple[multiprocessing.Process, object]] = {}
        shares = max(1, min(forking.cores() - 1, len(languages)))
        context = multiprocessing.get_context("fork")
        gc.freeze()  # the garbage collector of a copy would otherwise write to, and so copy, all it inherits
        try:
            for share in (languages[i::shares] for i in range(shares)):
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_work, args=(config, share, kept, sender, os.getpid()),
                                          daemon=True)
                process.start()
                sender.close()
                self.waiting.update((language, (process, receiver)) for language in share)
        finally:
            gc.unfreeze()
        self.i18n.languages_elsewhere = self  # read by mkdocs-static-i18n's loop (install)

    def take(self, language: str) -> tuple[list, object]:
        if language not in self.results:
            process, receiver = self.waiting[language]
            try:
                results, failure = receiver.recv()
            except EOFError:
                results, failure = {}, "a process building a language stopped before it finished"
            process.join()
            if failure:
                self.stop()
                raise PluginError(f"building '{language}': {failure}")
            self.results.update(results)
        return self.results[language]

    def stop(self) -> None:
        for process, _ in set(self.waiting.values()):
            process.terminate()
            process.join()
        self.waiting = {}
        self.i18n.languages_elsewhere = None


def _work(config, languages: list[str], kept: Callable[[str], object], sender, parent: int) -> None:
    """In the forked process: each language of the share, as mkdocs-static-i18n's loop builds it."""
    forking.die_with(parent)
    i18n = config.plugins["i18n"]
    utils.clean_directory = lambda path: path  # the site folder holds the other languages
    quiet = i18n_plugin.I18nLoggingFilter()  # as mkdocs-static-i18n's loop: no timing line per language
    quiet.filtered_prefixes |= {"Documentation built in", "Building documentation to directory"}
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    i18n.building = True  # so that its on_post_build only gathers this language's search entries
    results = {}
    try:
        for language in languages:
            i18n.current_language, i18n.search_entries = language, []
            BUILD(config, dirty=False)
            results[language] = (i18n.search_entries, kept(language))
        sender.send((results, None))
    except BaseException as e:  # reported by the main process, as the build's error
        sender.send(({}, str(e) or type(e).__name__))


def parallel_possible(command: str) -> bool:
    return command == "build" and forking.allowed()


def install() -> None:
    """mkdocs-static-i18n's loop takes a language built in another process instead of building it again."""

    def build_or_take(config, dirty=False):
        i18n = config.plugins["i18n"]
        builds = getattr(i18n, "languages_elsewhere", None)
        if builds is None or i18n.current_language not in builds.waiting:
            return BUILD(config, dirty=dirty)
        entries, kept = builds.take(i18n.current_language)
        i18n.search_entries.extend(entries)
        builds.restore(i18n.current_language, kept)

    i18n_plugin.build = build_or_take


def write_sitemap(site: Path, first: str, others: list[str]) -> None:
    """The root sitemap as mkdocs-static-i18n's last pass writes it, every language's pages in order: here the
    first language's, followed by the pages of the sitemaps the other processes wrote (each lists its own
    languages' pages: the first language's had no page yet where it was forked)."""
    end = "</urlset>"
    pages = "".join(other[other.index(">", other.index("<urlset")) + 1:other.rindex(end)].rstrip() for other in others)
    whole = first[:first.rindex(end)].rstrip() + pages + "\n" + first[first.rindex(end):]
    (site / "sitemap.xml").write_bytes(whole.encode("utf-8"))
    with open(site / "sitemap.xml.gz", "wb") as f, gzip.GzipFile(fileobj=f, filename=str(site / "sitemap.xml.gz"),
                                                                mode="wb", mtime=_day_timestamp()) as gz:
        gz.write(whole.encode("utf-8"))


def _day_timestamp() -> int:
    """The gzip time MkDocs gives a sitemap: the day of the latest page's update, which is the build's day."""
    return int(datetime.fromisoformat(utils.get_build_date()).replace(tzinfo=timezone.utc).timestamp())
