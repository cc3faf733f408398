"""A new language, registered with the site engine: in mkdocs.yml's i18n languages, and, where the Material
theme has no labels for it, an override that keeps the theme's few labels English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"

# For a language the Material theme does not know (Irish, Maltese...): pages declare the right language,
# while the theme's few labels (search, table of contents) stay English.
THEME_LABELS = """{{#- Material has no '{language}': its labels in English, the page's language declared right. -#}}
{{% import "partials/languages/en.html" as english %}}
{{% macro t(key) %}}{{{{ "{language}" if key == "language" else english.t(key) }}}}{{% endmacro %}}
"""


def registration(root: Path, language: str, name: str) -> dict[Path, str]:
    """The files that register `language` (its menu name `name`): mkdocs.yml with it added, and the theme's
    labels where Material has none; to be written together with the language's files."""
    files = {}
    if not (MATERIAL_LANGUAGES / f"{language}.html").exists():
        files[root / "overrides" / "partials" / "languages" / f"{language}.html"] = THEME_LABELS.format(language=language)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = f"        - {{locale: {language}, name: {json.dumps(name, ensure_ascii=False)}, build: true}}\n"
    anchor = re.search(r"^( *)languages:\n", text[text.index("- i18n:"):], flags=re.M)
    start = text.index("- i18n:") + anchor.end()
    end = start
    while end < len(text) and re.match(r"^ {8}", text[end:]):
        end = text.index("\n", end) + 1
    files[config] = text[:end] + line + text[end:]
    return files
