"""Compose the docs tree MkDocs builds from: hand-written docs/ plus generated pages.

Files are written only when their content changes, so `mkdocs serve`, which watches the tree, does not
rebuild in a loop; files no longer produced are removed.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def compose(hand_written: Path, generated: dict[str, str], files: dict[str, bytes]) -> dict[str, bytes]:
    """The docs tree: hand-written files, generated pages, and other generated files (PDFs). Only plain files are
    taken from docs/: a symbolic link could publish anything on the machine that builds."""
    tree = {}
    for p in sorted(hand_written.rglob("*")):
        if p.is_symlink():
            raise ValueError(f"docs/{p.relative_to(hand_written).as_posix()}: a symbolic link; put the file itself "
                             "in docs/ (a link could publish any file of this machine)")
        if p.is_file():
            tree[p.relative_to(hand_written).as_posix()] = p.read_bytes()
        elif not p.is_dir():
            raise ValueError(f"docs/{p.relative_to(hand_written).as_posix()}: not a plain file (a pipe, a device?); "
                             "remove it")
    for path, content in [*((p, t.encode("utf-8")) for p, t in generated.items()), *files.items()]:
        if path in tree:
            raise ValueError(f"docs/{path} is hand-written but the generator also makes it; rename it")
        tree[path] = content
    return tree


def sync(tree: dict[str, bytes], target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for path, content in tree.items():
        file = target / path
        if not file.is_file() or file.read_bytes() != content:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(content)
    for file in sorted(target.rglob("*"), reverse=True):
        relative = file.relative_to(target).as_posix()
        if file.is_file() and relative not in tree:
            file.unlink()
        elif file.is_dir() and not any(file.iterdir()):
            shutil.rmtree(file)
