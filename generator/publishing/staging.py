"""Compose the docs tree MkDocs builds from: hand-written docs/ plus generated pages.

Files are written only when their content changes, so `mkdocs serve`, which watches the tree, does not
rebuild in a loop; files no longer produced are removed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.inputs.errors import InputError, Problem


# Levels of indentation a hand-written page may nest lists in: Python-Markdown recurses once or more per level, and
# a few hundred exhaust Python's stack (a traceback). The catalogue's YAML has the same limit (yamlsource.MAX_DEPTH).
MAX_NESTING = 32


def compose(hand_written: Path, generated: dict[str, str], files: dict[str, bytes]) -> dict[str, bytes]:
    """The docs tree: hand-written files, generated pages, and other generated files (PDFs). Only plain files are
    taken from docs/: a symbolic link could publish anything on the machine that builds."""
    tree, problems = {}, []
    for p in sorted(hand_written.rglob("*")):
        path = p.relative_to(hand_written).as_posix()
        if p.is_symlink():
            problems.append(Problem(f"docs/{path}", 1, 1, "", "a symbolic link; put the file itself in docs/ (a link "
                                    "could publish any file of this machine)"))
        elif p.is_file():
            tree[path] = p.read_bytes()
            problems += _nesting(f"docs/{path}", tree[path]) if p.suffix == ".md" else []
        elif not p.is_dir():
            problems.append(Problem(f"docs/{path}", 1, 1, "", "not a plain file (a pipe, a device?); remove it"))
    for path, content in [*((p, t.encode("utf-8")) for p, t in generated.items()), *files.items()]:
        if path in tree:
            problems.append(Problem(f"docs/{path}", 1, 1, "", "hand-written, but the generator also makes this page; "
                                    "rename it"))
        tree[path] = content
    if problems:
        raise InputError(problems)
    return tree


def _nesting(display: str, content: bytes) -> list[Problem]:
    for number, line in enumerate(content.decode("utf-8", "replace").splitlines(), 1):
        line = line.expandtabs(4)
        depth = (len(line) - len(line.lstrip(" "))) // 4
        if depth > MAX_NESTING:
            return [Problem(display, number, 1, "", f"indented {depth} levels deep; a page may nest lists at most "
                            f"{MAX_NESTING} levels (is the indentation right?)")]
    return []


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
