"""What MkDocs, Material and mkdocs-static-i18n do that `generator/engine/` works around, each checked on a tiny
two-language site built with them alone (no ern-guides plugin). A test here fails when upstream behaviour
changes under a workaround: its message says which workaround to revisit, and the upstream issue behind it.
(mkdocs-static-i18n's alternates, which `engine/i18n_alternates.py` replaces, are compared with the originals
in tests/test_i18n_alternates.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.engine import material_output, mkdocs_plugin

MKDOCS_YML = """\
site_name: Canary
site_url: https://example.org/guides/
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: pt-BR, name: Português, build: true}
hooks:
  - hooks.py
"""

# What the build shows a plugin: the table of contents' titles, and whether post_build ran; "WARN" on a page
# logs a warning, for strict mode.
HOOKS = """\
import json, logging
from pathlib import Path

seen = {"toc": [], "post_build": 0}

def on_page_content(html, page, config, files):
    seen["toc"] += [item.title for item in page.toc.items for item in [item, *item.children]]
    if "WARN" in html:
        logging.getLogger("mkdocs.hooks").warning("a warning, for strict mode")
    return html

def on_post_build(config):
    seen["post_build"] += 1
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen), encoding="utf-8")
"""

PAGES = {"en/index.md": "# Home\n\nHello.\n", "en/page.md": "# Page\n\nA page.\n\n## Before\u202f: after\n",
         "pt-BR/index.md": "# Início\n\nOlá.\n", "pt-BR/page.md": "# Página\n\nUma página.\n"}


def build(project: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *options], cwd=project, text=True,
                          capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=120)


def project(root: Path, pages: dict[str, str]) -> Path:
    for path, text in {"mkdocs.yml": MKDOCS_YML, "hooks.py": HOOKS, **{f"docs/{p}": t for p, t in pages.items()}}.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = project(tmp_path_factory.mktemp("upstream"), PAGES)
    done = build(root)
    assert done.returncode == 0, done.stderr
    return root / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_one_search_index_holds_every_language(site):
    """material_output.split_search_index: mkdocs-static-i18n adds every language's pages to one index
    (ultrabug/mkdocs-static-i18n#33, #98)."""
    index = json.loads(read(site, material_output.SEARCH_INDEX))
    languages = {"pt-BR" if doc["location"].startswith("pt-BR/") else "en" for doc in index["docs"]}
    assert languages == {"en", "pt-BR"}, "upstream now writes one index per language: drop split_search_index"
    assert not (site / "pt-BR" / material_output.SEARCH_INDEX).exists()


def test_the_last_language_pass_writes_the_root_404_page(site):
    """_PageWorkarounds._write_not_found_pages: each language pass writes the root 404.html, the last one wins
    (ultrabug/mkdocs-static-i18n#284)."""
    assert '<html lang="pt"' in read(site, "404.html"), "upstream now keeps the default language's 404 page"
    assert not (site / "pt-BR" / "404.html").exists(), "upstream now writes a 404 page per language"


def test_material_fetches_a_sitemap_beside_each_language_alternate(site):
    """material_output.write_sitemaps: Material's script fetches sitemap.xml from the root of each alternate it
    follows (squidfunk/mkdocs-material#6582), and none is written beside a page."""
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.js")).read_text(encoding="utf-8")
    assert "sitemap.xml" in bundle, "Material no longer fetches sitemaps: drop write_sitemaps"
    assert not (site / "page" / "sitemap.xml").exists()


def test_material_tags_a_regional_language_with_its_own_name(site):
    """mkdocs_plugin._tag_language: Material writes its language file's name (pt) for pt-BR, not the locale
    the page is built for (ultrabug/mkdocs-static-i18n#193)."""
    assert '<html lang="pt"' in read(site, "pt-BR/index.html"), "Material now tags pages with their locale"


def test_material_writes_language_alternates_relative_to_the_page(site):
    """mkdocs_plugin.ALTERNATE: hreflang alternates are relative even with a site_url, where search engines
    expect absolute addresses (no upstream issue found, December 2026)."""
    alternates = mkdocs_plugin.ALTERNATE.findall(read(site, "page/index.html"))
    assert alternates, "Material's alternate links changed form: mkdocs_plugin.ALTERNATE no longer finds them"
    assert all(not href.startswith("https://") for _, href, _ in alternates), "Material now writes absolute ones"


def test_material_search_dialog_has_no_name(site):
    """mkdocs_plugin._name_search_dialog: Material's search dialog has no accessible name (axe: aria-dialog-name;
    no upstream issue found, December 2026)."""
    page = read(site, "index.html")
    assert mkdocs_plugin.SEARCH_DIALOG in page, "Material's search dialog changed: SEARCH_DIALOG finds nothing"
    assert 'role="dialog" aria-label' not in page


def test_the_table_of_contents_loses_a_languages_spaces(site):
    """_PageWorkarounds.on_page_content: the table of contents' titles have their narrow no-break spaces
    (French typography) made plain (no upstream issue found, December 2026)."""
    titles = json.loads((site.parent / "seen.json").read_text(encoding="utf-8"))["toc"]
    assert "Before : after" in titles, "the contents now keep a heading's spaces: drop _retitle"


def test_strict_mode_aborts_only_after_post_build(tmp_path):
    """engine/strict_mode.py: MkDocs counts warnings and aborts a strict build after post_build
    (mkdocs/mkdocs#1613), when the plugin publishes; so the plugin counts them too."""
    root = project(tmp_path, {**PAGES, "en/warned.md": "# Warned\n\nWARN\n"})
    done = build(root, "--strict")
    assert done.returncode != 0 and "strict mode" in done.stderr
    seen = json.loads((root / "seen.json").read_text(encoding="utf-8"))
    assert seen["post_build"] > 0, "MkDocs now aborts a strict build before post_build: _Publishing can stop counting"
