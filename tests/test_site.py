"""Every page of the built site: links, anchors, images, external domains, mailto, and language links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitecheck
from conftest import ROOT
from generator.pipeline import generate
from generator.publishing import page_scan

LANGUAGES = ["en", "fr"]


def allowed_domains() -> list[str]:
    return page_scan.allowed_domains(ROOT, generate(ROOT, LANGUAGES).catalogue)


def test_every_link_anchor_and_image_of_every_page(built_site):
    pages = sitecheck.read_site(built_site)
    assert len(pages) > 600
    assert sitecheck.check_links(built_site, pages, allowed_domains()) == []


def test_no_page_shows_template_or_markdown_leftovers(built_site):
    assert sitecheck.check_leftovers(sitecheck.read_site(built_site)) == []


def test_every_page_declares_its_language_and_links_to_itself_in_the_other(built_site):
    assert sitecheck.check_languages(sitecheck.read_site(built_site), LANGUAGES, "en") == []


def small_site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for path, body in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(body, encoding="utf-8")
    return tmp_path


GOOD = {
    "index.html": '<html lang="en"><a href="./" hreflang="en">EN</a><a href="fr/" hreflang="fr">FR</a>'
                  '<link rel="alternate" hreflang="en" href="./"><link rel="alternate" hreflang="fr" href="fr/">'
                  '<a href="a/#x">x</a><img src="i.png" alt="i"><a href="https://ec.europa.eu/x">EU</a>'
                  '<a href="mailto:help@example.eu">mail</a></html>',
    "fr/index.html": '<html lang="fr"><a href="../" hreflang="en">EN</a><link rel="alternate" hreflang="en" href="../">'
                     '<link rel="alternate" hreflang="fr" href="./"></html>',
    "a/index.html": '<html lang="en"><h2 id="x">x</h2><a href="../fr/a/" hreflang="fr">FR</a>'
                    '<link rel="alternate" hreflang="fr" href="../fr/a/"><link rel="alternate" hreflang="en" href="./"></html>',
    "fr/a/index.html": '<html lang="fr"><a href="../../a/" hreflang="en">EN</a>'
                       '<link rel="alternate" hreflang="en" href="../../a/"><link rel="alternate" hreflang="fr" href="./"></html>',
    "i.png": "",
    # a simulator page: its language links are on one page for every language
    "sim/s.html": '<html lang="en"><a href="languages/s.html">Languages</a></html>',
    "fr/sim/s.html": '<html lang="fr"><a href="../../sim/languages/s.html">Langues</a></html>',
    "sim/languages/s.html": '<html lang="en"><a href="../s.html" hreflang="en">EN</a>'
                            '<a href="../../fr/sim/s.html" hreflang="fr">FR</a></html>',
}


def problems(site: Path) -> list[str]:
    pages = sitecheck.read_site(site)
    return (sitecheck.check_links(site, pages, ["europa.eu"]) + sitecheck.check_languages(pages, LANGUAGES, "en")
            + sitecheck.check_leftovers(pages))


def test_checker_accepts_a_good_site(tmp_path):
    assert problems(small_site(tmp_path, GOOD)) == []


BROKEN = {  # one deliberate mistake in the good site: (page, text, replacement) -> exactly what is reported
    "broken link": ("index.html", 'href="a/#x"', 'href="b/#x"', ["/: broken link 'b/#x'"]),
    "broken anchor": ("index.html", 'href="a/#x"', 'href="a/#y"', ["/: broken anchor 'a/#y'"]),
    "missing alt text": ("index.html", ' alt="i"', "", ["/: 1 image(s) without alt text"]),
    "foreign domain": ("index.html", "https://ec.europa.eu/x", "https://evil.example.com/",
                       ["/: 'https://evil.example.com/' is not on data/link_allowlist.yaml"]),
    "plain http": ("index.html", "https://ec.europa.eu/x", "http://europa.eu/", ["/: 'http://europa.eu/' is not https"]),
    "bad mailto": ("index.html", "mailto:help@example.eu", "mailto:help(at)example.eu",
                   ["/: malformed 'mailto:help(at)example.eu'"]),
    "wrong language link": ("a/index.html", 'href="../fr/a/" hreflang', 'href="../fr/" hreflang',
                            ["a/: language link to 'fr' goes to 'fr/'"]),
    "wrong choice of languages": ("sim/languages/s.html", 'href="../../fr/sim/s.html"', 'href="../../fr/index.html"',
                                  ["fr/sim/s.html: language link to 'fr' goes to 'fr/'",
                                   "sim/s.html: language link to 'fr' goes to 'fr/'"]),
    "wrong html lang": ("fr/index.html", '<html lang="fr">', '<html lang="en">', ["fr/: html lang 'en', expected 'fr'"]),
    "attribute list left over": ("index.html", ">EU</a>", ">EU</a>{ .ern-url }", ["/: shows '{ .' in '{ .ern-url }'"]),
    "link syntax left over": ("a/index.html", ">x</h2>", ">[x](https://europa.eu)</h2>", ["a/: shows '](' in '[x](https://europa.eu)'"]),
}


@pytest.mark.parametrize("page, old, new, expected", BROKEN.values(), ids=BROKEN.keys())
def test_checker_finds_each_mistake(tmp_path, page, old, new, expected):
    assert GOOD[page].count(old) == 1
    assert problems(small_site(tmp_path, {**GOOD, page: GOOD[page].replace(old, new)})) == expected


@pytest.mark.parametrize("markup, expected", [
    ('<a href="javascript:alert(1)">x</a>', "<a href='javascript:alert(1)'>: a javascript: link"),
    ('<a href=" JaVa&#x09;Script:alert(1)">x</a>', "<a href=' JaVa\\tScript:alert(1)'>: a javascript: link"),
    ('<img alt="" src="data:image/svg+xml,x">', "<img src='data:image/svg+xml,x'>: a data: link"),
    ('<a href="http://ern-net.eu/">x</a>', "<a href='http://ern-net.eu/'>: a http: link"),
    ('<a href="//evil.example.com/">x</a>', "<a href='//evil.example.com/'>: a link to another site without https:"),
    ('<a href="https://evil.example.com/">x</a>',
     "<a href='https://evil.example.com/'>: evil.example.com is not on data/link_allowlist.yaml nor given by the catalogue"),
    ('<form action="https://evil.example.com/"></form>',
     "<form action='https://evil.example.com/'>: evil.example.com is not on data/link_allowlist.yaml nor given by the catalogue"),
    ('<p onmouseover="x()">x</p>', "an event handler <p onmouseover=...>"),
    ('<a href="#" style="position:fixed">x</a>', "an inline style <a style='position:fixed'>"),
    ('<iframe src="page.html"></iframe>', "a <iframe> element"),
    # written in ways a quick look could miss: capitals, no space between attributes, a slash, SVG's own link
    ('<A HREF="javascript:x()">x</A>', "<a href='javascript:x()'>: a javascript: link"),
    ('<a title="x"onClick="x()">x</a>', "an event handler <a onclick=...>"),
    ('<a/onclick="x()">x</a>', "an event handler <a onclick=...>"),
    ('<P STYLE = "color:red">x</P>', "an inline style <p style='color:red'>"),
    ('<svg><a xlink:href="javascript:x()">x</a></svg>', "<a xlink:href='javascript:x()'>: a javascript: link"),
    ('<button formaction="javascript:x()">x</button>', "<button formaction='javascript:x()'>: a javascript: link"),
    ('<img alt="" srcset="https://evil.example.com/a.png 2x">',
     "<img srcset='https://evil.example.com/a.png 2x'>: evil.example.com is not on data/link_allowlist.yaml nor given "
     "by the catalogue"),
    ('<p>İstanbul</p><a href="javascript:x()">x</a>', "<a href='javascript:x()'>: a javascript: link"),
    # hidden recipients, a backslash browsers read as //, a second srcset candidate, script, a refresh elsewhere
    ('<a href="mailto:help@ern-net.eu?bcc=spy@evil.example">x</a>',
     "<a href='mailto:help@ern-net.eu?bcc=spy@evil.example'>: a mailto: link with parameters (?cc=, ?bcc=, ?body=...): "
     "recipients the reader does not see"),
    ('<a href="/\\evil.example">x</a>', "<a href='/\\\\evil.example'>: a link with a backslash (browsers read /\\ as //, another site)"),
    ('<img alt="" srcset="a.png 1x, https://evil.example.com/b.png 2x">',
     "<img srcset='a.png 1x, https://evil.example.com/b.png 2x'>: evil.example.com is not on data/link_allowlist.yaml "
     "nor given by the catalogue"),
    ('<script>alert(1)</script>', "a <script> element without src"),
    ('<meta http-equiv="refresh" content="0; url=https://evil.example.com/">',
     "a <meta http-equiv=refresh>"),
])
def test_the_publishing_scan_finds_what_no_template_writes(tmp_path, markup, expected):
    (tmp_path / "page.html").write_text(f"<!doctype html><html><body>{markup}</body></html>", encoding="utf-8")
    assert page_scan.scan(tmp_path, ["ern-net.eu"]) == [f"page.html: {expected}"]


def test_the_publishing_scan_passes_what_the_templates_write(tmp_path):
    (tmp_path / "page.html").write_text(
        '<a href="../x/">a</a> <a href="https://cpms.ern-net.eu/">b</a> <a href="mailto:a@b.eu">c</a> '
        '<a href="#top">d</a> <img alt="" src="assets/x.png"> <script src="assets/x.js"></script>', encoding="utf-8")
    assert page_scan.scan(tmp_path, ["ern-net.eu"]) == []


def test_a_not_found_page_per_language(built_site):
    """The root 404 page is in the default language (not the last one built, mkdocs-static-i18n#284); each other
    language has its own, with its words and a link to its home page."""
    pages = sitecheck.read_site(built_site)
    texts = generate(ROOT, LANGUAGES).texts
    for language in LANGUAGES:
        path = "404.html" if language == LANGUAGES[0] else f"{language}/404.html"
        page = pages[path]
        assert page.lang == language
        home = "/" if language == LANGUAGES[0] else f"/{language}/"
        assert ("a.href", home) in page.links
        title = (built_site / path).read_text(encoding="utf-8").split("<h1>")[1].split("</h1>")[0]
        assert title == texts[language]("not-found.title")  # in its own words


def test_every_page_says_its_referrer_policy_for_hosts_without_headers(built_site):
    """GitHub and GitLab Pages send no headers: the page's own <meta> keeps the reader's address from the sites
    it links to (its Content-Security-Policy is checked in the browser tests)."""
    pages = sorted(built_site.rglob("*.html"))
    missing = [p.relative_to(built_site).as_posix() for p in pages
               if '<meta name="referrer" content="no-referrer">' not in p.read_text(encoding="utf-8")]
    assert pages and missing == []


def test_every_page_declares_its_language_and_direction_on_html(built_site):
    """`dir` on <html>, where the whole document (its title too) takes it, and the same as on <body> where the
    theme puts it there: a right-to-left language reads right to left from the top."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8")
        html_tag = re.search(r"<html\b[^>]*>", text)
        if html_tag is None:  # a redirect stub
            continue
        assert re.search(r'\blang="[\w-]+"', html_tag.group()) and re.search(r'\bdir="(ltr|rtl)"', html_tag.group()), \
            (page, html_tag.group())
        body = re.search(r'<body\b[^>]*\bdir="(\w+)"', text)
        assert body is None or f'dir="{body.group(1)}"' in html_tag.group(), page
