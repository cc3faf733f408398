"""Writing the project's own files (texts, the catalogue) as one change: every file of it written beside its
target first, then each moved into place; a file whose content would not change is not touched."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_together(files: dict[Path, str]) -> list[Path]:
    """Write `{path: text}` as one change and return the paths changed. Each new content goes to a temporary file
    beside its target, flushed to disk; only once all are written does each replace its target (one rename each).
    A failure while writing (a full disk, a folder not writable) changes nothing and removes what it wrote."""
    changed = {path: text for path, text in files.items()
               if not (path.is_file() and path.read_bytes() == text.encode("utf-8"))}
    written: dict[Path, Path] = {}
    try:
        for path, text in changed.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".writing")
            written[path] = Path(temporary)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
    except BaseException:
        for temporary in written.values():
            temporary.unlink(missing_ok=True)
        raise
    for path, temporary in written.items():
        os.replace(temporary, path)
    return list(changed)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
