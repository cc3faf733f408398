"""Publishing a build as MkDocs' strict mode will judge it."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.publishing.publish import AtomicSite, UnsafeSite


class StrictPublishing(logging.Handler):
    """A build's site, written to a temporary folder and exchanged for the published one at the end, unless strict
    mode is about to abort the build: MkDocs counts the warnings logged and aborts only after `post_build` (the
    counting handler of mkdocs/mkdocs#1613), when this plugin publishes; so it counts them too
    (tests/test_engine_upstream.py)."""

    def __init__(self, site_dir: Path, root: Path) -> None:
        super().__init__(logging.WARNING)
        try:
            self.site, self.warnings = AtomicSite(site_dir, root), 0
        except UnsafeSite as e:  # a site folder the build may not replace: said in one line, nothing done
            raise PluginError(str(e)) from None
        logging.getLogger("mkdocs").addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings += 1

    def finish(self, strict: bool) -> bool:
        """Publish, unless strict mode will abort the build; whether it published."""
        logging.getLogger("mkdocs").removeHandler(self)
        if strict and self.warnings:
            self.site.abandon()
            return False
        self.site.finish()
        return True

    def abandon(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self)
        self.site.abandon()
