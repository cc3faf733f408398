"""A guide a clinician finishes: the CPMS 2.0 guides of the networks with the longest seed documents print on at
most 5 A4 pages; their pages on the first CPMS, and one of shared facts only, on at most 8; and the access-request
step of each takes at most 3 screens at 1280x900 (measured as `python tests/guide_length.py` measures them; it
prints every guide's figures)."""

from __future__ import annotations

import pytest

from guide_length import measure

MAX_PAGES = {"today": 5, "first-cpms": 8}
MAX_REQUEST_SCREENS = 3.0


def shared_only(catalogue) -> str:
    """A guide of shared facts only: what every network without facts of its own gets."""
    network = next(n for n in catalogue.networks if not n.sources and catalogue.earlier_platform(n))
    return f"en/first-cpms/{network.id}"


@pytest.mark.parametrize("guide", ["en/ern-rnd", "fr/reconnet", "en/first-cpms/ern-rnd", "fr/first-cpms/reconnet",
                                   shared_only])
def test_a_guide_prints_on_few_pages_and_its_request_fits_in_three_screens(browser, site_url, catalogue, guide):
    guide = guide(catalogue) if callable(guide) else guide
    found = measure(browser, site_url, guide)
    limit = MAX_PAGES["first-cpms" if "/first-cpms/" in guide else "today"]
    assert found.pages <= limit, f"{guide}: {found.pages} A4 pages"
    assert 0 < found.request_screens <= MAX_REQUEST_SCREENS, f"{guide}: {found.request_screens:.2f} screens"
