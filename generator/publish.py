"""Atomic publish: a build writes to a temporary folder beside site/ and replaces site/ only on success.

Also pins the build date (SOURCE_DATE_EPOCH, honoured by MkDocs) to the last commit, so that two builds
of the same inputs are byte-identical.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class AtomicSite:
    """Redirects a build's output to a temporary folder; `finish` swaps it in, `abandon` throws it away."""

    def __init__(self, final: Path) -> None:
        self.final = final
        final.parent.mkdir(parents=True, exist_ok=True)
        self.temporary = Path(tempfile.mkdtemp(prefix=f".{final.name}-building-", dir=final.parent))
        self.warnings = _WarningCounter()
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def finish(self, strict: bool) -> None:
        """Publish, unless strict mode will abort the build for warnings (MkDocs checks after post_build)."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if strict and self.warnings.count:
            self.abandon()
            return
        old = self.final.with_name(f".{self.final.name}-previous")
        shutil.rmtree(old, ignore_errors=True)
        if self.final.exists():
            self.final.rename(old)
        self.temporary.rename(self.final)
        shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        shutil.rmtree(self.temporary, ignore_errors=True)


def pin_build_date(root: Path) -> None:
    """Use the last commit's time as the build date unless SOURCE_DATE_EPOCH is already set."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "0"
