"""The states translators create: French missing one text and a new language with nothing translated yet.

Built as a user builds; every page that shows English in place of a translation says so in its notice box, the
box holds its sentence, and its "How to help" link reaches the language's page for translators (the site's own
link checks and LinkChecker both)."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import sitecheck
from conftest import ROOT, copy_of_project, mkdocs_build, text_of_class, write_yaml
from generator.pipeline import load_texts
from generator.printing.browser import serve
from test_linkchecker import crawl, problems
from test_site import allowed_domains

# Texts every guide shows (a template names them): the one French leaves out, the one whose English changes after
# its translation (so the French is out of date).
DROPPED = "guide.sources.title"
CHANGED = "guide.help.title"
NEW = "it"
_TEXTS = load_texts(ROOT, ["en", "fr"])
TITLES = {"fr": str(_TEXTS["fr"]("untranslated.title.both")), NEW: str(_TEXTS["en"]("untranslated.title"))}


@pytest.fixture(scope="module")
def untranslated_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    project = copy_of_project(tmp_path_factory.mktemp("untranslated"))
    for file in sorted((project / "guides" / "fr").glob("*.yaml")):
        texts = yaml.safe_load(file.read_text(encoding="utf-8"))
        if isinstance(texts, dict) and DROPPED in texts:
            del texts[DROPPED]
            write_yaml(file, texts)
            break
    else:
        pytest.fail(f"no French text {DROPPED!r} to leave out")
    for file in sorted((project / "guides" / "en").glob("*.yaml")):
        texts = yaml.safe_load(file.read_text(encoding="utf-8"))
        if CHANGED in texts:
            texts[CHANGED]["text"] += " (reworded)"
            write_yaml(file, texts)
    subprocess.run([sys.executable, "-m", "generator", "new-language", NEW], cwd=project, check=True,
                   capture_output=True)
    site = project / "site"
    return site, mkdocs_build(project, site)


def notices(page: Path) -> list[str]:
    """The "not yet translated" boxes of a page: the admonitions that link to the language's How-to-help page."""
    return [box for box in text_of_class(page.read_text(encoding="utf-8"), "admonition") if "translate/" in box]


def test_the_build_succeeds_without_unrecognized_links(untranslated_build):
    site, result = untranslated_build
    assert result.returncode == 0, result.stdout + result.stderr
    assert "unrecognized relative link" not in result.stdout + result.stderr


@pytest.mark.parametrize("language, guides", [("fr", "every guide"), (NEW, "every page")])
def test_each_notice_box_holds_its_sentence_and_link(untranslated_build, language, guides):
    site, _ = untranslated_build
    pages = sorted((site / language).rglob("index.html")) if language == NEW else \
        sorted((site / language / "networks").glob("*/index.html"))
    pages = [p for p in pages if p.parent.name not in ("translate", "search") and "sim" not in p.parts]
    assert pages
    for page in pages:
        boxes = notices(page)
        assert len(boxes) == 1, f"{page}: {len(boxes)} notice boxes"
        sentence = boxes[0].split("</p>", 1)[1]  # past the box's title
        assert sentence.count("<p>") == 1 and len(sentence.split("<a ", 1)[0]) > len("<p>") + 10, boxes[0]
        body = page.read_text(encoding="utf-8")
        assert body.index(boxes[0]) < body.index("</article>")
        # French guides miss one text and show one out of date; the new language misses everything
        title = TITLES[language]
        shown = html.unescape(re.sub(r"<[^>]+>", "", boxes[0].split("</p>", 1)[0])).strip()
        assert shown == title, (page, shown)


def test_simulator_pages_of_a_new_language_say_so(untranslated_build):
    site, _ = untranslated_build
    pages = sorted((site / NEW / "sim").rglob("*.html"))
    assert pages and all("sim-untranslated" in p.read_text(encoding="utf-8") for p in pages)


def test_every_how_to_help_link_works(untranslated_build):
    site, _ = untranslated_build
    pages = sitecheck.read_site(site)
    assert sitecheck.check_links(site, pages, allowed_domains()) == []
    for language in ("fr", NEW):
        helping = [(path, url) for path, page in pages.items()
                   if path.startswith(f"{language}/") and path != f"{language}/translate/"  # its language menu
                   for _, url in page.links if url.rstrip("/").endswith("translate")
                   or url.endswith("translate/index.html")]
        assert helping, f"no How-to-help link in {language}"
        for path, url in helping:
            assert sitecheck.resolve(pages[path], url)[0] == f"{language}/translate/", (path, url)


def test_linkchecker_finds_nothing_broken(untranslated_build):
    site, _ = untranslated_build
    assert problems(crawl(site)) == []


def test_english_and_out_of_date_text_are_marked_where_they_are(untranslated_build, browser):
    """In a French guide, the text shown in English is marked as English (screen readers switch voice) and the
    translation made from an older English is marked (<mark>); both look different from the rest, and the
    notice says what the marks mean. English quoted on purpose (the screen's labels) is marked as English too,
    but not highlighted as untranslated."""
    site, _ = untranslated_build
    page = (site / "fr" / "networks").glob("*/index.html").__next__()
    body = page.read_text(encoding="utf-8")
    english = yaml.safe_load((site.parent / "guides" / "en" / "site.yaml").read_text(encoding="utf-8"))
    french = yaml.safe_load((site.parent / "guides" / "fr" / "site.yaml").read_text(encoding="utf-8"))
    assert f'<span lang="en" dir="ltr">{english[DROPPED]["text"]}</span>' in body
    assert f'<mark class="ern-stale">{french[CHANGED]["text"]}</mark>' in body
    with serve(site) as url:
        context = browser.new_context(java_script_enabled=False)
        shown = context.new_page()
        shown.goto(f"{url}/fr/networks/{page.parent.name}/")
        fallback = shown.locator('span[lang="en"][dir="ltr"]:not([translate])').first.evaluate(
            "e => getComputedStyle(e).backgroundColor")
        quoted = shown.locator('span[lang="en"][translate="no"]').first.evaluate(  # a screen label: not untranslated
            "e => getComputedStyle(e).backgroundColor")
        stale = shown.locator("mark.ern-stale").first.evaluate("e => getComputedStyle(e).textDecorationStyle")
        plain = shown.locator("article p").first.evaluate("e => getComputedStyle(e).backgroundColor")
        shown.goto(f"{url}/fr/sim/{page.parent.name}/start.html")  # the practice quotes the screen's words too
        guidance = shown.locator('.sim-guidance span[lang="en"][translate="no"]').first
        practised = guidance.evaluate("e => getComputedStyle(e).backgroundColor")
        around = guidance.evaluate("e => getComputedStyle(e.parentElement.closest('.sim-guidance')).backgroundColor")
        context.close()
    assert practised in ("rgba(0, 0, 0, 0)", around)  # not highlighted as untranslated
    assert fallback != plain and stale == "dashed" and quoted == plain


def test_the_notes_for_translators_are_marked_as_english_and_shown_as_written(untranslated_build):
    """The how-to-help page quotes each text's English note for translators: marked as English (screen readers
    switch voice), shown literally (a note is data, never markup)."""
    site, _ = untranslated_build
    page = (site / "fr" / "translate" / "index.html").read_text(encoding="utf-8")
    items = [item for item in re.findall(r"<li>(.*?)</li>", page, flags=re.S) if f"<code>{DROPPED}</code>" in item
             or f"<code>{CHANGED}</code>" in item]
    assert len(items) == 2
    for item in items:
        assert re.search(r'</code>: <span lang="en" dir="ltr" translate="no">[^<]+</span>$', item.strip()), item
