"""How long a guide is, as its readers meet it: A4 pages printed by Chromium, screens at 1280x900 and on a
phone (390x844), and screens of its access-request step. Prints a table; asserts nothing (tests/test_length.py
holds the limits).

    mkdocs build && python tests/guide_length.py [site] [lang/network ...]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from generator.printing.browser import launch_options, serve  # noqa: E402

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
GUIDES = ["en/ern-rnd", "fr/reconnet", "en/vascern", "en/first-cpms/ern-rnd", "fr/first-cpms/reconnet",
          "en/first-cpms/euracan", "en/first-cpms/eurobloodnet", "en/first-cpms/bond", "en/first-cpms/vascern"]
REQUEST_STEPS = ("request-access", "cpms2-request")  # the first CPMS's, CPMS 2.0's


@dataclass
class Length:
    pages: int
    screens: float
    phone_screens: float
    request_screens: float
    words: int


def url(base: str, guide: str) -> str:
    """A guide named as <lang>/<network> (today's guide) or <lang>/first-cpms/<network> (its first CPMS page)."""
    language, page = guide.split("/", 1)
    return f"{base}{'' if language == 'en' else '/' + language}/{page if '/' in page else 'networks/' + page}/"


def section_height(page, anchor: str) -> float:
    """Height of a step's section: from its heading to the next heading of its level (or the article's end)."""
    return page.evaluate("""anchor => {
        const start = document.getElementById(anchor);
        if (!start) return 0;
        let end = start.nextElementSibling;
        while (end && end.tagName !== 'H2') end = end.nextElementSibling;
        const top = start.getBoundingClientRect().top;
        const bottom = end ? end.getBoundingClientRect().top
                           : document.querySelector('article').getBoundingClientRect().bottom;
        return bottom - top;
    }""", anchor)


def measure(browser, base: str, guide: str) -> Length:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(url(base, guide))
    page.wait_for_load_state("networkidle")
    height = page.evaluate("document.querySelector('article').getBoundingClientRect().height")
    request = max(section_height(page, anchor) for anchor in REQUEST_STEPS)
    words = len(page.locator("article").inner_text().split())
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    page.set_viewport_size(PHONE)
    phone = page.evaluate("document.querySelector('article').getBoundingClientRect().height")
    page.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    return Length(pages, height / DESKTOP["height"], phone / PHONE["height"], request / DESKTOP["height"], words)


def main(site: Path, guides: list[str]) -> None:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright, serve(site) as base:
        browser = playwright.chromium.launch(**launch_options(playwright))
        print(f"{'guide':24} {'A4 pages':>9} {'screens':>8} {'phone':>6} {'request step':>13} {'words':>6}")
        for guide in guides:
            found = measure(browser, base, guide)
            print(f"{guide:24} {found.pages:>9} {found.screens:>8.1f} {found.phone_screens:>6.1f} "
                  f"{found.request_screens:>13.2f} {found.words:>6}")
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    given = bool(args) and Path(args[0]).is_dir()  # a built site's folder first, then guides as <lang>/[first-cpms/]<network>
    main(Path(args[0]) if given else Path("site"), args[given:] or GUIDES)
