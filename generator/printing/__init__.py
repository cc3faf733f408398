"""Printing: finding a Chromium (Playwright's own, else the system's) and serving a folder on 127.0.0.1 as the
README's server set-up does (`browser.py`); the guides printed to A4 PDF from the built site (`pdf.py`).

May import: inputs, words, catalogue, guides, publishing.
"""
