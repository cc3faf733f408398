"""A helpdesk publishes its own network's facts by editing data: notes anchored in a step, guest accounts,
profile prerequisites, other required systems, the approval delay as quoted, and a helpdesk for every reader.

Each test makes one helpdesk's edit to the small fixture catalogue and checks where it lands in the guide.
The texts are looked up, never copied here, so rewording a text does not break these tests.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import text_of_class
from generator.catalogue.load import load_catalogue
from generator.catalogue.model import Duration
from generator.guides.evidence import date_text, duration_text
from generator.guides.guide import guide_for
from generator.guides.phrases import url_link, values
from generator.guides.render import render_site
from generator.pipeline import load_texts
from test_facts import load

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_catalogue.yaml"
TEXTS = load_texts(ROOT, ["en", "fr"])
EN = TEXTS["en"]
TIP, WARNING = "step.eu-login.junk", "step.request-access.incomplete"  # two texts without placeholders


def fixture_data() -> dict:
    """The fixture, with a guest tip and a profile note in its request step, as the real step library has."""
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["steps"]["request-access"]["blocks"][2:2] = [
        {"tip": "step.request-access.guest"},
        {"note": "step.request-access.guest-lifetime", "when": "guest_account"},
        {"note": "step.request-access.profile-prerequisite", "when": "profile_prerequisites"}]
    return data


def beta(data: dict) -> dict:
    return data["networks"][1]["guide"]


def guides(tmp_path: Path, data: dict, language: str = "en") -> tuple[str, str]:
    """The Markdown of the guides of alpha (no facts of its own) and beta."""
    pages = render_site(load(tmp_path, data), TEXTS)
    return pages[f"{language}/networks/alpha.md"], pages[f"{language}/networks/beta.md"]


def section(page: str, anchor: str) -> str:
    """One step (or part) of a guide: from its heading to the next one."""
    start = page.index(f"{{ #{anchor} }}")
    following = page.find("\n## ", start)
    return page[start:following if following >= 0 else None]


def text(key: str, **extra) -> str:
    """A text as beta's English guide shows it."""
    cat = load_catalogue(FIXTURE, "small_catalogue.yaml", EN.source)
    return str(EN(key, **{**values(cat, guide_for(cat, cat.networks[1]), EN), **extra}))


def test_a_note_goes_where_it_is_anchored_and_follows_later_changes_of_its_step(tmp_path):
    data = fixture_data()
    beta(data)["notes"] = [
        {"warning": WARNING, "step": "request-access", "after": "step.request-access.country", "source": "doc"},
        {"tip": TIP, "step": "request-access", "at": "start", "source": "doc"}]
    alpha, page = guides(tmp_path, data)
    step = section(page, "request-access")
    country, screen = step.index(text("step.request-access.country")), step.index('data-screen="saas-hospitals"')
    assert step.index(text(TIP)) < step.index(text("step.request-access.find-network"))
    assert country < step.index(text(WARNING)) < screen
    assert step.count('class="ern-source"') == 2 and "[A test document](https://example.eu/doc)" in step  # each names its source
    assert text(WARNING) not in alpha and text(TIP) not in alpha

    # The step library changes later (a block added after the anchor): the note follows without an edit.
    data["steps"]["request-access"]["blocks"].insert(2, {"do": "step.request-access.hospital"})
    step = section(guides(tmp_path, data)[1], "request-access")
    assert step.index(text("step.request-access.country")) < step.index(text(WARNING)) \
        < step.index(text("step.request-access.hospital"))


def test_a_note_at_the_end_of_a_step_of_another_step(tmp_path):
    data = fixture_data()
    beta(data)["notes"] = [{"note": TIP, "step": "eu-login", "at": "end", "source": "doc"}]
    page = guides(tmp_path, data)[1]
    assert text(TIP) in section(page, "eu-login") and text(TIP) not in section(page, "request-access")


def test_guest_lifetime_and_profile_prerequisites_are_shown_at_their_choice_with_their_source(tmp_path):
    data = fixture_data()
    beta(data)["guest_account"] = {"max": 90, "unit": "days", "source": "doc"}
    beta(data)["profile_prerequisites"] = [{"profiles": ["researcher"], "requires": "hp", "source": "doc"}]
    alpha, page = guides(tmp_path, data)
    step = section(page, "request-access")
    guest = text("step.request-access.guest-lifetime", network="BETA",
                 guest_duration=duration_text(Duration(max=90, unit="days"), EN))
    assert "90 days" in guest
    needs = text("step.request-access.profile-prerequisite", network="BETA", profiles_needing="Researcher",
                 profile_needed="HP")
    assert step.index(text("step.request-access.guest", network="BETA", guest_access="0000 Guest Access")) \
        < step.index(guest) < step.index(needs)
    assert step.count('class="ern-source"') == 2
    assert "ern-source" not in alpha and "BETA:" not in alpha


def test_a_required_system_is_announced_before_the_start_and_explained_at_its_step(tmp_path):
    data = fixture_data()
    beta(data)["required_systems"] = [{"name": "Test Collaborative Platform", "todo": WARNING, "source": "doc",
                                       "step": "request-access", "at": "start"}]
    alpha, page = guides(tmp_path, data)
    before = page[page.index('"Before you start"'):page.index("## 1.")]
    assert "Test Collaborative Platform" in before and "step 2" in before  # request-access is step 2
    step = section(page, "request-access")
    assert 'ern-own "Test Collaborative Platform"' in step and text(WARNING) in step
    assert "Test Collaborative Platform" not in alpha


def test_no_delay_is_invented_where_the_network_quotes_none(tmp_path):
    data = fixture_data()
    quoted = text("delay.sentence", network="BETA", duration=duration_text(Duration(min=1, max=2), EN))
    alpha, page = guides(tmp_path, data)
    assert quoted in section(page, "what-next")
    beta(data)["approval_delay"] = "not-stated"
    alpha, page = guides(tmp_path, data)
    for guide in (alpha, page):
        assert quoted.split("**")[0] not in section(guide, "what-next")  # no delay sentence at all


def test_every_reader_has_someone_to_write_to(tmp_path):
    data = fixture_data()
    data["networks"][1]["contacts"] = [{"name": "Dr Beta Helper", "email": "beta@example.eu", "source": "doc"}]
    alpha, page = guides(tmp_path, data)
    assert "Dr Beta Helper" in section(page, "help") and "mailto:beta@example.eu" in section(page, "help")
    it_support = data["contacts"]["cpms-it-support"]["email"]
    assert f"mailto:{it_support}" in section(alpha, "help")  # no helpdesk of its own: the CPMS helpdesk



def test_a_helpdesk_whose_address_is_not_published_is_said_so_with_the_networks_website(tmp_path):
    """A source names the network's helpdesk but gives no address: every place that sends the reader there says
    so, in each language, and points to the network's website where the catalogue has it; no link is invented."""
    data = fixture_data()
    data["networks"][1]["contacts"] = [{"name": "Beta central office", "source": "doc"}]
    for language in ("en", "fr"):
        help_section = section(guides(tmp_path, data, language)[1], "help")
        expected = str(TEXTS[language]("contact.no-address", name="Beta central office"))
        assert expected in help_section and "mailto:" not in help_section.split("Beta central office")[1][:80]
    data["networks"][1]["website"] = "https://beta.example.eu"
    for language in ("en", "fr"):
        page = guides(tmp_path, data, language)[1]
        expected = str(TEXTS[language]("contact.no-address.website", name="Beta central office",
                                       website=url_link("https://beta.example.eu")))
        assert expected in section(page, "help"), section(page, "help")


def test_a_guide_without_sources_of_its_own_says_so(tmp_path):
    alpha, page = guides(tmp_path, fixture_data())
    assert "ern-shared" in alpha and "ern-shared" not in page
    assert "(../helpdesks.md)" in alpha  # how its helpdesk can add its facts


def test_every_built_guide_has_a_contact_and_names_the_source_of_each_fact_of_its_own(built_site, catalogue):
    for network in catalogue.networks:
        for prefix in ("", "fr/"):
            page = (built_site / prefix / "networks" / network.id / "index.html").read_text(encoding="utf-8")
            help_section = page[page.index('id="help"'):page.index('id="sources"')]
            assert re.search(r'href="(mailto:[^"]+@|https://)', help_section), f"{prefix}{network.id}: nobody to ask"
            for box in text_of_class(page, "ern-own"):
                assert "ern-source" in box, f"{prefix}{network.id}: a fact of its own without its source"


def test_the_helpdesk_page_shows_which_networks_have_sources_of_their_own(built_site, catalogue):
    page = (built_site / "helpdesks" / "index.html").read_text(encoding="utf-8")
    page = page[page.index("<article"):]
    rows = {n.id: html.unescape(next(r for r in page.split("<tr>") if f'href="../networks/{n.id}/"' in r))
            for n in catalogue.networks}
    for network in catalogue.networks:
        titles = [catalogue.source(s).title for s in network.sources]
        assert all(title in rows[network.id] for title in titles), network.id
        assert (network.checked is None) == ("20" not in rows[network.id].split("</td>")[2]), network.id


def test_durations_are_said_as_their_sources_say_them_with_the_languages_plural_forms(tmp_path):
    """A delay of 24 hours, one of one day, and a guest lifetime between two lengths with a condition in words,
    each in English and French, the singular where the language has it (CLDR plural rules, not a rule of ours)."""
    data = fixture_data()
    data["networks"][0]["sources"] = ["doc"]
    data["networks"][0]["checked"] = data["networks"][1]["checked"]
    data["networks"][0]["guide"] = {"approval_delay": {"max": 24, "unit": "hours"}}
    beta(data)["approval_delay"] = {"max": 1, "unit": "days"}
    beta(data)["guest_account"] = {"min": 3, "max": 12, "unit": "months", "condition": "step.eu-login.junk",
                                   "source": "doc"}
    for language, hours, day, months in (("en", "24 hours", "1 day", "3 to 12 months"),
                                         ("fr", "24 heures", "1 jour", "3 à 12 mois")):
        alpha, page = guides(tmp_path, data, language)
        t = TEXTS[language]
        assert hours in html.unescape(alpha)
        assert day in html.unescape(page) and "1 days" not in page and "1 jours" not in page
        condition = str(t("step.eu-login.junk"))
        guest = html.unescape(section(page, "request-access"))
        assert f"{months} {html.unescape(condition)}" in guest


@pytest.mark.parametrize("field, old_form", [("guest_account", "closed_within_days"), ("approval_delay", "max_days")])
def test_a_duration_in_an_old_or_unknown_form_says_which_forms_exist(tmp_path, field, old_form):
    """Also where the field takes a duration or a word (approval_delay: 'not-stated'): one message, at the
    field's own path."""
    from generator.inputs.errors import InputError
    data = fixture_data()
    beta(data)[field] = {old_form: 90, "source": "doc"}
    try:
        load(tmp_path, data)
    except InputError as e:
        messages = [str(p) for p in e.problems]
    else:
        raise AssertionError("an unknown field of a duration was accepted")
    assert any(f"{field}.{old_form}: unknown field '{old_form}'; a duration takes min, max "
               "(whole numbers), unit (hours, days, weeks or months), condition (a text key), source" in m
               for m in messages), messages
    assert len(messages) == 1, messages


def test_a_step_is_dated_by_the_earliest_reading_of_its_web_pages_the_networks_included(tmp_path):
    """A step says "Checked:" on the earliest day the web pages of its facts were read, so that every fact it
    shows was compared with its page on that day or later: a note of the network's own, from a page read earlier
    than the step's own pages, makes the step say that earlier day, and says it too; the same step in a guide
    without the note keeps its own pages' day."""
    data = fixture_data()
    data["sources"].append({"id": "beta-page", "url": "https://beta.example.eu/cpms", "publisher": "BETA",
                            "title": "CPMS", "consulted": date(2025, 12, 1), "language": "en"})
    data["networks"][1]["sources"].append("beta-page")
    beta(data)["notes"] = [{"note": TIP, "step": "eu-login", "at": "end", "source": "beta-page"}]
    library = data["sources"][0]["consulted"]
    assert library > date(2025, 12, 1)
    for language in ("en", "fr"):
        t = TEXTS[language]

        def said(day: date) -> str:
            return str(t("guide.checked", date=date_text(day, t)))
        alpha, page = guides(tmp_path, data, language)
        assert said(date(2025, 12, 1)) in section(page, "eu-login") and said(library) not in section(page, "eu-login")
        assert said(library) in section(alpha, "eu-login")
        checked_on = str(t("guide.fact-source.checked", line="", date=date_text(date(2025, 12, 1), t))).strip()
        assert checked_on in section(page, "eu-login")


def test_a_networks_own_facts_by_data_alone_in_guide_and_practice_with_their_sources(tmp_path):
    """A helpdesk encodes, by data alone: a guest lifetime between two lengths with a condition, who gets which
    account, a delay of 24 hours and two documents of its own. Guide and practice show each, with its source,
    in English and French."""
    from generator.catalogue import wizard
    from generator.simulator.pages import render_simulator
    data = fixture_data()
    data["sources"].append({"id": "beta-page", "url": "https://beta.example.eu/cpms", "title": "Beta and the CPMS",
                            "publisher": "BETA", "consulted": "2026-01-15", "language": "en"})
    data["networks"][1]["sources"] = ["doc", "beta-page"]
    data["steps"]["request-access"]["blocks"][4:4] = [{"note": "step.request-access.eligibility", "when": "eligibility"}]
    beta(data).update({
        "guest_account": {"min": 3, "max": 12, "unit": "months", "condition": "step.eu-login.junk", "source": "beta-page"},
        "approval_delay": {"max": 24, "unit": "hours", "source": "beta-page"},
        "eligibility": [{"category": "Full Members", "account": "regular", "source": "beta-page"},
                        {"category": "Affiliated Partners", "account": "regular", "source": "beta-page"},
                        {"category": "External Experts", "account": "guest", "source": "beta-page"}],
        "documents": [{"title": "Registration guide for full users", "url": "https://beta.example.eu/full.pdf",
                       "step": "request-access", "at": "start", "source": "beta-page"},
                      {"title": "Beta training platform", "url": "https://training.beta.example.eu",
                       "step": "eu-login", "at": "end", "source": "beta-page"}],
    })
    cat = load(tmp_path, data)
    pages = render_site(cat, TEXTS)
    practice = render_simulator(cat, TEXTS, wizard.build(cat))
    from generator.words.lookup import without_marks
    for language, months, hours in (("en", "3 to 12 months", "24 hours"), ("fr", "3 à 12 mois", "24 heures")):
        page = without_marks(html.unescape(pages[f"{language}/networks/beta.md"]))  # English words quoted: marked
        request = section(page, "request-access")
        assert months in request and hours in page
        assert "Full Members, Affiliated Partners" in request and "External Experts" in request
        assert "[Registration guide for full users](https://beta.example.eu/full.pdf)" in request
        assert "[Beta training platform](https://training.beta.example.eu)" in section(page, "eu-login")
        assert request.count("Beta and the CPMS") >= 3  # each fact says its source: lifetime, eligibility, document
        country = re.sub(r"</?span[^>]*>", "", html.unescape(next(  # English words quoted: in a span lang="en"
            p for path, p in practice.items() if path.startswith(f"{language}/sim/beta/") and 'id="profiles-label"' in p)))
        for fact in (months, "Full Members, Affiliated Partners", "External Experts"):
            assert fact in country, (language, fact)
        assert country.count("Beta and the CPMS") >= 2
        submitted = html.unescape(practice[f"{language}/sim/beta/submitted.html"])
        assert hours in submitted and "Beta and the CPMS" in submitted  # the delay, with its source
        assert hours in section(page, "what-next") and "Beta and the CPMS" in section(page, "what-next")


def test_who_approves_is_said_as_the_networks_source_says_and_no_default_contradicts_it(tmp_path):
    """A helpdesk records who accepts or rejects requests, with its source: "What happens next", in the guide
    and at the end of the practice, says it with that source, in place of the platform's shared sentence, which
    the other networks keep."""
    from generator.catalogue import wizard
    from generator.simulator.pages import render_simulator
    data = fixture_data()
    data["sources"].append({"id": "beta-page", "url": "https://beta.example.eu/cpms", "title": "Beta and the CPMS",
                            "publisher": "BETA", "consulted": "2026-01-15", "language": "en"})
    data["networks"][1]["sources"] = ["doc", "beta-page"]
    beta(data)["approver"] = {"text": "approver.coordinator", "source": "beta-page"}
    cat = load(tmp_path, data)
    pages = render_site(cat, TEXTS)
    practice = render_simulator(cat, TEXTS, wizard.build(cat))
    for language in ("en", "fr"):
        t = TEXTS[language]
        own, shared = (html.unescape(str(t(key, network="BETA"))) for key in ("approver.coordinator", "approver.saas"))
        alpha_next = section(html.unescape(pages[f"{language}/networks/alpha.md"]), "what-next")
        beta_next = section(html.unescape(pages[f"{language}/networks/beta.md"]), "what-next")
        assert shared in alpha_next and own not in alpha_next
        assert own in beta_next and shared not in beta_next and "Beta and the CPMS" in beta_next
        submitted = html.unescape(practice[f"{language}/sim/beta/submitted.html"])
        assert own in submitted and shared not in submitted and "Beta and the CPMS" in submitted
        assert shared in html.unescape(practice[f"{language}/sim/alpha/submitted.html"])


def test_a_contact_carries_its_note_and_a_category_its_language(tmp_path):
    """What a source says about writing to a helpdesk goes with its address; a member category quoted from an
    English page is marked as English on a French page (screen readers switch voice), and not on an English one."""
    from generator.words.lookup import QUOTED_END, QUOTED_START
    data = fixture_data()
    data["networks"][1]["contacts"][0]["note"] = TIP
    data["steps"]["request-access"]["blocks"][4:4] = [{"note": "step.request-access.eligibility", "when": "eligibility"}]
    beta(data)["eligibility"] = [{"category": "Full Members", "account": "regular", "source": "doc"}]
    pages = render_site(load(tmp_path, data), TEXTS)
    for language in ("en", "fr"):
        page = pages[f"{language}/networks/beta.md"]
        help_part = page[page.index("{ #help }"):]
        assert "helpdesk@beta.example.eu" in help_part
        assert str(TEXTS[language](TIP)) in help_part[help_part.index("helpdesk@beta.example.eu"):]
        marked = f"{QUOTED_START}Full Members{QUOTED_END}" in section(page, "request-access")
        assert marked == (language == "fr") and "Full Members" in section(page, "request-access")


def test_a_guide_gives_each_helpdesk_address_once(built_site, catalogue):
    """Under "Help and contacts"; everywhere else the guide names the helpdesk, linked there (sources, which may
    be the same page, are citations, not contacts)."""
    for network in catalogue.networks:
        addresses = [f"mailto:{c.email}" if c.email else c.url for c in (*network.contacts, catalogue.contacts["cpms-it-support"])
                     if c.email or c.url]
        for prefix in ("", "fr/"):
            page = (built_site / prefix / "networks" / network.id / "index.html").read_text(encoding="utf-8")
            article = page[page.index("<article"):page.index('id="sources"')]
            article = re.sub(r'<small class="ern-source">.*?</small>', "", article, flags=re.S)
            for address in addresses:
                assert article.count(f'href="{html.escape(address)}"') <= 1, (prefix + network.id, address)


def test_a_network_s_hospitals_are_used_as_soon_as_it_has_them(tmp_path):
    """Hospitals added (by hand, or imported) with no example named: the guide shows the first of them, in the
    screen's order, and no longer says it cannot show the network's list (#37)."""
    data = fixture_data()
    data["steps"]["request-access"]["blocks"].append({"note": "step.request-access.hospitals-unknown",
                                                      "when": "no_example"})
    cannot = "cannot show ALPHA"  # step.request-access.hospitals-unknown, as alpha's guide says it
    (tmp_path / "before").mkdir()
    before, _ = guides(tmp_path / "before", data)
    assert cannot in " ".join(section(before, "request-access").split())
    data["networks"][0].update(sources=["doc"], checked="2026-01-15", countries=[
        {"country": "DE", "hospitals": [{"code": "DE07", "name": "Example Hospital Alpha"},
                                        {"code": "DE08", "name": "Example Hospital Beta"}]}])
    (tmp_path / "after").mkdir()
    after, _ = guides(tmp_path / "after", data)
    step = " ".join(section(after, "request-access").split())
    assert "DE07 - Example Hospital Alpha" in step and cannot not in step
