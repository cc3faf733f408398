"""Faster equivalents of two steps of mkdocs-static-i18n 1.3, which examine every language's files in every
language's pass.

- **Alternates.** For every page and every language, the original rebuilds the page's candidate files in the
  other languages one by one until it finds that language's: cubic in the number of languages, about a quarter
  of the build at 24 languages. Here each candidate's language is worked out once per page, and the alternate
  made once per language.
- **Files.** Each pass turns every file of every language into a new i18n File before deciding what to do with
  it: quadratic in the number of languages. With the `folder` structure and no fallback to the default language
  (this site), a file in another language's folder is only ever an alternate (a page) or ignored (an asset):
  such files are set aside by their path alone and handed to the alternates search, in their original order.

No upstream issue names this cost; the nearest is ultrabug/mkdocs-static-i18n#57 (a large site's build time,
closed). The same files and alternates in linear time: `tests/test_i18n_alternates.py` compares both with the
originals on every case; the originals still run where fallback is on or the structure is `suffix` (README
"Building at real scale").
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePath

from mkdocs.structure.files import Files
from mkdocs_static_i18n import is_relative_to
from mkdocs_static_i18n.config import RE_LOCALE
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

ORIGINAL = ExtendedPlugin.reconfigure_files_alternates
ORIGINAL_FILES = ExtendedPlugin.reconfigure_files


def _linear(plugin) -> bool:
    return not plugin.config.fallback_to_default and plugin.config.docs_structure == "folder"


def folder_language(src_path: str, languages: list[str]) -> str | None:
    """A file's language from its path, as mkdocs-static-i18n's folder structure works it out (None: no
    language folder, the default language's file)."""
    for language in languages:
        if is_relative_to(src_path, language):
            return language
        first = PurePath(src_path).parts[0]
        if RE_LOCALE.match(first):
            return first
    return None


def reconfigure_files(self, files, mkdocs_config):
    if not _linear(self):
        return ORIGINAL_FILES(self, files, mkdocs_config)
    kept, elsewhere = [], defaultdict(list)
    self._i18n_order = {}
    for position, file in enumerate(files):
        self._i18n_order[id(file)] = position
        language = folder_language(file.src_path, self.all_languages)
        if language in (None, self.current_language) or not is_relative_to(file.abs_src_path,
                                                                            mkdocs_config.docs_dir):
            kept.append(file)
        elif file.is_documentation_page():
            elsewhere[PurePath(file.src_uri).relative_to(language).as_posix()].append(file)
    self._i18n_elsewhere = elsewhere
    try:
        return ORIGINAL_FILES(self, Files(kept), mkdocs_config)
    finally:
        self._i18n_elsewhere, self._i18n_order = {}, {}


def reconfigure_files_alternates(self, i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file):
    if not _linear(self):
        return ORIGINAL(self, i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file)
    elsewhere, order = getattr(self, "_i18n_elsewhere", {}), getattr(self, "_i18n_order", {})
    for uri, i18n_file in i18n_src_uris.items():
        candidates = i18n_alternate_src_uris.get(uri, [])
        if uri in elsewhere:
            candidates = sorted([*candidates, *elsewhere[uri]], key=lambda file: order[id(file)])
        first: dict = {}  # each language's first candidate, in the order the original tries them
        for candidate in candidates:
            # a file's language comes from its path alone, whatever language it is made for
            first.setdefault(folder_language(candidate.src_path, self.all_languages) or self.default_language,
                             candidate)
        for build_lang in sorted(self.build_languages):
            if build_lang not in i18n_file.alternates and build_lang in first:
                i18n_file.alternates[build_lang] = create_i18n_file(first[build_lang], build_lang,
                                                                    self.default_language, self.all_languages,
                                                                    mkdocs_config)


def install() -> None:
    ExtendedPlugin.reconfigure_files = reconfigure_files
    ExtendedPlugin.reconfigure_files_alternates = reconfigure_files_alternates
