"""The last guard before a build is published: no page carries a link, handler or style that the project's own
templates did not write.

Values and texts are escaped long before this; the scan catches whatever slips through anyway (a new template,
a new Markdown extension) and stops the build, so a mistake never reaches readers.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import markdown
from selectolax.lexbor import LexborHTMLParser

from generator.catalogue import model
from generator.inputs.errors import InputError, Problem, describe
from generator.inputs.yamlsource import load
from generator.words.texts import MARKDOWN_EXTENSIONS

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "background", "cite",
                  "xlink:href", "ping"}
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "applet"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # browsers ignore these inside a scheme ("java\tscript:")


def allowed_domains(root: Path, cat: model.Catalogue) -> list[str]:
    """The domains a page may link to: data/link_allowlist.yaml, and every address the catalogue gives with
    its source (networks' websites, helpdesks' pages, web sources, links)."""
    listed = load_allowlist(root)
    contacts = [c for n in cat.networks for c in n.contacts]
    documents = [d.url for n in cat.networks for d in cat.settings_of(n).documents]
    sourced = ([n.website for n in cat.networks] + [c.url for c in contacts] + [s.url for s in cat.sources] + documents
               + [link.url for link in cat.links.values()])
    return sorted(set(listed) | {urlsplit(url).hostname or "" for url in sourced if url} - {""})


ALLOWLIST = "data/link_allowlist.yaml"
_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


def load_allowlist(root: Path) -> list[str]:
    """data/link_allowlist.yaml's domains; what is wrong with the file, with its line."""
    path = root / ALLOWLIST
    if not path.exists() and not path.is_symlink():
        raise InputError([Problem(ALLOWLIST, 1, 1, "", "file not found: expected the domains pages may link to, "
                                  "like `domains: [europa.eu]` (it belongs in data/, beside the catalogue)")])
    located = load(path, ALLOWLIST)
    if not isinstance(located.data, dict) or "domains" not in located.data:
        got = (f"the fields {', '.join(map(str, located.data))}" if isinstance(located.data, dict)
               else describe(located.data))
        raise InputError([located.problem((), "expected the field `domains:`, the list of domains pages may link "
                                          f"to, got {got}")])
    unknown = [located.problem((key,), f"unknown field {key!r}; this file has one field, `domains:`")
               for key in located.data if key != "domains"]
    if unknown:
        raise InputError(unknown)
    domains = located.data["domains"]
    if not isinstance(domains, list):
        raise InputError([located.problem(("domains",), f"expected a list of domains, got {describe(domains)}")])
    problems = [located.problem(("domains", i), f"expected a domain like 'europa.eu' (no https://, no path), got "
                                f"{describe(d)}") for i, d in enumerate(domains)
                if not (isinstance(d, str) and _DOMAIN.match(d))]
    if problems:
        raise InputError(problems)
    return domains


def scan(site: Path, domains: list[str], own: str | None = None, skip: str | None = None) -> list[str]:
    """Every forbidden link, handler, style or element on the site's pages, one line each. `own` is the site's
    own address (site_url), to which its canonical and language links point; `skip` a top folder scanned by
    whoever writes it."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        if skip and page.relative_to(site).parts[0] == skip:
            continue
        problems += scan_page(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"), domains, own)
    return problems


def scan_hand_written(display: str, content: bytes, domains: tuple[str, ...]) -> list[Problem]:
    """What `scan` will find on a hand-written page of docs/, found before building: its Markdown rendered with
    the site's extensions (HTML written in it passes through, as in the build)."""
    text = content.decode("utf-8", "replace")
    if not display.endswith(".md"):  # the other kinds docs/ publishes are no pages (staging.PUBLISHED_KINDS)
        return []
    text = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS)
    source = content.decode("utf-8", "replace").splitlines()
    return [Problem(display, _line_of(source, found), 1, "", found)
            for found in _findings(text, list(domains), None, hand_written=True)]


def _line_of(lines: list[str], found: str) -> int:
    """The line of a hand-written page a finding comes from: the first that holds its address, else its
    element's attribute (or the element); the first line where none is found."""
    element = re.search(r"<([a-zA-Z][\w-]*)(?:\s+([a-zA-Z][\w-]*))?", found)
    address = re.search(r"(?:https?:|mailto:|//)[^\s'\"<>]*", found)
    wanted = [address.group(0)] if address else []
    wanted += [f"{element.group(2)}=" if element.group(2) else f"<{element.group(1)}"] if element else []
    for word in wanted:
        at = next((i for i, line in enumerate(lines, 1) if word.lower() in line.lower()), None)
        if at:
            return at
    return 1


def scan_page(path: str, page: str, domains: list[str], own: str | None = None) -> list[str]:
    """What `scan` finds on one page, given as text. A page with nothing that even looks like a forbidden
    element, a handler, a style or a link off the allow-list is clean; any other is parsed as a browser would."""
    return [f"{path}: {found}" for found in _findings(page, domains, own)]


def _findings(page: str, domains: list[str], own: str | None, hand_written: bool = False) -> list[str]:
    """What is forbidden on a page, read as a browser reads it (an HTML5 parser: `<svg><style><img onerror>` is an
    image with a handler, as for a browser). A hand-written page is always read, and may carry no script and no
    <style> at all."""
    scanner = _Scanner(domains, own)
    if not hand_written and not _looks_suspect(page, scanner):
        return []
    for node in LexborHTMLParser(page).root.traverse(include_text=False):
        scanner.element(node.tag.lower(), [(name.lower(), value) for name, value in node.attributes.items()],
                        hand_written)
    return scanner.found


# Looked for anywhere in the page, tag or text, in lower case, so a hit means only "parse it". Names that merely
# contain a URL attribute's name (data-src) are looked at too.
_HANDLER = re.compile(r"on[^\s/>=\"'<]*\s*=")
_SEPARATORS = " \t\n\r\f/\"'"  # what comes before an attribute's name in a tag
_STYLE = re.compile(r"style\s*=")
# Every URL attribute ends with one of these (xlink:href, formaction), so looking for them finds them all.
_URL_ENDINGS = sorted({name.rpartition(":")[2].removeprefix("form") for name in URL_ATTRIBUTES})
_URL_ATTRIBUTE = re.compile(r"(?:%s)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))" % "|".join(_URL_ENDINGS))


def _looks_suspect(page: str, scanner: _Scanner) -> bool:
    lower = page.lower()
    if len(lower) != len(page):  # a letter whose lower case is longer: positions differ, parse
        return True
    if any(f"<{element}" in lower for element in FORBIDDEN_ELEMENTS) or _STYLE.search(lower):
        return True
    if any(found.start() == 0 or lower[found.start() - 1] in _SEPARATORS for found in _HANDLER.finditer(lower)):
        return True
    if _INLINE_SCRIPT.search(lower) or _REFRESH.search(lower):
        return True
    for found in _URL_ATTRIBUTE.finditer(lower):
        group = next(g for g in (1, 2, 3) if found.group(g) is not None)
        value = html.unescape(page[found.start(group):found.end(group)])
        if any(scanner.link_problem(url) for url in _urls(value)):
            return True
    return False


# A script written in the page (Material's configuration, type application/json, is data) and a refresh that could
# send the reader elsewhere.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc\s*=)(?![^>]*application/json)[\s>]")
_REFRESH = re.compile(r"<meta[^>]*refresh")


def _urls(value: str) -> list[str]:
    """The addresses an attribute holds: one, or each candidate of a srcset ("a.png 1x, b.png 2x")."""
    return [value] + [part.split()[0] for part in value.split(",") if part.strip()] if "," in value else [value]


class _Scanner:
    """The rules, one element at a time, with what was found."""

    def __init__(self, domains: list[str], own: str | None) -> None:
        self.domains = tuple(domains)
        self.own = own
        self.found: list[str] = []

    def element(self, tag: str, attrs: list[tuple[str, str | None]], hand_written: bool = False) -> None:
        if tag in FORBIDDEN_ELEMENTS:
            self.found.append(f"a <{tag}> element")
        found = dict(attrs)
        if tag == "script" and not found.get("src") and (found.get("type") or "") != "application/json":
            self.found.append("a <script> element without src")
        elif tag == "script" and hand_written:
            self.found.append("a <script> element (a hand-written page may carry no script)")
        if tag == "style" and hand_written:
            self.found.append("a <style> element (a hand-written page may not restyle the site)")
        if tag == "meta" and (found.get("http-equiv") or "").lower() == "refresh":
            self.found.append("a <meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"an event handler <{tag} {name}=...>")
            elif name == "style":
                self.found.append(f"an inline style <{tag} style={value!r}>")
            elif name in URL_ATTRIBUTES and value:
                problem = next(filter(None, map(self.link_problem, _urls(value) if name == "srcset" else [value])),
                               None)
                if problem:
                    self.found.append(f"<{tag} {name}={value!r}>: {problem}")

    def link_problem(self, url: str) -> str | None:
        return link_problem(url, self.domains, self.own)


@functools.lru_cache(maxsize=1 << 16)  # the same links recur on every page of a kind
def link_problem(url: str, domains: tuple[str, ...], own: str | None = None) -> str | None:
    """What is wrong with a link on a published page, if anything: the scan's rule, which `check` applies to the
    links of texts too."""
    if own and url.startswith(own):
        return None
    if "\\" in url:
        return "a link with a backslash (browsers read /\\ as //, another site)"
    parts = urlsplit(_INVISIBLE.sub("", url))
    scheme = parts.scheme.lower()
    if not scheme and parts.netloc:
        return "a link to another site without https:"
    if scheme == "mailto" and (parts.query or "?" in url):
        return "a mailto: link with parameters (?cc=, ?bcc=, ?body=...): recipients the reader does not see"
    if scheme in ("", "mailto"):
        return None
    if scheme != "https":
        return f"a {scheme}: link"
    host = parts.hostname or ""
    if not any(host == d or host.endswith("." + d) for d in domains):
        return f"{host} is not on data/link_allowlist.yaml nor given by the catalogue"
    return None
