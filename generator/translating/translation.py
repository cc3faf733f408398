"""The translators' tools: coverage and staleness, writing language files, gettext PO exchange, new languages.

A translation records in `source` the hash of the English text it translates; when the English changes, the
hash no longer matches and the translation is reported stale until it is updated and stamped again.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import babel
import yaml

from generator.engine import languages
from generator.inputs.errors import InputError, Problem
from generator.inputs.writing import write_together
from generator.translating.entries_in_place import HEADER, with_entries, with_source
from generator.translating.plural_forms import wanted_keys
from generator.words.typography import load_typography
from generator.pipeline import GUIDES, LANGUAGE_CODE, generate, languages_in
from generator.words.texts import (PLACEHOLDER, PLURAL_FORMS, SOURCE_LANGUAGE, Entry, check_translation, english_of,
                                   is_stale, load_language, plural_base, plural_families, source_hash)

@dataclass
class Coverage:
    language: str
    total: int
    translated: int
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.missing or self.stale or self.mismatched)


def english(root: Path) -> dict[str, Entry]:
    return load_language(root / GUIDES / SOURCE_LANGUAGE, f"{GUIDES}/{SOURCE_LANGUAGE}", is_source=True)


def translation(root: Path, language: str) -> dict[str, Entry]:
    folder = root / GUIDES / language
    if not any(folder.glob("*.yaml")):
        return {}
    return load_language(folder, f"{GUIDES}/{language}", is_source=False, allowed=allowed_characters(root, language))


def allowed_characters(root: Path, language: str) -> frozenset[str]:
    """The invisible characters a language's script needs, as its typography file says."""
    typography = load_typography(root / GUIDES / language, f"{GUIDES}/{language}")
    return typography.allowed if typography else frozenset()


def coverage(root: Path, language: str, keys: set[str] | None = None) -> Coverage:
    """How much of a language is translated: all texts, or only `keys` (the texts one guide needs). A text
    said for a count counts once for each of the language's forms, whatever forms English has."""
    source, entries = english(root), translation(root, language)
    wanted = wanted_keys(source, language)
    if keys is not None:
        wanted = [k for k in wanted if k in keys or (plural_base(k) is not None and any(
            f"{plural_base(k)}.{form}" in keys for form in PLURAL_FORMS))]
    done = {k: entries[k] for k in wanted if k in entries}
    return Coverage(
        language, len(wanted), len(done),
        missing=[k for k in wanted if k not in entries],
        stale=[k for k, e in done.items() if is_stale(e, english_of(source, k))],
        mismatched=[p.path for p in check_translation(source, done, language)])


# Texts every page shows around its content, which rendering the pages in English does not record: the language
# menu and the site's name, the navigation, the notice of texts not yet translated. They are on EVERY_PAGE.
AROUND_EVERY_PAGE = ("language.", "site.", "nav.", "untranslated.")
# The titles of the site's own pages, which every page's navigation shows (their headings in generator/templates).
PAGE_TITLES = ("home.heading", "helpdesks.title", "sim.title", "translate.title")
EVERY_PAGE = "*"


def usage(root: Path) -> dict[str, set[str]]:
    """The pages that show each text (the same in every language), found by rendering the site in English:
    `networks/<id>.md`, `sim/<id>/...`, `index.md`..., and EVERY_PAGE for what is around every page."""
    used = generate(root, [SOURCE_LANGUAGE]).texts[SOURCE_LANGUAGE].used
    for key in english(root):
        if key.startswith(AROUND_EVERY_PAGE) or key in PAGE_TITLES:
            used.setdefault(key, set()).add(EVERY_PAGE)
    return used


def guide_keys(root: Path, network_id: str) -> set[str]:
    """The texts one network's reader meets: its guide, its page on the first CPMS, its practice in the simulator,
    and what is around every page."""
    used = usage(root)
    if not any(f"networks/{network_id}.md" in pages for pages in used.values()):
        raise InputError([Problem("ern-guides --guide", 1, 1, "", f"expected a network id of the catalogue, "
                                  f"got {network_id!r}")])
    own = (f"networks/{network_id}.md", f"first-cpms/{network_id}.md", EVERY_PAGE)  # its guide, its first CPMS page
    shown = {key for key, pages in used.items() if any(p in own or p.startswith(f"sim/{network_id}/") for p in pages)}
    source = english(root)
    families = plural_families(source) & {plural_base(key) for key in shown}
    return shown | {key for key in source if plural_base(key) in families}  # every form of a text said for a count


GUIDE_FOLDERS = ("networks/", "first-cpms/")  # a network's guide and its page on the first CPMS


def pages_in_short(pages: set[str], networks: int) -> list[str]:
    """Where a text appears, for a PO reference: every page, guides by network (or all of the `networks`), the
    simulator once, other pages by name."""
    guides = sorted({p.split("/")[1].removesuffix(".md") for p in pages if p.startswith(GUIDE_FOLDERS)})
    others = sorted(p for p in pages if not p.startswith((*GUIDE_FOLDERS, "sim/")) and p != EVERY_PAGE)
    named = "all" if len(guides) == networks else ",".join(guides)
    return ((["every-page"] if EVERY_PAGE in pages else []) + ([f"guide:{named}"] if guides else [])
            + (["simulator"] if any(p.startswith("sim/") for p in pages) else [])
            + [f"page:{p.removesuffix('.md')}" for p in others])


def write_language(root: Path, language: str, texts: dict[str, tuple[str, str | None]]) -> list[Path]:
    """Write `{key: (text, source)}` into guides/<language>/, one file per English file, as one change: only the
    entries whose text or fingerprint differ are rewritten, in the file that holds them; a new one goes in
    English key order (a form English lacks, `.few`, with its family). A translator's comments and layout stay.
    The files changed, returned."""
    source, current = english(root), translation(root, language)
    folder = root / GUIDES / language
    order: dict[str, list[str]] = {}
    for key in wanted_keys(source, language):
        order.setdefault(Path(english_of(source, key).file).name, []).append(key)
    changes: dict[str, dict] = {}
    for key, value in texts.items():
        english_text = english_of(source, key)
        if english_text is None or (key in current and (current[key].text, current[key].source) == value):
            continue
        changes.setdefault(Path(current[key].file if key in current else english_text.file).name, {})[key] = value
    files = {}
    for name, entries in changes.items():
        path = folder / name
        before = path.read_text(encoding="utf-8") if path.exists() else HEADER.format(name=name, language=language)
        files[path] = with_entries(before, f"{GUIDES}/{language}/{name}", entries, order.get(name, []))
    return write_together(root, files)


def stamp(root: Path, language: str, keys: list[str] | None = None, force: bool = False) -> tuple[list[str], list[str]]:
    """Record stale translations (all, or `keys`) as translating the current English, by rewriting only their
    `source:` line: the file keeps its layout. A translation whose text has not changed since the English did
    is refused (nobody reviewed it) unless `force`. Returns (stamped, refused) keys."""
    known_language(root, language, "stamp")
    source, entries = english(root), translation(root, language)
    unknown = [k for k in keys or [] if k not in entries or k not in source]
    if unknown:
        raise InputError([Problem(f"{GUIDES}/{language}", 1, 1, k, "expected the key of a translated text") for k in unknown])
    stale = [k for k, e in entries.items() if k in source and is_stale(e, source[k])]
    stamped, refused = [], []
    texts: dict[Path, str] = {}  # each file's text as the stamps so far leave it: written together at the end
    for key in [k for k in stale if keys is None or k in keys]:
        entry = entries[key]
        if not force and _unchanged_since_english_changed(root, language, key, entry):
            refused.append(key)
            continue
        path = root / entry.file
        texts[path] = with_source(texts.get(path) or path.read_text(encoding="utf-8"), entry.file, key,
                                   source_hash(source[key].text))
        stamped.append(key)
    write_together(root, texts)
    return stamped, refused


def _unchanged_since_english_changed(root: Path, language: str, key: str, entry: Entry) -> bool:
    """Whether the translation's text is the one it had when the English changed, per the git history."""
    found = _english_translated(root, key, entry)
    if found is None or found[1] is None:
        return False  # no history to judge by, or the English changed after the last commit: trust the working copy
    translated_then = _yaml_at(root, found[1], entry.file).get(key, {})
    return isinstance(translated_then, dict) and translated_then.get("text") == entry.text


def _english_translated(root: Path, key: str, entry: Entry) -> tuple[str, str | None] | None:
    """The English text a translation was made from (the newest commit whose English matches its fingerprint),
    and the commit after it, where the English changed (None: changed since the last commit). None when the
    git history does not tell."""
    english_file = f"{GUIDES}/{SOURCE_LANGUAGE}/{Path(entry.file).name}"
    history = _git(root, "log", "--format=%H", "--", english_file) if entry.source else None
    commits = history.split() if history else []
    for newer, older in zip([None, *commits], commits):
        then = _yaml_at(root, older, english_file).get(key, {})
        if isinstance(then, dict) and source_hash(str(then.get("text", ""))) == entry.source:
            return str(then["text"]), newer
    return None


def _git(root: Path, *args: str) -> str | None:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def _yaml_at(root: Path, commit: str, path: str) -> dict:
    shown = _git(root, "show", f"{commit}:{path}")
    try:
        data = yaml.safe_load(shown) if shown else None
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def known_language(root: Path, language: str, command: str) -> None:
    """A language the project has (never a path: nothing is read or written outside guides/<language>/)."""
    known = languages_in(root)[1:]
    if not LANGUAGE_CODE.fullmatch(language) or language not in known:
        raise InputError([Problem(f"ern-guides {command}", 1, 1, "", f"expected one of the project's languages "
                                  f"({', '.join(known) or 'none yet'}), got {language!r}; start a new one with "
                                  f"ern-guides new-language CODE")])


STARTERS = {
    "glossary.yaml": "# One name per idea: the terms this language prefers, and the variants `ern-guides status` names.\n"
                     "# Add terms like: - {prefer: e-mail, avoid: [courriel]}\n[]\n",
    "typography.yaml": "# This language's typography, applied to its texts when pages are generated (see guides/fr/).\n"
                       "# Add rules like: - {space: no-break, before: ':'}\n[]\n",
}


def own_name(language: str) -> str:
    """A language's name in that language, from the Unicode CLDR (Babel): what its menu shows ("Italiano")."""
    try:
        name = babel.Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return language
    return (name[:1].upper() + name[1:]) if name else language


def new_language(root: Path, language: str) -> list[str]:
    """Create guides/<language>/ (nothing translated yet, a starter glossary and typography) and register the
    language with the site engine under its own name."""
    if not LANGUAGE_CODE.fullmatch(language):
        raise InputError([Problem("ern-guides new-language", 1, 1, "", f"expected a language code like 'it' or "
                                  f"'pt-BR', got {language!r}")])
    if (root / GUIDES / language).exists():
        raise InputError([Problem(f"{GUIDES}/{language}", 1, 1, "", "this language exists already")])
    folder = root / GUIDES / language
    files = {folder / Path(entry.file).name: HEADER.format(name=Path(entry.file).name, language=language)
             for entry in english(root).values()}
    files |= {folder / name: starter for name, starter in STARTERS.items()}
    files |= languages.registration(root, language, own_name(language))
    write_together(root, files)
    return [f"{GUIDES}/{language}/"] + [path.relative_to(root).as_posix() for path in files
                                        if path.parent != folder or path.name in STARTERS]


PSEUDO_LANGUAGE = "en-XA"
_ACCENTS = str.maketrans("aeiouycnszAEIOUYCNSZ", "áéíóúýçñšžÁÉÍÓÚÝÇÑŠŽ")
_KEEP = re.compile(PLACEHOLDER.pattern + r"|\]\([^)]*\)|<[^>]+>|\*\*|`[^`]*`")


def pseudo_text(text: str) -> str:
    """Accent every letter and make each line ~40 % longer; placeholders, link targets and Markdown are kept."""
    def accent(line: str) -> str:
        parts, last = [], 0
        for match in _KEEP.finditer(line):
            parts += [line[last:match.start()].translate(_ACCENTS), match.group()]
            last = match.end()
        parts.append(line[last:].translate(_ACCENTS))
        body = "".join(parts)
        return body + (" " + "·" * max(2, len(line) * 2 // 5) if line.strip() else "")
    return "\n".join(accent(line) for line in text.split("\n"))


def pseudo_locale(root: Path) -> str:
    """Create or refresh the pseudo-locale en-XA from the English texts, to find hard-coded text."""
    if not (root / GUIDES / PSEUDO_LANGUAGE).exists():
        new_language(root, PSEUDO_LANGUAGE)
    source = english(root)
    write_language(root, PSEUDO_LANGUAGE, {k: (pseudo_text(e.text), source_hash(e.text)) for k, e in source.items()})
    return PSEUDO_LANGUAGE
