"""Atomic publish: a build writes to a temporary folder beside site/ and replaces site/ only on success.

The switch is one system call where the system has it (Linux's renameat2 exchange): at every moment a web
server finds either the whole previous site or the whole new one. The published folder gets the permissions
the umask gives (a web server running as another user can read it). A build replaces only a folder a build of
this project made (it carries SITE_MARKER), never a symbolic link, the project or its inputs. A build that dies
leaves a folder named after its process, which the next build removes; Ctrl-C cleans up at once.

Also pins the build date (SOURCE_DATE_EPOCH, honoured by MkDocs) to the last commit, so that two builds
of the same inputs are byte-identical.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.ern-guides")


SITE_MARKER = ".ern-guides-site"  # in every site a build publishes: a folder without it is not the build's to replace
# What a project is made of: a site folder may be none of these, nor inside one, nor hold one.
PROJECT_PARTS = (".git", "data", "guides", "docs", "generator", "overrides", "tests", "mkdocs.yml", "pyproject.toml")


class UnsafeSite(ValueError):
    """A site folder the build would have to delete what it did not make to replace."""


def check_site_folder(final: Path, root: Path) -> None:
    """Refuse, in one line, a site folder whose replacement would delete what no build of this project made: a
    symbolic link (its target would go), the project or a part of it (or a folder holding them), a file, or a
    folder of other files (no SITE_MARKER; a site of an earlier build, with the practice's stylesheet, is ours)."""
    if final.is_symlink():
        raise UnsafeSite(f"the site folder {final} is a symbolic link (to {os.readlink(final)}); a build replaces "
                         "its site folder whole, and would replace the folder the link points to. Set site_dir to "
                         "a folder of its own and copy the site from there. Nothing was built or deleted.")
    real, project = final.resolve(), root.resolve()
    parts = [(project / name).resolve() for name in PROJECT_PARTS]
    for part in [project, *parts]:
        if part.is_relative_to(real) or (part != project and real.is_relative_to(part)):
            raise UnsafeSite(f"the site folder {final} is, holds or is inside {part}, part of the project; a build "
                             "replaces its site folder whole. Set site_dir to a folder of its own, such as site/. "
                             "Nothing was built or deleted.")
    if real.exists() and not real.is_dir():
        raise UnsafeSite(f"the site folder {final} is a file; set site_dir to a folder. Nothing was built or deleted.")
    ours = (real / SITE_MARKER).is_file() or ((real / "sim").is_dir() and (real / "assets" / "sim.css").is_file())
    if real.is_dir() and any(real.iterdir()) and not ours:
        raise UnsafeSite(f"the site folder {final} holds files no build of this project made (it has no "
                         f"{SITE_MARKER}); a build replaces its site folder whole. Empty it, or set site_dir to "
                         "another folder. Nothing was built or deleted.")


class AtomicSite:
    """Redirects a build's output to a temporary folder; `finish` swaps it in, `abandon` throws it away."""

    def __init__(self, final: Path, root: Path) -> None:
        check_site_folder(final, root)
        self.final = final
        self.final.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.final)
        prefix = f".{self.final.name}-building-{os.getpid()}-"
        self.temporary = Path(tempfile.mkdtemp(prefix=prefix, dir=self.final.parent))
        self.temporary.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a web server must read it
        atexit.register(self.abandon)  # Ctrl-C: MkDocs does not report a KeyboardInterrupt to plugins

    def finish(self) -> None:
        """Publish: the new site takes the place of the old one at once."""
        atexit.unregister(self.abandon)
        (self.temporary / SITE_MARKER).write_text("Made by an ERN Guides build, which replaces this folder whole.\n",
                                                  encoding="utf-8")
        if not self.final.exists():
            self.temporary.rename(self.final)
            return
        _exchange(self.temporary, self.final)  # the temporary folder now holds the previous site
        shutil.rmtree(self.temporary, ignore_errors=True)
        if self.temporary.exists():
            log.warning(f"the previous site could not be removed entirely: {self.temporary} (remove it by hand)")

    def abandon(self) -> None:
        atexit.unregister(self.abandon)
        shutil.rmtree(self.temporary, ignore_errors=True)


def remove_leftovers(final: Path) -> None:
    """Remove what builds that died left beside the site: folders of processes that no longer run."""
    for folder in final.parent.glob(f".{final.name}-building-*"):
        pid = folder.name.removeprefix(f".{final.name}-building-").partition("-")[0]
        if not (pid.isdigit() and _running(int(pid))):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(new: Path, old: Path) -> None:
    """Swap two folders in one step; where the system cannot, move the old one aside first (a moment without
    a site, reported)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(old), _RENAME_EXCHANGE) == 0:
            return
        log.info(f"atomic exchange unavailable here ({os.strerror(ctypes.get_errno())}); moving the old site aside")
    aside = Path(tempfile.mkdtemp(prefix=f".{old.name}-building-{os.getpid()}-old-", dir=old.parent))
    aside.rmdir()
    old.rename(aside)
    new.rename(old)
    aside.rename(new)


def pin_build_date(root: Path) -> None:
    """Use the last commit's time as the build date unless SOURCE_DATE_EPOCH is already set."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "0"
