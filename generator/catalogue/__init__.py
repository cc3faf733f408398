"""The catalogue, `data/ern_catalogue.yaml`: its records as frozen models, the one definition behind validation
and the JSON Schema (`model.py`, with `guide_settings.py` and `model_types.py`; `schema.json` is written from
them); loading it with every problem at its file and line (`load.py`); the cross-checks its types cannot see
(`references.py`, with `platform_check.py`); what follows from it alone: the access-request wizard as a graph
of states for each network (`wizard.py`), which English texts state facts without a source
(`traceability.py`); and a network's member list imported from a spreadsheet (`hospitals_import.py`).

May import: inputs, words.
"""
