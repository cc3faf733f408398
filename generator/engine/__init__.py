"""Everything that knows the site engine (MkDocs 1.x, the Material theme, mkdocs-static-i18n) and works around
them: the rest of the generator makes Markdown, HTML and data and imports none of them (tests/test_layout.py).

- `mkdocs_plugin.py`: the `ern-guides` plugin: generates the pages at the start of every build and serve,
  publishes atomically (`ErnGuidesPlugin`), keeps `serve` answering after a bad edit (`_Serving`), and sets right
  what Material and static-i18n make of the pages (`_PageWorkarounds`: search index and 404 page per language,
  sitemaps, hreflang, the search dialog's name);
- `i18n_alternates.py`: mkdocs-static-i18n's search for alternates, in linear time;
- `material_output.py`: Material's site set right after the build (a search index per language, sitemaps);
- `languages.py`: registering a new language with the engine (mkdocs.yml, Material's labels).

May import: inputs, words, catalogue, guides, publishing, simulator, printing, pipeline.
"""
