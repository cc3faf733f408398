"""The package's layout keeps its promises: folders by concern that import only downwards, as their docstrings
say; only `generator/engine/` knows the site engine (MkDocs, the Material theme, mkdocs-static-i18n), so moving
to another engine replaces that folder and mkdocs.yml, nothing else."""

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


def _may_import(layer: Path) -> list[str]:
    """What a folder's (or a module's) docstring says it may import: the folders and modules of the generator
    on its "May import:" line."""
    described = _docstring(layer / "__init__.py" if layer.is_dir() else layer)
    line = next((line for line in described.splitlines() if line.startswith("May import:")), None)
    assert line, f"{layer.name}: its docstring has no 'May import:' line"
    allowed = line.removeprefix("May import:").strip().rstrip(".")
    return [] if allowed == "nothing of the generator" else [name.strip() for name in allowed.split(",")]


def _generator_imports(path: Path) -> set[str]:
    """The generator's folders and top-level modules a file imports (`generator.words.texts` -> `words`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.startswith("generator"):
            parts = node.module.split(".")
            found |= {parts[1]} if len(parts) > 1 else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("generator.")}
    return found


def _docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


PACKAGES = sorted(path.parent for path in GENERATOR.glob("*/__init__.py"))
LAYERS = [*PACKAGES, GENERATOR / "pipeline.py"]  # what stands above them all (cli.py) may import anything


def test_each_folder_imports_only_what_its_docstring_allows():
    names = {path.name for path in PACKAGES} | {path.stem for path in GENERATOR.glob("*.py")}
    broken = []
    for layer in LAYERS:
        allowed = set(_may_import(layer))
        assert allowed <= names, f"{layer.name}: 'May import' names what the generator does not have"
        for path in (layer.rglob("*.py") if layer.is_dir() else [layer]):
            broken += [f"{path.relative_to(GENERATOR)} imports {name}"
                       for name in sorted(_generator_imports(path) - allowed - {layer.stem})]
    assert broken == []


def test_the_folders_stand_in_one_order():
    """No two folders may import each other, even through others: the design reads from the ground up."""
    allowed = {layer.stem: set(_may_import(layer)) for layer in LAYERS}
    order, left = [], dict(allowed)
    while left:
        ground = sorted(name for name, needs in left.items() if needs <= set(order))
        assert ground, f"these folders allow each other in a circle: {sorted(left)}"
        order += ground
        left = {name: needs for name, needs in left.items() if name not in ground}
    assert len(PACKAGES) >= 8  # the layout the README describes, not one folder


def test_the_generator_says_where_each_folder_stands_and_each_folder_what_it_holds():
    described = _docstring(GENERATOR / "__init__.py")
    assert [package.name for package in PACKAGES if f"`{package.name}/`" not in described] == []
    assert [path.relative_to(GENERATOR).as_posix() for package in PACKAGES for path in package.glob("*.py")
            if path.name != "__init__.py" and f"`{path.name}`" not in _docstring(package / "__init__.py")] == []
