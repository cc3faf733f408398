"""The words of every language, from `guides/<lang>/`: the texts and their checks (`texts.py`), a language's texts
looked up and filled for a page, English where a translation is missing, stale text marked (`lookup.py`), its
typographic rules (`typography.py`) and its glossary (`glossary.py`).

May import: inputs.
"""
