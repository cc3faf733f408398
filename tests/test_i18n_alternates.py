"""generator/engine/i18n_alternates.py chooses exactly the files and alternates mkdocs-static-i18n's own code chooses."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File, Files

from generator.engine import i18n_alternates

LANGUAGES = ["en", "fr", "de", "pt-BR"]
# Pages and assets in some languages only, one in a language folder the site does not build (it), pages and an
# asset outside any language folder (one beside the same page in en/), one language twice, a theme file.
SOURCES = ["en/index.md", "fr/index.md", "de/index.md", "pt-BR/index.md",
           "en/a.md", "fr/a.md", "it/a.md", "de/a.md", "a.md",
           "en/networks/b.md", "pt-BR/networks/b.md", "de/networks/b.md",
           "en/assets/logo.png", "fr/assets/logo.png", "robots.txt", "fr/c.md", "de/c.md", "de/c.md", "d.md"]
DOCS, SITE = "/docs", "/site"


CONFIG = SimpleNamespace(docs_dir=DOCS, site_dir=SITE, use_directory_urls=True)


class Plugin:
    """What the two methods read of mkdocs-static-i18n's plugin in one language's pass."""

    def __init__(self, current: str, fallback: bool, structure: str, files_method, alternates_method):
        self.config = SimpleNamespace(fallback_to_default=fallback, docs_structure=structure)
        self.current_language, self.default_language = current, "en"
        self.all_languages = self.build_languages = LANGUAGES
        self._files, self._alternates = files_method, alternates_method

    def reconfigure_files(self, files, config):
        return self._files(self, files, config)

    def reconfigure_files_alternates(self, *args):
        return self._alternates(self, *args)


def files() -> Files:
    theme = File("main.html", "/theme", SITE, True)
    return Files([File(path, DOCS, SITE, True) for path in SOURCES] + [theme])


def chosen(result) -> list:
    return [(f.src_uri, f.dest_uri, f.url,
             sorted((language, a.src_uri, a.dest_uri, a.url) for language, a in getattr(f, "alternates", {}).items()))
            for f in result]


@pytest.mark.parametrize("structure", ["folder", "suffix"])
@pytest.mark.parametrize("fallback", [False, True])
@pytest.mark.parametrize("current", LANGUAGES)
def test_the_same_files_and_alternates_as_the_original(current, fallback, structure):
    original = Plugin(current, fallback, structure, i18n_alternates.ORIGINAL_FILES, i18n_alternates.ORIGINAL)
    faster = Plugin(current, fallback, structure, i18n_alternates.reconfigure_files,
                    i18n_alternates.reconfigure_files_alternates)
    expected = chosen(original.reconfigure_files(files(), CONFIG))
    assert chosen(faster.reconfigure_files(files(), CONFIG)) == expected
    if structure == "folder":  # the case is not empty (these paths are not the suffix structure's)
        assert any(len(alternates) > 2 for *_, alternates in expected)


def test_a_file_s_language_comes_from_its_folder():
    assert i18n_alternates.folder_language("pt-BR/networks/b.md", LANGUAGES) == "pt-BR"
    assert i18n_alternates.folder_language("it/a.md", LANGUAGES) == "it"  # a locale folder not built
    assert i18n_alternates.folder_language("networks/b.md", LANGUAGES) is None
