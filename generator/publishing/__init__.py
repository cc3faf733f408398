"""Publishing and its safety: the docs tree the engine builds from, refusing odd files in `docs/`
(`staging.py`); the atomic exchange of `site/` (`publish.py`); the scan of every page
before it is published, so that no link, handler or style our templates did not write gets out (`page_scan.py`);
the security headers (`headers.py`).

May import: inputs, words, catalogue.
"""
