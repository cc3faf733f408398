"""The package's layout keeps its promises: only `generator/engine/` knows the site engine (MkDocs, the Material
theme, mkdocs-static-i18n), so moving to another engine replaces that folder and mkdocs.yml, nothing else."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
ENGINE = ("mkdocs", "material", "mkdocs_static_i18n")


def imported(path: Path) -> set[str]:
    """The top-level names of the modules a file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_engine_folder_imports_the_engine():
    outside = {path.relative_to(GENERATOR).as_posix(): sorted(imported(path) & set(ENGINE))
               for path in GENERATOR.rglob("*.py") if "engine" not in path.relative_to(GENERATOR).parts}
    assert {module: names for module, names in outside.items() if names} == {}
    inside = set().union(*(imported(path) for path in (GENERATOR / "engine").rglob("*.py")))
    assert set(ENGINE) <= inside  # the test looks at the right names: the engine folder does import them


def test_the_engine_folder_says_what_it_holds():
    described = ast.get_docstring(ast.parse((GENERATOR / "engine" / "__init__.py").read_text(encoding="utf-8")))
    assert described and all(path.name in described for path in (GENERATOR / "engine").glob("*.py")
                             if path.name != "__init__.py")


def test_modules_and_classes_stay_small():
    """A module a newcomer can read in one go (at most 400 lines), a class of one concern (at most 150)."""
    too_long = []
    for path in GENERATOR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 400:
            too_long.append(f"{path.relative_to(GENERATOR)}: {len(text.splitlines())} lines")
        too_long += [f"{path.relative_to(GENERATOR)}: class {node.name}, {node.end_lineno - node.lineno + 1} lines"
                     for node in ast.walk(ast.parse(text))
                     if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 150]
    assert too_long == []
