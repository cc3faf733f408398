"""ERN Guides: turns the ERN catalogue and the translated texts into CPMS onboarding guides.

The folders, from the ground up; each imports only what comes before it, as its own docstring's "May import"
says (tests/test_layout.py):

- `inputs/`: what people write, read with file and line, and the problems found in it;
- `words/`: the texts of every language, their typography and glossary;
- `catalogue/`: the catalogue's models, loading and cross-checks, and the wizard's graph derived from it;
- `guides/`: the guides' pages rendered from both;
- `publishing/`: the docs tree, the scan of every page, the atomic publication, the security headers;
- `simulator/`: the practice's pages, written into the site during the build;
- `printing/`: Chromium, a local server, the PDF guides;
- `pipeline.py`: load, check and render, all in memory;
- `engine/`: the only place that knows MkDocs, Material and mkdocs-static-i18n: the plugin that runs the rest;
- `translating/`: the translators' tools;
- `cli.py`: the `ern-guides` command.
"""
