"""TRANSLATING.md, followed literally on a throwaway copy: every command of its ```sh blocks, in order.

The one manual step, translating the PO file in a tool, is done by the test just before `po-import`.
"""

from __future__ import annotations

import html
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
import yaml

from conftest import ROOT
from generator.pipeline import load_texts
from generator.translating.plural_forms import wanted_keys
from generator.translating.translation import translation

COMMANDS = {"ern-guides": [sys.executable, "-m", "generator"], "mkdocs": [sys.executable, "-m", "mkdocs"]}
TRANSLATED = {"language.name": "Italiano", "guide.heading.cpms2": "{network}: come chiedere l'accesso al {platform}"}


def commands_of(document: Path) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", document.read_text(encoding="utf-8"), flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    program, *args = shlex.split(command)
    result = subprocess.run(COMMANDS[program] + args, cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"`{command}` failed:\n{result.stdout}\n{result.stderr}"
    return result


def translate_in_a_tool(po_file: Path) -> None:
    po = polib.pofile(str(po_file))
    for entry in po:
        if entry.msgctxt in TRANSLATED:
            entry.msgstr = TRANSLATED[entry.msgctxt]
    po.save()


def test_translating_md_works_as_written(project_copy):
    commands = commands_of(ROOT / "TRANSLATING.md")
    assert commands[:3] == ["ern-guides new-language it", "mkdocs build", "ern-guides status"]
    outputs = []
    for command in commands:
        if command.startswith("ern-guides po-import"):
            translate_in_a_tool(project_copy / "it.po")
        outputs.append((command, run(command, project_copy).stdout))

    statuses = [out for command, out in outputs if command == "ern-guides status"]
    total = len(wanted_keys(load_texts(project_copy, ["en"])["en"].source, "it"))  # Italian's forms of each count
    assert f"it: 0/{total} translated, {total} missing" in statuses[0]
    assert f"it: 2/{total} translated, {total - 2} missing, 0 stale" in statuses[1]

    page = (project_copy / "site" / "it" / "networks" / "ern-rnd" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1 [^>]*>ERN-RND: come chiedere l&#39;accesso al CPMS 2.0", page)
    assert "Not yet translated" in page and '<html lang="it"' in page
    assert re.search(r'hreflang="it" class="md-select__link">\s*Italiano\s*</a>', page)
    assert 'placeholder="Cerca"' in page  # Material's own interface strings follow the page language
    assert "{locale: it, name: \"Italiano\", build: true}" in (project_copy / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_changed_english_text_makes_the_translation_stale(project_copy):
    status = run("ern-guides status", project_copy).stdout
    assert "fr: " in status and " 0 stale" in status
    english = project_copy / "guides" / "en" / "site.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "  text: Getting access to the CPMS, step by step", "  text: Getting access to the CPMS"), encoding="utf-8")
    status = run("ern-guides status", project_copy).stdout
    assert "1 stale" in status and "  stale: home.heading" in status
    strict = subprocess.run(COMMANDS["ern-guides"] + ["status", "--strict"], cwd=project_copy, capture_output=True)
    assert strict.returncode == 1
    run("ern-guides po-export fr --output fr.po", project_copy)
    fuzzy = [e.msgctxt for e in polib.pofile(str(project_copy / "fr.po")) if e.fuzzy]
    assert fuzzy == ["home.heading"]
    build = run("mkdocs build", project_copy)  # the build lists it, its page and the "how to help" page mark it
    assert "1 translation(s) into 'fr' made from an earlier English, marked on their pages: home.heading" in build.stderr
    french = load_texts(project_copy, ["en", "fr"])["fr"]
    home = html.unescape((project_copy / "site" / "fr" / "index.html").read_text(encoding="utf-8"))
    assert html.unescape(str(french("untranslated.stale.one", count=1))) in home
    assert html.unescape(str(french("untranslated.title.stale"))) in home  # the title says what the notice is about
    assert html.unescape(str(french("untranslated.title"))) not in home
    helping = (project_copy / "site" / "fr" / "translate" / "index.html").read_text(encoding="utf-8")
    after_heading = html.unescape(helping).split(html.unescape(str(french("translate.stale", count=1))))[-1]
    assert "<code>home.heading</code>" in after_heading


def test_po_round_trip_is_lossless(project_copy):
    """Every text and fingerprint comes back, and an unchanged export imported changes no byte: a translator's
    comments and hand layout stay."""
    folder = project_copy / "guides" / "fr"
    site = folder / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("\n\n", "\n\n# a translator's note: keep it\n", 1),
                    encoding="utf-8")

    def content() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in folder.glob("*.yaml")}
    before = content()
    assert sum(len(yaml.safe_load(text) or {}) for text in before.values()) > 100
    run("ern-guides po-export fr --output fr.po", project_copy)
    imported = run("ern-guides po-import fr fr.po --yes", project_copy)
    assert "0 new, 0 changed" in imported.stdout
    assert content() == before


def test_po_import_rewrites_only_the_entries_it_changes(project_copy):
    """A changed and a new translation are written in place; every other line of the file (comments, layout,
    other entries) stays as it was."""
    run("ern-guides po-export fr --output fr.po", project_copy)
    po = polib.pofile(str(project_copy / "fr.po"))
    changed = next(e for e in po if e.msgstr and "{" not in e.msgid and not e.msgid_plural)
    changed.msgstr += " (revu)"
    po.save()
    file = project_copy / next(e.file for k, e in french_entries(project_copy).items() if k == changed.msgctxt)
    text = file.read_text(encoding="utf-8")
    file.write_text("# a translator's note at the top\n" + text + "# and one at the end\n", encoding="utf-8")
    before = file.read_text(encoding="utf-8").splitlines()
    run("ern-guides po-import fr fr.po --yes", project_copy)
    after = file.read_text(encoding="utf-8").splitlines()
    assert french_entries(project_copy)[changed.msgctxt].text == changed.msgstr
    gone = [line for line in before if line not in after]
    assert gone and all(line.startswith(" ") for line in gone)  # only lines of the changed entry
    assert "# a translator's note at the top" in after and after[-1] == "# and one at the end"


def test_po_import_shows_what_it_would_change_and_writes_only_when_told(project_copy):
    """Without --yes (and no terminal to answer "y"), po-import lists each new text and each change, before and
    after, and writes nothing; with --yes it writes exactly that."""
    run("ern-guides po-export fr --output fr.po", project_copy)
    po = polib.pofile(str(project_copy / "fr.po"))
    changed = next(e for e in po if e.msgstr and "{" not in e.msgid and not e.msgid_plural and not e.fuzzy)
    was = changed.msgstr
    changed.msgstr = "Une traduction revue"
    po.save()
    folder = project_copy / "guides" / "fr"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    shown = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "fr.po"], cwd=project_copy,
                           capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    at = lines.index(f"  ~ {changed.msgctxt}: {' '.join(was.split())}")
    assert lines[at + 1] == "    -> Une traduction revue"
    assert re.search(r"^guides/fr/: 0 new, 1 changed, \d+ fuzzy \(kept stale until reviewed\), \d+ left alone$",
                     shown.stdout, re.M)
    assert lines[-1] == "nothing changed; run again with --yes to apply"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    applied = run("ern-guides po-import fr fr.po --yes", project_copy)
    assert "wrote 0 new and 1 changed translation(s) into guides/fr/" in applied.stdout
    assert french_entries(project_copy)[changed.msgctxt].text == "Une traduction revue"


def test_a_fuzzy_entry_stays_stale_whatever_it_changes(project_copy):
    """A fuzzy entry that rewrites an up-to-date translation is imported stale: `status` counts it until a
    translator unmarks it in the tool (or stamps it)."""
    run("ern-guides po-export fr --output fr.po", project_copy)
    po = polib.pofile(str(project_copy / "fr.po"))
    entry = next(e for e in po if e.msgstr and "{" not in e.msgid and not e.msgid_plural and not e.fuzzy)
    entry.msgstr, entry.flags = "Une proposition à revoir", [*entry.flags, "fuzzy"]
    po.save()
    assert " 0 stale" in run("ern-guides status", project_copy).stdout
    run("ern-guides po-import fr fr.po --yes", project_copy)
    status = run("ern-guides status", project_copy).stdout
    assert f"  stale: {entry.msgctxt}" in status.splitlines() and " 1 stale" in status
    entry.flags = [f for f in entry.flags if f != "fuzzy"]  # reviewed in the tool
    po.save()
    run("ern-guides po-import fr fr.po --yes --force", project_copy)
    assert " 0 stale" in run("ern-guides status", project_copy).stdout


def french_entries(project: Path) -> dict:
    return translation(project, "fr")


@pytest.mark.parametrize("code, theme", [("ga", True), ("de", False)])
def test_languages_the_theme_lacks_get_its_english_labels(project_copy, code, theme):
    run(f"ern-guides new-language {code}", project_copy)
    config = yaml.safe_load((project_copy / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    registered = next(l for p in config["plugins"] if isinstance(p, dict) and "i18n" in p
                      for l in p["i18n"]["languages"] if l["locale"] == code)
    assert registered["name"] == {"ga": "Gaeilge", "de": "Deutsch"}[code]  # its own name, from the CLDR
    assert yaml.safe_load((project_copy / "guides" / code / "typography.yaml").read_text(encoding="utf-8")) == []
    assert (project_copy / "overrides" / "partials" / "languages" / f"{code}.html").exists() == theme
    if theme:  # the site builds, with the theme's labels in English and our texts in the language
        run("mkdocs build", project_copy)
        assert '<html lang="ga"' in (project_copy / "site" / "ga" / "index.html").read_text(encoding="utf-8")


def test_a_new_language_file_accepts_entries_written_below_its_header(project_copy):
    """The files `new-language` makes hold only their header: a translator adds entries below, as TRANSLATING.md
    shows, and the next check reads them (no '{}' left to break the YAML)."""
    run("ern-guides new-language it", project_copy)
    site = project_copy / "guides" / "it" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "language.name:\n  text: Italiano\n", encoding="utf-8")
    assert "it: 1/" in run("ern-guides status", project_copy).stdout


def test_po_import_refuses_a_broken_translation_with_file_line_and_key(project_copy):
    run("ern-guides po-export fr", project_copy)
    po = polib.pofile(str(project_copy / "fr.po"))
    entry = next(e for e in po if e.msgid.count("{") == 1 and "{{" not in e.msgid)
    entry.msgstr = re.sub(r"\{[a-z_]+\}", "{oops}", entry.msgid)
    po.save()
    before = {p.name: p.read_bytes() for p in (project_copy / "guides" / "fr").glob("*.yaml")}
    result = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "fr.po", "--yes"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert re.search(rf"^fr\.po:\d+:1: {re.escape(entry.msgctxt)}: expected placeholders \{{[a-z_]+\}} as in "
                     r"English, got \{oops\}$", result.stderr, flags=re.M), result.stderr
    assert {p.name: p.read_bytes() for p in (project_copy / "guides" / "fr").glob("*.yaml")} == before


@pytest.mark.parametrize("language, guide", [("fr", None), ("fr", "ern-rnd"), ("ar", "ern-rnd")])
def test_the_po_file_passes_msgfmt_check(project_copy, language, guide):
    """GNU gettext's own check (`msgfmt -c`, installed by tests/run): headers complete, formats consistent, plural
    forms as the language has them; a whole language, one guide, a new right-to-left language with six forms."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("msgfmt is missing: `bash tests/run` installs it (apt-get install -y gettext)")
    if language == "ar":
        run("ern-guides new-language ar", project_copy)
    run(f"ern-guides po-export {language} {f'--guide {guide} ' if guide else ''}--output out.po", project_copy)
    result = subprocess.run([msgfmt, "-c", "-o", "/dev/null", "out.po"], cwd=project_copy, capture_output=True,
                            text=True)
    assert (result.returncode, result.stderr) == (0, "")


def test_status_names_texts_that_use_a_variant_the_glossary_avoids(project_copy):
    folder = project_copy / "guides" / "fr"
    (folder / "glossary.yaml").write_text("- prefer: e-mail\n  avoid: [courriel]\n", encoding="utf-8")
    assert "glossary:" not in run("ern-guides status", project_copy).stdout
    site = folder / "site.yaml"
    text = site.read_text(encoding="utf-8")
    key = re.search(r"^([a-z0-9.-]+):\n  text: ", text, flags=re.M).group(1)
    site.write_text(text.replace(f"{key}:\n  text: ", f"{key}:\n  text: Un courriel ", 1), encoding="utf-8")
    strict = subprocess.run(COMMANDS["ern-guides"] + ["status", "--strict"], cwd=project_copy, capture_output=True,
                            text=True)
    assert strict.returncode == 1
    assert re.search(rf"glossary: guides/fr/site\.yaml:\d+:1: {re.escape(key)}: uses 'courriel': the glossary "
                     r"prefers 'e-mail'", strict.stdout), strict.stdout


def test_translators_can_work_one_guide_at_a_time(project_copy, catalogue):
    """`status --guide` and `po-export --guide` keep to the texts one network's reader meets (its guide and its
    practice); every PO entry names the guides and pages that use it."""
    network = catalogue.networks[0].id
    run("ern-guides po-export fr --output all.po", project_copy)
    run(f"ern-guides po-export fr --guide {network} --output one.po", project_copy)
    everything, one = polib.pofile(str(project_copy / "all.po")), polib.pofile(str(project_copy / "one.po"))
    assert 50 < len(one) < len(everything)
    for entry in one:
        places = " ".join(f for f, _ in entry.occurrences)
        assert re.search(rf"guide:(all|\S*\b{network}\b)|simulator|every-page", places), entry.msgctxt
    status = run(f"ern-guides status --guide {network}", project_copy).stdout
    texts = sum(len(entry.msgstr_plural) or 1 for entry in one)  # a plural entry: one text per form of French
    assert re.search(rf"^fr \({network}\): \d+/{texts} translated", status, flags=re.M), status


def test_stamp_signs_off_one_reviewed_text_in_place_and_refuses_an_unreviewed_one(project_copy):
    def git(*args):
        subprocess.run(["git", *args], cwd=project_copy, check=True, capture_output=True)
    git("init", "-q")
    git("-c", "user.email=t@example.eu", "-c", "user.name=t", "commit", "-qam", "start", "--allow-empty")
    git("add", "-A")
    git("-c", "user.email=t@example.eu", "-c", "user.name=t", "commit", "-qm", "texts")
    english = project_copy / "guides" / "en" / "site.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "  text: Getting access to the CPMS, step by step", "  text: Getting access to the CPMS"), encoding="utf-8")
    git("-c", "user.email=t@example.eu", "-c", "user.name=t", "commit", "-qam", "English changed")
    run("ern-guides po-export fr --output fr.po", project_copy)  # Poedit shows what changed in the English
    [fuzzy] = [e for e in polib.pofile(str(project_copy / "fr.po")) if e.fuzzy]
    assert (fuzzy.msgctxt, fuzzy.previous_msgid) == ("home.heading", "Getting access to the CPMS, step by step")
    refused = subprocess.run(COMMANDS["ern-guides"] + ["stamp", "fr", "home.heading"], cwd=project_copy,
                             capture_output=True, text=True)
    assert refused.returncode == 1 and "not stamped: home.heading" in refused.stderr
    french = project_copy / "guides" / "fr" / "site.yaml"
    before = french.read_text(encoding="utf-8")
    reviewed = re.sub(r"(home\.heading:\n  text: )(.*)", r"\1Accéder au CPMS", before, count=1)
    french.write_text(reviewed, encoding="utf-8")
    assert "1 translation(s) marked up to date" in run("ern-guides stamp fr home.heading", project_copy).stdout
    after = french.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(reviewed.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 1 and "source:" in changed[0][1]  # only its source line; the layout is kept
    assert " 0 stale" in run("ern-guides status", project_copy).stdout


def test_a_simulator_page_says_when_some_of_its_texts_are_not_translated(project_copy):
    french = project_copy / "guides" / "fr" / "simulator.yaml"
    text = french.read_text(encoding="utf-8")
    key = re.search(r"^(sim\.[a-z0-9.-]+\.title):\n", text, flags=re.M).group(1)
    french.write_text(re.sub(rf"^{re.escape(key)}:\n(  .*\n)+", "", text, count=1, flags=re.M), encoding="utf-8")
    run("mkdocs build", project_copy)
    texts = load_texts(project_copy, ["en", "fr"])["fr"]
    notice = html.unescape(str(texts("untranslated.body.one", count=1)))
    pages = [p for p in (project_copy / "site" / "fr" / "sim").rglob("*.html")
             if notice in html.unescape(p.read_text(encoding="utf-8"))]
    assert pages, f"no French simulator page says that {key} is shown in English"
    untouched = project_copy / "site" / "sim" / "index.html"
    assert "sim-untranslated" not in untouched.read_text(encoding="utf-8")  # English pages need no notice


def test_every_page_of_a_language_carries_its_full_tag_and_direction(project_copy, catalogue):
    """Material calls pt-BR "pt" and writes its direction on <body>; every page says pt-BR, and the simulator's
    pages of a right-to-left language say so too."""
    for code in ("pt-BR", "ar"):
        run(f"ern-guides new-language {code}", project_copy)
    run("mkdocs build", project_copy)
    site = project_copy / "site"
    for code, direction in (("pt-BR", "ltr"), ("ar", "rtl")):
        for page in ("index.html", f"networks/{catalogue.networks[0].id}/index.html", "404.html", "sim/index.html"):
            text = (site / code / page).read_text(encoding="utf-8")
            assert re.search(rf'<html lang="{code}"', text), f"{code}/{page}"
            assert f'dir="{direction}"' in text, f"{code}/{page}"


def test_english_shown_on_a_french_page_is_marked_as_english(project_copy):
    """Texts not yet translated are shown in English inside lang="en" dir="ltr", on guides and simulator pages;
    the mark never shows anywhere else (titles, attributes, the search index)."""
    (project_copy / "guides" / "fr" / "site.yaml").write_text("# not yet translated\n", encoding="utf-8")
    simulator = project_copy / "guides" / "fr" / "simulator.yaml"
    text = simulator.read_text(encoding="utf-8")
    key = re.search(r"^(sim\.[a-z0-9.-]+\.title):\n", text, flags=re.M).group(1)
    simulator.write_text(re.sub(rf"^{re.escape(key)}:\n(  .*\n)+", "", text, count=1, flags=re.M), encoding="utf-8")
    run("mkdocs build", project_copy)
    site = project_copy / "site"
    home = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1[^>]*><span lang="en" dir="ltr">[^<]+</span></h1>', home)
    assert re.search(r"<title>[^<]*</title>", home)  # the title holds text only
    marked = [p for p in (site / "fr" / "sim").rglob("*.html") if '<span lang="en" dir="ltr">' in p.read_text("utf-8")]
    assert marked, f"no French simulator page marks {key} as English"
    leftovers = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml")
                 and ("\ue000" in p.read_text("utf-8") or "\ue001" in p.read_text("utf-8"))]
    assert leftovers == []


def test_a_translators_day_with_a_tool_that_saves_latin_1_and_html_refused(project_copy):
    """Export one guide's texts, translate them in a tool that saves ISO-8859-1 (valid for gettext), import them;
    a translation holding HTML is refused with file, line, key and the tag; a missing file in one line."""
    run("ern-guides po-export fr --guide ern-rnd --output ern-rnd.po", project_copy)
    po = polib.pofile(str(project_copy / "ern-rnd.po"))
    entry = next(e for e in po if e.msgctxt == "guide.heading")
    entry.msgstr = "{network} : comment demander l'accès au CPMS (édition latine)"
    latin = polib.POFile(encoding="iso-8859-1")  # what such a tool keeps: the entries Latin-1 can hold
    latin.metadata = {**po.metadata, "Content-Type": "text/plain; charset=ISO-8859-1"}
    latin.append(entry)
    po = latin
    po.save(str(project_copy / "ern-rnd.po"))
    assert "é".encode("latin-1") in (project_copy / "ern-rnd.po").read_bytes()
    run("ern-guides po-import fr ern-rnd.po --yes", project_copy)
    french = yaml.safe_load((project_copy / "guides" / "fr" / "site.yaml").read_text(encoding="utf-8"))
    assert french["guide.heading"]["text"].endswith("(édition latine)")

    entry.msgstr = "{network} : <b>comment</b> demander l'accès au CPMS"
    po.save(str(project_copy / "ern-rnd.po"))
    result = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "ern-rnd.po"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"^ern-rnd\.po:\d+:1: guide\.heading: HTML \(<b>\) is not allowed in texts: it would be shown "
                     r"as typed; use \*\*bold\*\*, a new line, or \[a link\]\(https://\.\.\.\)$", result.stderr, re.M)
    missing = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "nothing.po"], cwd=project_copy,
                             capture_output=True, text=True)
    assert missing.returncode == 1 and missing.stderr.splitlines()[0] == "nothing.po:1:1: file not found"
    os.mkfifo(project_copy / "pipe.po")  # read as every input is: a named pipe would block for ever
    piped = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "pipe.po"], cwd=project_copy,
                           capture_output=True, text=True, timeout=30)
    assert piped.returncode == 1 and "pipe.po:1:1: expected a plain file, found a named pipe" in piped.stderr


def test_importing_an_older_po_asks_for_force_and_names_the_entries(project_copy):
    """A PO exported before the English of an entry changed, or before someone edited a translation in the
    files: importing it would undo that work, so it is refused, each entry named, unless --force."""
    run("ern-guides po-export fr --output old.po", project_copy)
    po = polib.pofile(str(project_copy / "old.po"))
    english_changed = next(e for e in po if e.msgstr and not e.fuzzy and "{" not in e.msgid and "\n" not in e.msgid
                           and e.msgctxt.startswith("home."))
    edited = next(e for e in po if e.msgstr and not e.fuzzy and "{" not in e.msgid and "\n" not in e.msgid
                  and e.msgctxt.startswith("guide.") and e.msgctxt != english_changed.msgctxt)
    for language, key, new in (("en", english_changed.msgctxt, english_changed.msgid + " (changed)"),
                               ("fr", edited.msgctxt, edited.msgstr + " (revu)")):
        file = next(p for p in (project_copy / "guides" / language).glob("*.yaml")
                    if key in (yaml.safe_load(p.read_text(encoding="utf-8")) or {}))
        entries = yaml.safe_load(file.read_text(encoding="utf-8"))
        entries[key]["text"] = new
        file.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    edited.msgstr += " (autre)"
    po.save()
    refused = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "old.po"], cwd=project_copy,
                             capture_output=True, text=True)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f": {english_changed.msgctxt}: the English text has changed since this PO was exported" in refused.stderr
    assert f": {edited.msgctxt}: its translation in guides/fr/" in refused.stderr
    assert "was changed after this PO was exported; use --force" in refused.stderr
    run("ern-guides po-import fr old.po --force --yes", project_copy)
    files = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (project_copy / "guides" / "fr").glob("*.yaml")]
    french = {k: v for data in files if isinstance(data, dict) for k, v in data.items()}
    assert french[edited.msgctxt]["text"].endswith("(autre)")


@pytest.mark.parametrize("damage, message", [("unclosed string", "a quoted string is not closed on this line"),
                                             ("unknown keyword", "not a PO file gettext can read")])
def test_a_damaged_po_is_refused_with_its_line_and_nothing_is_written(project_copy, damage, message):
    """A msgstr whose closing quote was lost would be read by gettext's parser with its last character dropped;
    a line no PO file has stops the parser: both are refused with the line, and the files stay as they were."""
    run("ern-guides po-export fr --output fr.po", project_copy)
    lines = (project_copy / "fr.po").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith('msgstr "') and len(line) > 12)
    lines[at] = lines[at][:-1] if damage == "unclosed string" else lines[at].replace("msgstr", "msgtext", 1)
    (project_copy / "fr.po").write_text("\n".join(lines), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (project_copy / "guides" / "fr").glob("*.yaml")}
    result = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "fr.po", "--yes"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"fr.po:{at + 1}:1: {message}"), result.stderr
    assert {p.name: p.read_bytes() for p in (project_copy / "guides" / "fr").glob("*.yaml")} == before


def _hidden_mail_link(po: polib.POFile) -> str:
    entry = next(e for e in po if e.msgctxt == "home.about")
    entry.msgstr = entry.msgid + "\n\n[h]: mailto:spy@evil.example"
    return "home.about: a link definition ([name]: address) is not allowed in texts"


def _private_use(po: polib.POFile) -> str:
    entry = next(e for e in po if e.msgctxt == "home.about")
    entry.msgstr = entry.msgid.replace(" ", "\ue001", 1)
    return "home.about: an invisible or private-use character (U+E001)"


@pytest.mark.parametrize("damage", [_hidden_mail_link, _private_use], ids=["hidden mail link", "private-use character"])
def test_po_import_refuses_what_check_refuses_and_writes_nothing(project_copy, damage):
    """A translation tool can carry anything `check` refuses: po-import refuses it, with its line and key."""
    run("ern-guides po-export fr --output fr.po", project_copy)
    po = polib.pofile(str(project_copy / "fr.po"))
    expected = damage(po)
    po.save(str(project_copy / "fr.po"))
    before = {p.name: p.read_bytes() for p in (project_copy / "guides" / "fr").glob("*.yaml")}
    result = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "fr.po", "--yes"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"^fr\.po:\d+:1: " + re.escape(expected), result.stderr, re.M), result.stderr
    assert {p.name: p.read_bytes() for p in (project_copy / "guides" / "fr").glob("*.yaml")} == before


def test_po_import_skips_obsolete_entries_and_refuses_a_file_too_big(project_copy):
    """`#~` entries are translations a tool keeps for texts no longer used: never imported. A PO over the size
    every input may have is refused before it is read."""
    run("ern-guides po-export fr --output fr.po", project_copy)
    po = polib.pofile(str(project_copy / "fr.po"))
    entry = next(e for e in po if e.msgctxt == "home.about")
    kept = entry.msgstr
    entry.msgstr, entry.obsolete = "Texte d'un ancien fichier.", True
    po.save(str(project_copy / "fr.po"))
    run("ern-guides po-import fr fr.po --yes", project_copy)
    files = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (project_copy / "guides" / "fr").glob("*.yaml")]
    assert next(data for data in files if isinstance(data, dict) and "home.about" in data)["home.about"]["text"] == kept
    big = project_copy / "big.po"
    big.write_bytes((project_copy / "fr.po").read_bytes() + b"#" * 6_000_000)
    result = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "big.po"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.startswith("big.po:1:1: the file is 6.")


def test_a_guides_po_holds_what_is_around_its_pages_too(project_copy):
    """The language menu, the site's name, the navigation (the titles of the site's own pages too) and the notice
    of untranslated texts are on the guide's pages too: a translator given one guide's PO translates them (the
    menu showed "it" until a full export)."""
    run("ern-guides po-export fr --guide ern-rnd --output guide.po", project_copy)
    keys = {entry.msgctxt for entry in polib.pofile(str(project_copy / "guide.po"))}
    english = load_texts(project_copy, ["en"])["en"].source
    for prefix in ("language.", "site.", "nav.", "untranslated."):
        around = {key.removesuffix(".one").removesuffix(".other") for key in english if key.startswith(prefix)}
        assert around and around <= keys, prefix  # a text said for a count: one entry, its key without the form
    assert {"home.heading", "helpdesks.title", "translate.title"} <= keys  # in the navigation of every page
    assert "guide.heading" in keys and "home.intro" not in keys  # the guide's, not another page's


def test_a_text_said_for_a_count_travels_as_one_plural_entry_with_the_languages_forms(project_copy):
    """Italian through a PO: the header says Italian's forms (gettext's Plural-Forms), "1 day" / "2 days" is one
    entry with msgid_plural and a msgstr per form; imported, each form is a text of its own, and the page says
    "1 giorno" and "2 giorni"; a header with another number of forms is refused."""
    from generator.guides.evidence import duration_text
    from generator.catalogue.model import Duration
    from generator.words.lookup import without_marks
    run("ern-guides new-language it", project_copy)
    run("ern-guides po-export it --output it.po", project_copy)
    po = polib.pofile(str(project_copy / "it.po"))
    assert re.fullmatch(r"nplurals=3; plural=.+;", po.metadata["Plural-Forms"])
    days = next(e for e in po if e.msgctxt == "unit.days")
    assert days.msgid_plural and sorted(days.msgstr_plural) == [0, 1, 2]
    days.msgstr_plural = {0: "{count} giorno", 1: "{count} di giorni", 2: "{count} giorni"}
    po.save()
    assert subprocess.run(["msgfmt", "-c", "-o", os.devnull, "it.po"], cwd=project_copy).returncode == 0
    run("ern-guides po-import it it.po --yes", project_copy)
    italian = load_texts(project_copy, ["en", "it"])["it"]
    assert {"unit.days.one", "unit.days.many", "unit.days.other"} <= set(italian.entries)
    assert [without_marks(duration_text(Duration(max=n, unit="days"), italian)).split()[-2:] for n in (1, 2)] == [
        ["1", "giorno"], ["2", "giorni"]]
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.save()
    refused = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "it", "it.po"], cwd=project_copy,
                             capture_output=True, text=True)
    assert refused.returncode == 1 and "it.po:1:1: the header says Plural-Forms: nplurals=2" in refused.stderr


def test_words_of_the_live_screen_stay_as_the_screen_shows_them(project_copy):
    """An English text names the on-screen words it quotes (`labels`); the PO tells the translator to keep them,
    with the glossary's terms the translation uses; `status` flags a translation that translated one, and the
    glossary goes to translation tools as TBX, preferred and deprecated terms marked."""
    from xml.etree import ElementTree
    english = load_texts(project_copy, ["en"])["en"].source
    key, entry = next((k, e) for k, e in english.items() if e.labels and k.startswith("step."))
    label = entry.labels[0]
    run("ern-guides po-export fr --output fr.po", project_copy)
    exported = next(e for e in polib.pofile(str(project_copy / "fr.po")) if e.msgctxt == key)
    assert f"On screen, keep in English, in bold: {'; '.join(entry.labels)}" in exported.comment
    assert any(e.comment and "Glossary: " in e.comment for e in polib.pofile(str(project_copy / "fr.po")))
    assert "label:" not in run("ern-guides status", project_copy).stdout
    file = next(p for p in (project_copy / "guides" / "fr").glob("*.yaml")
                if key in (yaml.safe_load(p.read_text(encoding="utf-8")) or {}))
    texts = yaml.safe_load(file.read_text(encoding="utf-8"))
    texts[key]["text"] = " ".join(texts[key]["text"].split()).replace(f"**{label}**", "**Traduit à tort**")
    file.write_text(yaml.safe_dump(texts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    status = subprocess.run(COMMANDS["ern-guides"] + ["status", "--strict"], cwd=project_copy, capture_output=True,
                            text=True)
    assert status.returncode == 1
    assert re.search(rf"^  label: guides/fr/{file.name}:\d+: {re.escape(key)}: keep \*\*{re.escape(label)}\*\*",
                     status.stdout, re.M), status.stdout
    run("ern-guides glossary-export fr --output fr.tbx", project_copy)
    tree = ElementTree.parse(project_copy / "fr.tbx")
    statuses = [note.text for note in tree.iter("termNote")]
    assert "preferredTerm-admn-sts" in statuses and "deprecatedTerm-admn-sts" in statuses


@pytest.mark.parametrize("code", ["it\n", "it ", "IT", "i"])
def test_a_language_code_is_matched_whole_and_nothing_is_written(project_copy, code):
    """`new-language $'it\n'` once passed a pattern ending in `$` and broke mkdocs.yml: the whole code must be one."""
    before = (project_copy / "mkdocs.yml").read_bytes()
    result = subprocess.run([sys.executable, "-m", "generator", "new-language", code], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (project_copy / "mkdocs.yml").read_bytes() == before
    assert sorted(p.name for p in (project_copy / "guides").iterdir()) == ["en", "fr"]


def test_the_glossary_finds_a_variant_in_its_plural_forms():
    from generator.words.glossary import inflected
    found = lambda term, text: bool(re.search(rf"(?<!\w){inflected(term)}(?!\w)", text, flags=re.I))  # noqa: E731
    assert found("hôpital", "les hôpitaux du pays") and found("hôpital", "un hôpital")
    assert found("seconde preuve", "des secondes preuves") and found("courriel", "vos courriels")
    assert not found("hôpital", "l'hôpitalité") and not found("courriel", "courrielleur")


def test_a_po_file_of_another_language_is_refused_and_changes_nothing(project_copy):
    run("ern-guides new-language it", project_copy)
    run("ern-guides po-export fr", project_copy)  # French, with its Language: fr header
    before = {p.name: p.read_bytes() for p in (project_copy / "guides" / "it").iterdir()}
    result = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "it", "fr.po"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the header says Language: fr, but this is an import into 'it'" in result.stderr
    assert {p.name: p.read_bytes() for p in (project_copy / "guides" / "it").iterdir()} == before


ONE_TEXT = {"ar": {"zero": "لا نص", "one": "نص واحد", "two": "نصان"}}  # Arabic says one and two without a number


@pytest.mark.parametrize("code, forms", [("pl", ["one", "few", "many"]),
                                         ("ar", ["zero", "one", "two", "few", "many", "other"]),
                                         ("ja", ["other"])])
def test_every_plural_form_of_the_language_survives_a_round_trip(project_copy, code, forms):
    """Polish, Arabic and Japanese through a PO: each text said for a count has the language's own forms (the
    CLDR's, whatever English has), each kept through import and export; a form may leave the count out where
    the language says it in words; a fully translated language is 100% translated."""
    run(f"ern-guides new-language {code}", project_copy)
    run(f"ern-guides po-export {code} --output {code}.po", project_copy)
    po = polib.pofile(str(project_copy / f"{code}.po"))
    plurals = [e for e in po if e.msgid_plural]
    assert plurals and all(sorted(e.msgstr_plural) == list(range(len(forms))) for e in plurals)
    for entry in po:
        if entry.msgid_plural:  # a distinct text for each form
            entry.msgstr_plural = {i: ONE_TEXT.get(code, {}).get(form) if entry.msgctxt == "untranslated.body"
                                   and form in ONE_TEXT.get(code, {}) else f"{entry.msgid_plural} [{form}]"
                                   for i, form in enumerate(forms)}
        else:
            entry.msgstr = entry.msgid
    po.save()
    run(f"ern-guides po-import {code} {code}.po --yes", project_copy)
    run(f"ern-guides po-export {code} --output again.po", project_copy)
    again = {e.msgctxt: (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(project_copy / "again.po"))}
    assert {e.msgctxt: (e.msgstr, e.msgstr_plural) for e in po} == again
    status = run("ern-guides status", project_copy).stdout
    line = next(line for line in status.splitlines() if line.startswith(f"{code}: "))
    done, total = re.match(rf"{code}: (\d+)/(\d+) translated, 0 missing, 0 stale, 0 placeholder", line).groups()
    assert done == total
    texts = load_texts(project_copy, ["en", code])[code]
    assert {f"untranslated.body.{form}" for form in forms} <= set(texts.entries)
    checked = run("ern-guides check", project_copy).stderr  # counts as status does: nothing missing
    assert f"guides/{code}/" not in checked, checked


def test_po_import_refuses_what_it_cannot_write_or_read_at_the_msgstr_line(project_copy):
    """Nothing lost in silence: an entry whose key no English text has, a plural form the language lacks, a file
    in UTF-8 under another charset's name: each stops the import, at its `msgstr` line, and nothing changes. A
    file that names no language is imported as asked, with a warning."""
    run("ern-guides po-export fr --output fr.po", project_copy)
    po = polib.pofile(str(project_copy / "fr.po"))
    po.append(polib.POEntry(msgctxt="gone.since.export", msgid="Old text", msgstr="Ancien texte"))
    counted = next(e for e in po if e.msgid_plural)
    counted.msgstr_plural = {**counted.msgstr_plural, 3: "{count} de trop"}
    po.save()
    folder = project_copy / "guides" / "fr"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "fr.po", "--yes"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = (project_copy / "fr.po").read_text(encoding="utf-8").splitlines()
    found = dict(re.findall(r"^fr\.po:(\d+):1: (\S+): ", result.stderr, flags=re.M)[::-1])
    assert set(found.values()) == {"gone.since.export", f"{counted.msgctxt}.msgstr[3]"}, result.stderr
    assert all(lines[int(n) - 1].startswith("msgstr") for n in found), result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before

    broken = subprocess.run(COMMANDS["ern-guides"] + ["po-export", "fr", "--output", "other.po"], cwd=project_copy)
    assert broken.returncode == 0
    po = polib.pofile(str(project_copy / "other.po"))
    po.metadata["Content-Type"] = "text/plain; charset=ISO-8859-1"
    del po.metadata["Language"]
    (project_copy / "latin.po").write_bytes(str(po).encode("utf-8"))  # UTF-8 bytes, a Latin-1 header
    mislabelled = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "latin.po", "--yes"],
                                 cwd=project_copy, capture_output=True, text=True)
    assert mislabelled.returncode == 1
    assert re.search(r"^latin\.po:\d+:1: the header declares charset=ISO-8859-1, but the file is written in UTF-8",
                     mislabelled.stderr, flags=re.M), mislabelled.stderr
    (project_copy / "nameless.po").write_bytes(str(po).replace("charset=ISO-8859-1", "charset=UTF-8").encode())
    nameless = subprocess.run(COMMANDS["ern-guides"] + ["po-import", "fr", "nameless.po", "--yes"],
                              cwd=project_copy, capture_output=True, text=True)
    assert nameless.returncode == 0 and "warning: nameless.po: the header names no Language" in nameless.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # an unchanged export changes nothing
