"""The simulator's pages written straight into the site while MkDocs builds the guides: by a process per further
core (on Linux), then by the build's own process too once MkDocs is done, each taking the next share of pages
until none is left (elsewhere, by the build's own process alone, after MkDocs).

They are plain HTML that MkDocs has nothing to do with, and a language's pages depend only on the catalogue and
that language's texts. Staged in the docs folder, every language pass of mkdocs-static-i18n examined every
language's pages, so the build grew with the square of the number of languages. Each page is checked by
`page_scan` as it is written, so nothing reads it again.
"""

from __future__ import annotations

import atexit
import gc
import itertools
import multiprocessing
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalogue import model, wizard
from generator.guides.phrases import site_path
from generator.guides.render import template_problem
from generator.inputs.errors import InputError, Problem
from generator.publishing import page_scan
from generator.simulator import forking
from generator.simulator.pages import simulator_pages
from generator.words.lookup import Texts

FOLDER = ".simulator"  # inside the site folder: MkDocs leaves dot-folders alone when it cleans the folder


@dataclass
class Written:
    """What one language's simulator pages showed untranslated or stale, and what the scan found on them."""
    missing: set[str] = field(default_factory=set)
    stale: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


# Pages in a share: small enough that the last share keeps no process waiting long, large enough that taking
# one costs nothing (a few hundredths of a second of work at real scale).
SHARE = 32


class SimulatorWriter:
    """Starts writing at once; `finish` writes what is left, waits and moves the pages into the site, `abandon`
    throws them away."""

    def __init__(self, cat: model.Catalogue, texts: dict[str, Texts], graph: wizard.Graph, site: Path,
                 domains: list[str], site_url: str | None = None) -> None:
        self.site, self.folder, self.languages = site, site / FOLDER, list(texts)
        self.job = (cat, texts, domains, site_url)
        self.graph = graph
        pages = graph.pages()
        self.shares = [(language, pages[start:start + SHARE]) for language in self.languages
                       for start in range(0, len(pages), SHARE)]
        self.taken = None  # shares taken so far, by any process: shared memory once there are other processes
        self.next_share = itertools.count()  # in this process alone
        shutil.rmtree(self.folder, ignore_errors=True)
        self.workers: list[tuple[multiprocessing.Process, object]] = []
        if not forking.allowed():  # the pages are then written in this process, by `finish`
            return
        context = multiprocessing.get_context("fork")
        self.taken = context.Value("i", 0)
        gc.freeze()  # the garbage collector of a copy would otherwise write to, and so copy, all it inherits
        try:
            for _ in range(max(1, forking.cores() - 1)):  # this process runs MkDocs on a core of its own
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=self._work, args=(sender, os.getpid()), daemon=True)
                process.start()
                sender.close()
                self.workers.append((process, receiver))
        finally:
            gc.unfreeze()
        atexit.register(self.abandon)  # Ctrl-C: stopped before the site's temporary folder is removed (LIFO)

    def finish(self) -> dict[str, Written]:
        """Every language's report, once all its pages are in the site; InputError if a page could not be made."""
        reports: dict[str, Written] = {language: Written() for language in self.languages}
        written, problems = self._attempt()  # the shares no process has taken yet
        _merge(reports, written)
        for process, receiver in self.workers:
            try:
                written, failed = receiver.recv()
            except EOFError:
                written, failed = {}, [Problem("generator", 1, 1, "simulator", "a process writing simulator pages "
                                               "stopped before it finished")]
            process.join()
            _merge(reports, written)
            problems += failed
        self.workers = []
        atexit.unregister(self.abandon)
        if problems:
            self.abandon()
            raise InputError(problems)
        for language in self.languages:
            (self.folder / site_path(language, "sim")).rename(self.site / site_path(language, "sim"))
        shutil.rmtree(self.folder)
        return reports

    def abandon(self) -> None:
        atexit.unregister(self.abandon)
        for process, _ in self.workers:
            process.terminate()
            process.join()
        self.workers = []
        shutil.rmtree(self.folder, ignore_errors=True)

    def _work(self, sender, parent: int) -> None:
        forking.die_with(parent)
        sender.send(self._attempt())

    def _attempt(self) -> tuple[dict[str, Written], list[Problem]]:
        try:
            return self._write(), []
        except InputError as e:
            return {}, e.problems
        except Exception as e:  # a template's mistake: reported by the main process, as the build's error
            return {}, [template_problem(e)]

    def _take(self) -> int:
        """The index of the next share nobody has taken (past the last one when all are)."""
        if self.taken is None:
            return next(self.next_share)
        with self.taken.get_lock():
            self.taken.value += 1
            return self.taken.value - 1

    def _write(self) -> dict[str, Written]:
        cat, texts, domains, site_url = self.job
        results: dict[str, Written] = {}
        made: set[Path] = set()
        current = None
        while (index := self._take()) < len(self.shares):
            language, nodes = self.shares[index]
            if current and current != language:
                texts[current].forget()  # what was remembered for its pages; what they show untranslated stays
            current = language
            t, written = texts[language], results.setdefault(language, Written())
            for path, page in simulator_pages(cat, texts, self.graph, language, site_url, nodes):
                file = self.folder / site_path(language, path)
                if file.parent not in made:
                    file.parent.mkdir(parents=True, exist_ok=True)
                    made.add(file.parent)
                file.write_text(page, encoding="utf-8")
                written.problems += page_scan.scan_page(site_path(language, path), page, domains, site_url)
                written.missing |= t.missing_on_page
                written.stale |= t.stale_on_page
        if current:
            texts[current].forget()
        return results


def _merge(reports: dict[str, Written], written: dict[str, Written]) -> None:
    for language, report in written.items():
        reports[language].missing |= report.missing
        reports[language].stale |= report.stale
        reports[language].problems = sorted(reports[language].problems + report.problems)
