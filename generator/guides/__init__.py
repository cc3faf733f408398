"""The guides' pages, rendered: one network's guide composed from the catalogue and the shared defaults
(`guide.py`); what pages say of the facts, in the reader's language (`phrases.py`); dates and durations in the
reader's words (`evidence.py`); a long on-screen list cut to the rows around the reader's choice (`excerpt.py`);
the Jinja environment and every page of every language (`render.py`), with its compiled templates kept between
builds (`compiled_templates.py`). The templates themselves are in `generator/templates/`.

May import: inputs, words, catalogue.
"""
