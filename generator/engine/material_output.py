"""What Material leaves in the built site, set right after the build: one search index per language instead of
one for all, and the sitemaps Material's language links fetch."""

from __future__ import annotations

import json
from pathlib import Path

from generator.guides.phrases import site_path
from generator.words.lookup import without_marks

SEARCH_INDEX = "search/search_index.json"


def split_search_index(site: Path, languages: list[str]) -> None:
    """Material's search index holds every language's pages (mkdocs-static-i18n adds every language to the one
    index: ultrabug/mkdocs-static-i18n#33; asked for per language in #98): one index per language instead, beside
    that language's pages, so that a reader downloads only theirs (overrides/assets/javascripts/ern-search.js)."""
    whole = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    for language in languages:
        prefix = site_path(language, "")
        others = tuple(site_path(other, "") for other in languages if other != language and site_path(other, ""))
        docs = [doc for doc in whole["docs"]
                if doc["location"].startswith(prefix) and not doc["location"].startswith(others)]
        config = {**whole["config"], "lang": [language] if language in whole["config"]["lang"] else ["en"]}
        target = site / site_path(language, SEARCH_INDEX)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(without_marks(json.dumps({"config": config, "docs": docs}, ensure_ascii=False,
                                                   separators=(",", ":"))), encoding="utf-8")


EMPTY_SITEMAP = b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def write_sitemaps(site: Path, pages: dict[str, str], languages: list[str]) -> None:
    """Material fetches sitemap.xml beside every hreflang alternate of a page (mkdocs-material#6582); without
    one there, each page view logs 404s. An empty sitemap where it looks keeps hreflang page-accurate. Written
    after the build: staged, mkdocs-static-i18n would work out every language's alternates of each of them."""
    for path in pages:
        language, _, rest = path.partition("/")
        if rest.endswith(".md") and rest != "index.md":
            target = site / site_path(language, f"{rest[:-3]}/sitemap.xml")
        elif rest == "index.md" and language != languages[0]:  # the default language has MkDocs' own
            target = site / site_path(language, "sitemap.xml")
        else:
            continue
        if target.parent.is_dir():
            target.write_bytes(EMPTY_SITEMAP)
