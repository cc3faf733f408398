"""Bytes of HTML, CSS and JS per page kind of the built site: prints a table, asserts nothing.

    mkdocs build && python tests/page_weight.py [site]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import sitecheck  # noqa: E402

KINDS = {
    "home": "index.html",
    "guide": "networks/ern-rnd/index.html",
    "simulator screen 1": "sim/index.html",
    "simulator organisations": "sim/organisations.html",
    "simulator country": "sim/ern-rnd/de.html",
    "simulator screens 2-4": "sim/ern-rnd/de.html",
    "simulator confirmation": "sim/ern-rnd/submitted.html",
    "your path": "sim/ern-rnd/de.html#path-de22",
}


def main(site: Path) -> None:
    pages = sitecheck.read_site(site)
    print(f"{'page kind':26} {'HTML':>9} {'CSS':>9} {'JS':>9}")
    for kind, path in KINDS.items():
        file = site / path
        page = pages[sitecheck.url_path(site, file)]
        sizes = {"css": 0, "js": 0}
        for where, url in page.links:
            target, _ = sitecheck.resolve(page, url)
            if where == "link.href" and target.endswith(".css"):
                sizes["css"] += (site / target).stat().st_size
            elif where == "script.src":
                sizes["js"] += (site / target).stat().st_size
        print(f"{kind:26} {file.stat().st_size:>9,} {sizes['css']:>9,} {sizes['js']:>9,}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
