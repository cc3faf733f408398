"""The translators' tools: coverage and staleness, which texts a guide shows, stamping, a new language, the
pseudo-language (`translation.py`); a language's plural forms, by the CLDR's rules, whatever English has
(`plural_forms.py`); a language's file changed entry by entry, in place, its comments kept
(`entries_in_place.py`); gettext PO files exported with notes and imported checked as `check` checks (`po.py`).
Tools at the top, like the command line: they run the whole pipeline.

May import: inputs, words, catalogue, guides, publishing, simulator, pipeline, engine.
"""
