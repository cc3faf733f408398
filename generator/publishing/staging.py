"""Compose the docs tree MkDocs builds from: hand-written docs/ plus generated pages.

Files are written only when their content changes, so `mkdocs serve`, which watches the tree, does not
rebuild in a loop; files no longer produced are removed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.inputs.errors import InputError, Problem


# Levels of indentation a hand-written page may nest lists in: Python-Markdown recurses once or more per level, and
# a few hundred exhaust Python's stack (a traceback). The catalogue's YAML has the same limit (yamlsource.MAX_DEPTH).
MAX_NESTING = 32
# '[' a paragraph of a hand-written page may hold: Markdown reads a paragraph's links in time growing with the
# square of its '[' (10,000 in one paragraph: about a minute). Texts have their own, lower limit.
MAX_BRACKETS = 300
# '<' likewise: Markdown's reading of raw HTML (30,000 "<a " in a paragraph ran past two minutes).
MAX_TAGS = 300


# What a hand-written file of docs/ may be, by kind (its name's ending, in lower case): pages are Markdown;
# images, PDFs, plain text and stylesheets are published as they are. A kind a browser could run as a page (HTML,
# XHTML, SVG, XML) or as a script is refused, so no hand-written file brings a script, whatever its name says.
PUBLISHED_KINDS = (".md", ".txt", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".css")
# Files a web host reads as its own settings (redirects, headers, domain): `ern-guides headers` is the one way to
# make them; from docs/ one could send every reader elsewhere.
HOST_FILES = ("_redirects", "_headers", "cname", ".htaccess", "netlify.toml", "vercel.json", "staticwebapp.config.json")
# Folders of the theme's own scripts and stylesheets, which every page loads: a hand-written file there would
# replace one.
THEME_FOLDERS = ("assets/javascripts/", "assets/stylesheets/")
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # names are shown in titles and menus: no markup in them


def kind_problems(path: str) -> list[Problem]:
    """What is wrong with a hand-written file of docs/ by its path alone: a host's settings file, the path of a
    theme asset, a name with characters other than letters, digits, '.', '_' and '-', or a kind not published."""
    display, name = f"docs/{path}", path.rpartition("/")[2]
    if name.lower() in HOST_FILES:
        return [Problem(display, 1, 1, "", f"a web host's settings file ({name}); the site's headers come from "
                        "`ern-guides headers`, and docs/ may not redirect readers: remove it")]
    if path.lower().startswith(THEME_FOLDERS):
        return [Problem(display, 1, 1, "", "in a folder of the theme's own scripts and stylesheets, which every page "
                        "loads; put it elsewhere, such as docs/assets/")]
    if not all(_SAFE_NAME.fullmatch(part) for part in path.split("/")):
        return [Problem(display, 1, 1, "", "a name with characters other than letters, digits, '.', '_' and '-' "
                        "(names are shown in titles and menus); rename it")]
    if not name.endswith(PUBLISHED_KINDS):
        return [Problem(display, 1, 1, "", f"a kind of file docs/ does not publish; pages are Markdown (.md), and "
                        f"docs/ may also hold {', '.join(PUBLISHED_KINDS[1:])} files (endings in lower case): write "
                        "the page in Markdown, or remove it")]
    return []


def odd_files(folder: Path, display: str) -> list[Problem]:
    """What in a folder the site is built from is not a plain file or folder of its own: a symbolic link (the
    folder itself, or in it) or a hard link could publish anything on the machine that builds, a pipe would block
    the build."""
    if folder.is_symlink():
        return [Problem(f"{display}/", 1, 1, "", f"a symbolic link to another folder; make {display}/ a folder of the "
                        "project (a link could publish any folder of this machine)")]
    problems = []
    for p in sorted(folder.rglob("*")) if folder.is_dir() else []:
        where = f"{display}/{p.relative_to(folder).as_posix()}"
        if p.is_symlink():
            problems.append(Problem(where, 1, 1, "", f"a symbolic link; put the file itself in {display}/ (a link "
                                    "could publish any file of this machine)"))
        elif not (p.is_file() or p.is_dir()):
            problems.append(Problem(where, 1, 1, "", "not a plain file (a pipe, a device?); remove it"))
        elif p.is_file() and p.stat().st_nlink > 1:
            problems.append(Problem(where, 1, 1, "", f"a hard link, a second name of a file elsewhere on this "
                                    f"machine; put a copy of the file in {display}/ instead"))
    return problems


def compose(hand_written: Path, generated: dict[str, str], files: dict[str, bytes]) -> dict[str, bytes]:
    """The docs tree: hand-written files, generated pages, and other generated files (PDFs). Only plain files are
    taken from docs/ (`odd_files`)."""
    tree, problems = {}, odd_files(hand_written, "docs")
    for p in sorted(hand_written.rglob("*")):
        path = p.relative_to(hand_written).as_posix()
        if p.is_file() and not p.is_symlink():
            found = kind_problems(path)
            problems += found
            tree[path] = p.read_bytes()
            problems += _page_limits(f"docs/{path}", tree[path]) if p.suffix == ".md" and not found else []
    for path, content in [*((p, t.encode("utf-8")) for p, t in generated.items()), *files.items()]:
        if path in tree:
            problems.append(Problem(f"docs/{path}", 1, 1, "", "hand-written, but the generator also makes this page; "
                                    "rename it"))
        tree[path] = content
    if problems:
        raise InputError(problems)
    return tree


def _page_limits(display: str, content: bytes) -> list[Problem]:
    """A hand-written page nested deeper, or with more '[' or '<' in one paragraph, than Markdown reads in good
    time."""
    brackets, tags, start = 0, 0, 1
    for number, line in enumerate(content.decode("utf-8", "replace").splitlines(), 1):
        line = line.expandtabs(4)
        depth = (len(line) - len(line.lstrip(" "))) // 4
        if depth > MAX_NESTING:
            return [Problem(display, number, 1, "", f"indented {depth} levels deep; a page may nest lists at most "
                            f"{MAX_NESTING} levels (is the indentation right?)")]
        if not line.strip():
            brackets, tags, start = 0, 0, number + 1
        else:
            brackets, tags = brackets + line.count("["), tags + line.count("<")
        if brackets > MAX_BRACKETS:
            return [Problem(display, start, 1, "", f"more than {MAX_BRACKETS} '[' in the paragraph starting here; a "
                            "paragraph may hold at most that many (Markdown would take minutes): split it")]
        if tags > MAX_TAGS:
            return [Problem(display, start, 1, "", f"more than {MAX_TAGS} '<' in the paragraph starting here; a "
                            "paragraph may hold at most that many (Markdown would take minutes): split it")]
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
