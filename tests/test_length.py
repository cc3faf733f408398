"""A guide a clinician finishes: the longest guides of the seed documents, and a guide of shared facts only,
print on at most 8 A4 pages, and their access-request step takes at most 3 screens at 1280x900 (measured as
`python tests/guide_length.py` measures them; it prints every guide's figures)."""

from __future__ import annotations

import pytest

from guide_length import measure

MAX_PAGES = 8
MAX_REQUEST_SCREENS = 3.0


def shared_only(catalogue) -> str:
    """A guide of shared facts only: what every network without facts of its own gets."""
    network = next(n for n in catalogue.networks if not n.sources and catalogue.platform_of(n).simulator)
    return f"en/{network.id}"


@pytest.mark.parametrize("guide", ["en/ern-rnd", "fr/reconnet", shared_only])
def test_a_guide_prints_on_eight_pages_and_its_request_fits_in_three_screens(browser, site_url, catalogue, guide):
    guide = guide(catalogue) if callable(guide) else guide
    found = measure(browser, site_url, guide)
    assert found.pages <= MAX_PAGES, f"{guide}: {found.pages} A4 pages"
    assert 0 < found.request_screens <= MAX_REQUEST_SCREENS, f"{guide}: {found.request_screens:.2f} screens"
