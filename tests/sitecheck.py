"""Checks over the built site's files: every link, anchor and image, and the language links of each page.

Used by tests/test_site.py on the real site and tested itself on small broken pages.
"""

from __future__ import annotations

import html.parser
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


@dataclass
class Page:
    path: str  # site-relative URL path of the page, e.g. "fr/networks/ern-rnd/"
    lang: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag.attribute, url)
    images_without_alt: int = 0
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> url (<link rel=alternate>)
    switches: dict[str, str] = field(default_factory=dict)  # hreflang -> url (language menu links)
    text: list[str] = field(default_factory=list)  # what a reader sees: text outside script, style and code


class _Parser(html.parser.HTMLParser):
    HIDDEN = {"script", "style", "code", "pre", "template"}

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.hidden = 0

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.page.text.append(data)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        page = self.page
        if tag in self.HIDDEN:
            self.hidden += 1
        if tag == "html":
            page.lang = a.get("lang", "")
        for key in ("id", "name"):
            if a.get(key):
                page.ids.add(a[key])
        if tag == "a" and a.get("href") is not None:
            page.links.append(("a.href", a["href"]))
            if a.get("hreflang"):
                page.switches[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("href"):
            if a.get("rel") == "alternate" and a.get("hreflang"):
                page.alternates[a["hreflang"]] = a["href"]
            elif a.get("rel") in ("stylesheet", "icon"):
                page.links.append(("link.href", a["href"]))
        elif tag in ("img", "script") and a.get("src"):
            page.links.append((f"{tag}.src", a["src"]))
        if tag == "img" and a.get("alt") is None:
            page.images_without_alt += 1


def url_path(site: Path, file: Path) -> str:
    relative = file.relative_to(site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def read_site(site: Path) -> dict[str, Page]:
    pages = {}
    for file in sorted(site.rglob("*.html")):
        page = Page(url_path(site, file))
        _Parser(page).feed(file.read_text(encoding="utf-8"))
        pages[page.path] = page
    return pages


def resolve(page: Page, url: str) -> tuple[str, str]:
    """A relative link of a page -> (site path, fragment)."""
    parts = urlsplit(url)
    base = page.path if page.path.endswith("/") or not page.path else posixpath.dirname(page.path) + "/"
    target = posixpath.normpath(posixpath.join("/" + base, unquote(parts.path))).lstrip("/") if parts.path else page.path
    if parts.path.endswith("/") and target and not target.endswith("/"):
        target += "/"
    if target == ".":
        target = ""
    if target == "index.html" or target.endswith("/index.html"):
        target = target[: -len("index.html")]
    return target, parts.fragment


def check_links(site: Path, pages: dict[str, Page], allowed: list[str]) -> list[str]:
    problems = []
    for page in pages.values():
        if page.images_without_alt:
            problems.append(f"{page.path or '/'}: {page.images_without_alt} image(s) without alt text")
        for where, url in page.links:
            scheme = urlsplit(url).scheme
            if scheme == "mailto":
                if not EMAIL.match(url[len("mailto:"):]):
                    problems.append(f"{page.path or '/'}: malformed {url!r}")
            elif scheme in ("http", "https"):
                host = urlsplit(url).hostname or ""
                if scheme != "https":
                    problems.append(f"{page.path or '/'}: {url!r} is not https")
                elif not any(host == d or host.endswith("." + d) for d in allowed):
                    problems.append(f"{page.path or '/'}: {url!r} is not on data/link_allowlist.yaml")
            elif scheme == "data" and where == "img.src":
                continue
            elif scheme:
                problems.append(f"{page.path or '/'}: {where} {url!r} has a forbidden scheme")
            else:
                target, fragment = resolve(page, url)
                file = site / (target + "index.html" if target.endswith("/") or target == "" else target)
                if not file.is_file() and (site / target).is_dir():
                    file = site / target / "index.html"
                if not file.is_file():
                    problems.append(f"{page.path or '/'}: broken link {url!r}")
                elif fragment and target in pages and fragment not in pages[target].ids:
                    problems.append(f"{page.path or '/'}: broken anchor {url!r}")
    return problems


# What a template or Markdown left unprocessed: attribute lists, Jinja, link syntax.
LEFTOVERS = ("{ .", "{:", "{{", "{%", "](")


def check_leftovers(pages: dict[str, Page]) -> list[str]:
    """No page shows a reader template or Markdown syntax that was meant to be processed."""
    return [f"{page.path or '/'}: shows {leftover!r} in {' '.join(piece.split())[:80]!r}"
            for page in pages.values() for piece in page.text for leftover in LEFTOVERS if leftover in piece]


def _simulator_state(path: str) -> bool:
    """A simulator page behind screen 1, which lists no language alternates for search engines."""
    return path.startswith("sim/") and path != "sim/index.html" and not path.endswith("/start.html")


def check_languages(pages: dict[str, Page], languages: list[str], default: str) -> list[str]:
    """Every page declares its language, and its language links lead to the same page in the others."""
    problems = []

    def language_of(path: str) -> str:
        first = path.split("/", 1)[0]
        return first if first in languages and first != default else default

    def strip(path: str) -> str:
        return path.split("/", 1)[1] if language_of(path) != default else path

    def switches(page: Page) -> tuple[Page, dict[str, str]]:
        """A page's language links, or, for a simulator page, those of the page of language choices it links to
        (with that page, which they are relative to)."""
        for _, url in page.links:
            target, _ = resolve(page, url)
            if _language_choices(target) and target in pages:
                return pages[target], pages[target].switches
        return page, page.switches

    for page in pages.values():
        if page.path.startswith("404") or "/404" in page.path:
            continue
        expected = language_of(page.path)
        if page.lang != expected:
            problems.append(f"{page.path or '/'}: html lang {page.lang!r}, expected {expected!r}")
        if _language_choices(page.path):  # one page for every language: it leads to each, checked from there
            continue
        kinds = [("language link", *switches(page))]
        if page.alternates or not _simulator_state(strip(page.path)):
            kinds.append(("hreflang alternate", page, page.alternates))
        for kind, owner, links in kinds:
            for language in languages:
                if language not in links:
                    if language != expected:  # a link to the page's own language is optional
                        problems.append(f"{page.path or '/'}: no {kind} to {language!r}")
                    continue
                target, _ = resolve(owner, links[language]) if not links[language].startswith("/") else (links[language].lstrip("/"), "")
                if language_of(target) != language or strip(target) != strip(page.path):
                    problems.append(f"{page.path or '/'}: {kind} to {language!r} goes to {target or '/'!r}")
    return problems


def _language_choices(path: str) -> bool:
    """The simulator's page offering one of its pages in every language."""
    return path.startswith("sim/languages/")
