"""What people write, read so that every mistake can point at its place: YAML loaded with the file, line and
column of every value (`yamlsource.py`), and the problems found in it, printed as `file:line:col: what was
expected` and collected into one error (`errors.py`); and the project's own files written back as one change,
one change or build at a time (`writing.py`).

May import: nothing of the generator.
"""
