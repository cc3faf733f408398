"""generator/i18n_alternates.py finds exactly the alternates mkdocs-static-i18n's own search finds."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File
from mkdocs_static_i18n import folder

from generator import i18n_alternates

LANGUAGES = ["en", "fr", "de", "pt-BR"]
# Pages and assets in some languages only, one in a language folder the site does not build (it), one outside
# any language folder, one language twice.
SOURCES = ["en/index.md", "fr/index.md", "de/index.md", "pt-BR/index.md",
           "en/a.md", "fr/a.md", "it/a.md", "de/a.md",
           "en/networks/b.md", "pt-BR/networks/b.md", "de/networks/b.md",
           "en/assets/logo.png", "fr/assets/logo.png", "robots.txt", "fr/c.md", "de/c.md", "de/c.md"]
CONFIG = SimpleNamespace(docs_dir="/docs", site_dir="/site", use_directory_urls=True)


def inputs(current: str) -> tuple[dict, dict]:
    """What mkdocs-static-i18n hands its search in `current`'s pass: this language's files by their path without
    the language folder, and every other file with that path."""
    chosen, others = {}, {}
    for path in SOURCES:
        file = File(path, CONFIG.docs_dir, CONFIG.site_dir, CONFIG.use_directory_urls)
        language, _, rest = path.partition("/")
        uri = rest if rest else path
        if language == current:
            chosen[uri] = folder.create_i18n_file(file, current, "en", LANGUAGES, CONFIG)
        else:
            others.setdefault(uri, []).append(file)
    return chosen, others


def found(chosen: dict) -> dict:
    return {uri: {language: (f.src_uri, f.dest_uri, f.url) for language, f in file.alternates.items()}
            for uri, file in chosen.items()}


@pytest.mark.parametrize("fallback", [False, True])
@pytest.mark.parametrize("current", LANGUAGES)
def test_the_same_alternates_as_the_original(current, fallback):
    plugin = SimpleNamespace(config=SimpleNamespace(fallback_to_default=fallback), build_languages=LANGUAGES,
                             default_language="en", all_languages=LANGUAGES)
    chosen, others = inputs(current)
    original, faster = copy.deepcopy((chosen, others)), copy.deepcopy((chosen, others))
    i18n_alternates.ORIGINAL(plugin, *original, CONFIG, folder.create_i18n_file)
    i18n_alternates.reconfigure_files_alternates(plugin, *faster, CONFIG, folder.create_i18n_file)
    assert found(faster[0]) == found(original[0])
    assert any(len(alternates) > 1 for alternates in found(faster[0]).values())  # the case is not empty
