"""Whether two commits build the same site, byte for byte: for a change that must not change behaviour (moving
modules, splitting classes). Builds each commit in a worktree of its own with the same pinned build date, then
compares every file; prints the files that differ and exits 1 if any do.

    python tests/same_site.py BEFORE [AFTER]      (AFTER defaults to the working tree)
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = "1780000000"  # any fixed moment: both builds print the same dates


PLUGIN = "generator/engine/mkdocs_plugin.py"  # where the installed entry point looks, in every commit compared


def build(source: Path, site: Path) -> None:
    """Build `source` with its own generator package, first on the path."""
    if not (source / PLUGIN).is_file():
        sys.exit(f"{source.name}: no {PLUGIN} there (the plugin moved there in commit 5989605); compare later commits")
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(source)}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], cwd=source, env=env,
                   check=True)


def differences(a: Path, b: Path, where: str = "") -> list[str]:
    compared = filecmp.dircmp(a, b)
    return ([f"only before: {where}{p}" for p in compared.left_only]
            + [f"only after: {where}{p}" for p in compared.right_only]
            + [f"differs: {where}{p}" for p in filecmp.cmpfiles(a, b, compared.common_files, shallow=False)[1]]
            + [d for name in compared.common_dirs for d in differences(a / name, b / name, f"{where}{name}/")])


def main(before: str, after: str | None) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        sites = []
        for name, rev in (("before", before), ("after", after)):
            source = ROOT
            if rev is not None:
                source = Path(scratch) / f"{name}-source"
                subprocess.run(["git", "worktree", "add", "--detach", "-q", str(source), rev], cwd=ROOT, check=True)
            try:
                build(source, Path(scratch) / name)
            finally:
                if rev is not None:
                    subprocess.run(["git", "worktree", "remove", "--force", str(source)], cwd=ROOT, check=True)
            sites.append(Path(scratch) / name)
        found = differences(*sites)
    print("\n".join(found) if found else f"the same site: {before} and {after or 'the working tree'}")
    return 1 if found else 0


if __name__ == "__main__":
    if not 2 <= len(sys.argv) <= 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None))
