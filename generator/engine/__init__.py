"""Everything that knows the site engine (MkDocs 1.x, the Material theme, mkdocs-static-i18n) and works around
them: the rest of the generator makes Markdown, HTML and data and imports none of them (tests/test_layout.py).

- `mkdocs_plugin.py`: the `ern-guides` plugin: generates the pages at the start of every build and serve,
  publishes atomically (`ErnGuidesPlugin`), keeps `serve` answering after a bad edit (`_Serving`), and sets right
  what Material and static-i18n make of the pages (`_PageWorkarounds`: search index and 404 page per language,
  sitemaps, hreflang, the search dialog's name);
- `i18n_alternates.py`: mkdocs-static-i18n's search for alternates, in linear time;
- `strict_mode.py`: the site published, unless strict mode is about to abort the build for its warnings;
- `material_output.py`: Material's site set right after the build (a search index per language, sitemaps);
- `languages.py`: registering a new language with the engine (mkdocs.yml, Material's labels).

Each workaround names the upstream issue behind it (or that none was found); `tests/test_engine_upstream.py`
builds a tiny site with MkDocs, Material and mkdocs-static-i18n alone and fails, naming the workaround, when the
behaviour it works around changes: one search index for all languages (ultrabug/mkdocs-static-i18n#33, #98),
the root 404 page of the last language (#284), the locale in `<html lang>` (#193), sitemaps fetched beside
alternates (squidfunk/mkdocs-material#6582), relative hreflang alternates and the unnamed search dialog (none
found), the table of contents' spaces (none found), strict mode's warnings counted after `post_build`
(mkdocs/mkdocs#1613). `tests/test_i18n_alternates.py` compares `i18n_alternates.py` with the code it replaces.

May import: inputs, words, catalogue, guides, publishing, simulator, printing, pipeline.
"""
