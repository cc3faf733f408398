"""Changing the project's own files (texts, the catalogue) as one change, one change at a time.

`ProjectLock` is held by a build and by every command that writes the project's files: a build never reads a
change half made, and two changes never mix. `write_together` writes every file of a change beside its target
first, then records in a journal (`build/.change`) that the change is made before moving the files into place:
if the process dies while writing them, whoever takes the lock next removes what it wrote; while moving them,
finishes the move. The files are found all old or all new. A file whose content would not change is not touched.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

log = logging.getLogger("mkdocs.plugins.ern-guides")

LOCK = "build/.build-lock"  # the name README.md gives it
JOURNAL = "build/.change"
TEMPORARY = ".ern-guides-writing"  # the suffix of a file written beside its target


class ProjectLock:
    """One change of a project at a time: a build (`mkdocs serve` rebuilding while a scheduled `mkdocs build`
    runs, say) or a command writing its files. A second one waits for the first, and says so. The lock is the
    system's (flock), so a process that dies, however, leaves nothing held; a change it left half moved into
    place is finished as soon as the lock is taken again."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.file = None

    def acquire(self) -> None:
        if self.file is not None:
            return
        path = self.root / LOCK
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(path, "a")
        if fcntl is not None:  # no flock (Windows): changes are not serialised
            try:
                fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log.info("another build or change of this project is running: waiting for it to end")
                fcntl.flock(self.file, fcntl.LOCK_EX)
        finish_change(self.root)

    def release(self) -> None:
        if self.file is not None:
            self.file.close()  # closing the file releases the lock
            self.file = None

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def settle(root: Path) -> None:
    """Finish a change a dead process left half made, if any (for commands that only read the project)."""
    if (root / JOURNAL).exists():
        with ProjectLock(root):
            pass


def write_together(root: Path, files: dict[Path, str]) -> list[Path]:
    """Write `{path: text}` as one change and return the paths changed; the caller holds the ProjectLock. Each
    new content goes to a temporary file beside its target, flushed to disk; a failure then (a full disk, a folder
    not writable) changes nothing and removes what it wrote. Only once all are written is the change recorded as
    made, and each file moved into place (one rename each)."""
    changed = {path: text for path, text in files.items()
               if not (path.is_file() and path.read_bytes() == text.encode("utf-8"))}
    if not changed:
        return []
    moves = [(path.with_name(f".{path.name}{TEMPORARY}"), path) for path in changed]
    try:
        _record(root, "writing", moves)  # a process that dies from here on leaves files the next lock removes
        for temporary, path in moves:
            path.parent.mkdir(parents=True, exist_ok=True)
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
            _write_durably(temporary, changed[path], mode)
        _record(root, "moving", moves)  # the change is made: from here on it is finished, whatever happens
    except BaseException:  # not made: nothing of it stays
        for temporary, _ in moves:
            temporary.unlink(missing_ok=True)
        for journal in (root / JOURNAL, root / f"{JOURNAL}{TEMPORARY}"):
            journal.unlink(missing_ok=True)
        raise
    finish_change(root)
    return list(changed)


def finish_change(root: Path) -> None:
    """End the change the journal records: one that was still being written is undone (its temporary files
    removed), one being moved into place is finished (the files not moved yet are moved). Then the journal goes."""
    journal = root / JOURNAL
    if not journal.exists():
        return
    recorded = json.loads(journal.read_text(encoding="utf-8"))
    for temporary, path in recorded["files"]:
        if recorded["state"] == "moving" and Path(temporary).exists():
            os.replace(temporary, path)
        else:
            Path(temporary).unlink(missing_ok=True)
    journal.unlink()


def _record(root: Path, state: str, moves: list[tuple[Path, Path]]) -> None:
    """The journal, replaced whole (written beside it, then renamed): it is found either as it was or as it is."""
    journal = root / JOURNAL
    journal.parent.mkdir(parents=True, exist_ok=True)
    beside = root / f"{JOURNAL}{TEMPORARY}"
    _write_durably(beside, json.dumps({"state": state, "files": [[str(t), str(p)] for t, p in moves]}), 0o644)
    os.replace(beside, journal)


def _write_durably(path: Path, text: str, mode: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.chmod(path, mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
