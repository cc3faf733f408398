"""The practice: the access-request simulator's plain-HTML pages, in every language, from the graph of states
that `catalogue/wizard.py` derives (`pages.py`), and their writing into the site during the build, languages
shared out among forked processes (`writer.py`, `forking.py`), each page scanned as it is written.

May import: inputs, words, catalogue, guides, publishing.
"""
