"""Every page of the built site: links, anchors, images, external domains, mailto, and language links."""

from __future__ import annotations

from pathlib import Path

import yaml

import sitecheck
from conftest import ROOT
from generator.pipeline import generate

LANGUAGES = ["en", "fr"]


def allowed_domains() -> list[str]:
    listed = yaml.safe_load((ROOT / "data" / "link_allowlist.yaml").read_text(encoding="utf-8"))["domains"]
    websites = [n.website for n in generate(ROOT, LANGUAGES).catalogue.networks if n.website]
    return listed + [w.split("/")[2] for w in websites]


def test_every_link_anchor_and_image_of_every_page(built_site):
    pages = sitecheck.read_site(built_site)
    assert len(pages) > 600
    assert sitecheck.check_links(built_site, pages, allowed_domains()) == []


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
}


def problems(site: Path) -> list[str]:
    pages = sitecheck.read_site(site)
    return sitecheck.check_links(site, pages, ["europa.eu"]) + sitecheck.check_languages(pages, LANGUAGES, "en")


def test_checker_accepts_a_good_site(tmp_path):
    assert problems(small_site(tmp_path, GOOD)) == []


def test_checker_finds_a_broken_link(tmp_path):
    site = small_site(tmp_path, {**GOOD, "index.html": GOOD["index.html"].replace('href="a/#x"', 'href="b/#x"')})
    assert problems(site) == ["/: broken link 'b/#x'"]


def test_checker_finds_a_broken_anchor(tmp_path):
    site = small_site(tmp_path, {**GOOD, "index.html": GOOD["index.html"].replace('href="a/#x"', 'href="a/#y"')})
    assert problems(site) == ["/: broken anchor 'a/#y'"]


def test_checker_finds_a_missing_alt_text(tmp_path):
    site = small_site(tmp_path, {**GOOD, "index.html": GOOD["index.html"].replace(' alt="i"', "")})
    assert problems(site) == ["/: 1 image(s) without alt text"]


def test_checker_finds_a_wrong_language_link(tmp_path):
    site = small_site(tmp_path, {**GOOD, "a/index.html": GOOD["a/index.html"].replace('href="../fr/a/" hreflang', 'href="../fr/" hreflang')})
    assert problems(site) == ["a/: language link to 'fr' goes to 'fr/'"]


def test_checker_finds_foreign_and_plain_http_links_and_bad_mail(tmp_path):
    body = GOOD["index.html"].replace("https://ec.europa.eu/x", "https://evil.example.com/").replace(
        "mailto:help@example.eu", "mailto:help(at)example.eu") + '<a href="http://europa.eu/">x</a>'
    site = small_site(tmp_path, {**GOOD, "index.html": body})
    assert problems(site) == ["/: 'https://evil.example.com/' is not on data/link_allowlist.yaml",
                              "/: malformed 'mailto:help(at)example.eu'", "/: 'http://europa.eu/' is not https"]


def test_checker_finds_a_wrong_html_lang(tmp_path):
    site = small_site(tmp_path, {**GOOD, "fr/index.html": GOOD["fr/index.html"].replace('<html lang="fr">', '<html lang="en">')})
    assert problems(site) == ["fr/: html lang 'en', expected 'fr'"]
