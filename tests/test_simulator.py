"""The access-request simulator: its graph node by node, and walks through the built pages without JavaScript."""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT
from generator.catalogue import wizard
from generator.guides.guide import guide_for, practised_page
from generator.guides.phrases import addresses, values
from generator.pipeline import generate

RESULT = generate(ROOT, ["en", "fr"])
CATALOGUE, TEXTS = RESULT.catalogue, RESULT.texts
GRAPH = wizard.build(CATALOGUE)


def node(node_id: str) -> wizard.Node:
    return GRAPH.nodes[node_id]


def test_graph_of_the_real_catalogue_has_no_flaw():
    assert GRAPH.problems() == []
    assert GRAPH.reachable() == set(GRAPH.nodes)


def _examples():
    """Networks of the catalogue to walk: one with a country whose hospitals are known (and, if it has one, a
    country whose hospitals are not), and one whose countries are not known. Found, not named, so that
    a helpdesk's edit of the catalogue keeps the test meaningful."""
    rehearsed = [n for n in CATALOGUE.networks if wizard.rehearsed(CATALOGUE, n)]
    full = next(n for n in rehearsed if any(e.hospitals for e in n.countries))
    bare = next(n for n in rehearsed if not n.countries)
    return full, next(e for e in full.countries if e.hospitals), [e for e in full.countries if not e.hospitals], bare


FULL, ENTRY, EMPTY, BARE = _examples()
NET, C, H = f"sim/{FULL.id}", ENTRY.country.lower(), ENTRY.hospitals[0].code.lower()
OTHERS = [wizard.slug(o.label) for o in CATALOGUE.other_organisations]
REHEARSED = [f"sim/{n.id}/index" for n in CATALOGUE.networks if wizard.rehearsed(CATALOGUE, n)]
TRANSITIONS = [
    ("sim/index", ["sim/organisations", "sim/wrong-application"], None),
    ("sim/wrong-application", [], "sim/index"),
    ("sim/organisations", REHEARSED + [f"sim/{o}" for o in OTHERS], "sim/index"),
    ("sim/covid-19", [], "sim/organisations"),
    # The same screens for the reader of one network's guide: every page keeps the way back to it.
    (f"{NET}/start", [f"{NET}/organisations", f"{NET}/wrong-application"], "sim/index"),
    (f"{NET}/wrong-application", [], f"{NET}/start"),
    (f"{NET}/organisations", REHEARSED + [f"{NET}/{o}" for o in OTHERS], f"{NET}/start"),
    (f"{NET}/covid-19", [], f"{NET}/organisations"),
    (f"{NET}/index", [f"{NET}/{e.country.lower()}" for e in FULL.countries], f"{NET}/organisations"),
    (f"{NET}/{C}", [f"{NET}/{C}/guest"] + [f"{NET}/{C}/{h.code.lower()}" for h in ENTRY.hospitals], f"{NET}/index"),
    (f"{NET}/{C}/{H}", [f"{NET}/submitted", f"{NET}/{C}/{H}-path"], f"{NET}/{C}"),
    (f"{NET}/{C}/{H}-path", [], f"{NET}/{C}/{H}"),
    (f"{NET}/submitted", [f"{NET}/start"], f"{NET}/index"),
    # Countries unknown: "your country", whose hospital screen shows Guest Access, as on the real screens.
    (f"sim/{BARE.id}/index", [f"sim/{BARE.id}/any"], f"sim/{BARE.id}/organisations"),
    (f"sim/{BARE.id}/any", [f"sim/{BARE.id}/any/guest"], f"sim/{BARE.id}/index"),
    (f"sim/{BARE.id}/any/guest", [f"sim/{BARE.id}/submitted", f"sim/{BARE.id}/any/guest-path"], f"sim/{BARE.id}/any"),
] + [(f"{NET}/{e.country.lower()}", [f"{NET}/{e.country.lower()}/guest"], f"{NET}/index") for e in EMPTY[:1]]


@pytest.mark.parametrize("state, links, up", TRANSITIONS, ids=[t[0] for t in TRANSITIONS])
def test_transitions(state, links, up):
    assert list(node(state).links) == links
    assert node(state).up == up


def test_organisations_list_every_rehearsed_network_and_covid():
    rehearsed = [wizard.network_id(n) for n in CATALOGUE.networks if wizard.rehearsed(CATALOGUE, n)]
    others = [wizard.organisation_id(o) for o in CATALOGUE.other_organisations]
    assert sorted(node("sim/organisations").links) == sorted(rehearsed + others)
    assert "sim/covid-19" in node("sim/organisations").links


def test_every_hospital_of_the_catalogue_has_its_screens_and_its_path_on_its_country_page():
    for network in CATALOGUE.networks:
        for entry in network.countries:
            for hospital in entry.hospitals:
                state = node(f"sim/{network.id}/{entry.country.lower()}/{hospital.code.lower()}")
                assert state.kind == "hospital" and node(state.id + "-path").kind == "path"
                country_page, key = f"sim/{network.id}/{entry.country.lower()}", hospital.code.lower()
                assert (state.page, state.fragment) == (country_page, f"step3-{key}")
                assert (node(state.id + "-path").page, node(state.id + "-path").fragment) == (country_page, f"path-{key}")


def test_flaws_are_found():
    graph = wizard.Graph()
    graph.add(wizard.Node("sim/index", "start", 1, None, ("sim/a",)))
    graph.add(wizard.Node("sim/a", "network", 2, "sim/index", ()))
    graph.add(wizard.Node("sim/b", "country", 2, None, ("sim/nowhere",)))
    assert graph.problems() == [
        "sim/a: dead end: no way forward",
        "sim/b: links to 'sim/nowhere', which does not exist",
        "sim/b: no way back",
        "sim/b: unreachable from sim/index",
    ]
    with pytest.raises(ValueError, match="defined twice"):
        graph.add(wizard.Node("sim/a", "network", 2, "sim/index", ()))


def test_mermaid_export():
    text = GRAPH.mermaid()
    assert text.startswith("flowchart LR\n")
    state = f"{NET}/{C}".replace("/", "__").replace("-", "_")
    assert f"  {state} --> {state}__{H}\n" in text


def test_the_simulator_is_found_from_every_home_page_and_menu_and_keeps_the_way_back(built_site):
    for prefix in ("", "fr/"):
        home = (built_site / prefix / "index.html").read_text(encoding="utf-8")
        article, menu = home[home.index("<article"):], home[:home.index("<article")]
        assert 'href="practise/"' in article and 'href="practise/"' in menu, f"{prefix}: no way to the simulator"
        front = (built_site / prefix / "practise" / "index.html").read_text(encoding="utf-8")
        assert 'href="../sim/"' in front  # screen 1 for anyone (MkDocs writes sim/index.html so)
        for network in CATALOGUE.networks:
            assert (f'href="../sim/{network.id}/start.html"' in front) == wizard.rehearsed(CATALOGUE, network)
        for state in GRAPH.pages():
            if state.network:  # a page of one reader's practice: its header leads back to that guide
                page = (built_site / prefix / f"{state.id}.html").read_text(encoding="utf-8")
                depth = state.id.count("/")
                assert f'href="{"../" * depth}first-cpms/{state.network.id}/"' in page, f"{prefix}{state.id}"


def test_the_confirmation_follows_the_order_of_the_readers_guide(built_site):
    """A guide that sets up the second factor before the request is not told to set it up again."""
    for network in CATALOGUE.networks:
        if not wizard.rehearsed(CATALOGUE, network):
            continue
        guide = practised_page(CATALOGUE, network)
        steps = [anchor for anchor, _ in guide.steps]
        if guide.method.setup_step not in steps:
            continue
        setup = steps.index(guide.method.setup_step)
        key = "sim.submitted.ready" if setup < steps.index(wizard.REQUEST_STEP) else "sim.submitted.set-up"
        page = (built_site / f"{wizard.submitted_id(network)}.html").read_text(encoding="utf-8")
        expected = heading(key, "en", method=guide.method.label, step=setup + 1)
        assert expected in html.unescape(re.sub(r"<[^>]+>", "", page)), network.id


def test_lists_known_whole_show_their_count_and_pager_as_on_screen(built_site):
    for network in (n for n in CATALOGUE.networks if wizard.rehearsed(CATALOGUE, n)):
        page = (built_site / f"{wizard.network_id(network)}.html").read_text(encoding="utf-8")
        count = len(network.countries)
        shown = f"Showing 1 to {count} of {count} entries" in page and "« 1 »" in page
        assert shown == bool(network.countries_complete and count), network.id
        for entry in network.countries:
            page = (built_site / f"sim/{network.id}/{entry.country.lower()}.html").read_text(encoding="utf-8")
            count = len(entry.hospitals) + 1  # with Guest Access
            assert (f"Showing 1 to {count} of {count} entries" in page) == entry.hospitals_complete
            assert ("Showing" in page) == entry.hospitals_complete, "a partial list must not look whole"


def test_no_simulator_page_carries_a_script(built_site):
    pages = sorted(built_site.glob("sim/**/*.html")) + sorted(built_site.glob("fr/sim/**/*.html"))
    assert len(pages) == 3 * len(GRAPH.pages())  # in each language, and its choice of languages
    for page in pages:
        text = page.read_text(encoding="utf-8").lower()
        assert "<script" not in text and not re.search(r"\son[a-z]+=", text) and "javascript:" not in text, page


def step_marker(page: Page) -> str:
    return shown(page, ".saas-steps__current").inner_text().replace("\n", " ").strip()


def heading(key: str, language: str, **values) -> str:
    """A heading as the reader sees it: the text of `key` in `language`, placeholders filled."""
    text = TEXTS[language](key, **values)
    return html.unescape(re.sub(r"\*\*", "", str(text)))


def root(language: str) -> str:
    return "" if language == "en" else f"/{language}"


WALKS = [(n.id, e.country, h) for n in CATALOGUE.networks if n.guide and n.guide.example
         for e in n.countries if e.country == n.guide.example.country for h in [n.guide.example.hospital]]


def shown(page: Page, selector: str):
    """What `selector` finds visible once the page's stylesheet applies (before, every screen and path shows)."""
    page.wait_for_load_state("load")
    return page.locator(f"{selector}:visible")


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("network_id, country, hospital", WALKS, ids=[w[0] for w in WALKS])
def test_full_walk_without_javascript(no_js: Page, site_url, language, network_id, country, hospital):
    network = next(n for n in CATALOGUE.networks if n.id == network_id)
    country_name = next(c.name for c in CATALOGUE.countries if c.code == country)
    hospital_name = next(h.name for e in network.countries for h in e.hospitals if h.code == hospital)
    page = no_js
    base = f"{site_url}{root(language)}/sim"

    page.goto(f"{site_url}{root(language)}/")
    page.locator("article table a[href*='networks/%s/']" % network_id).click()
    expect(page).to_have_url(f"{site_url}{root(language)}/networks/{network_id}/")
    page.locator(f".ern-changed a[href$='first-cpms/{network_id}/']").click()  # the first CPMS's page
    expect(page).to_have_url(f"{site_url}{root(language)}/first-cpms/{network_id}/")
    page.locator("a[href*='/sim/']").first.click()  # the page's link: screen 1, knowing the network
    expect(page).to_have_url(f"{base}/{network_id}/start.html")
    expect(shown(page, "h1")).to_have_text(heading("sim.start.title", language))
    assert step_marker(page) == "1 Select application"
    back = page.get_by_role("link", name=heading("sim.back-to-guide", language, network=network.short_name))
    expect(back).to_have_attribute("href", "../../first-cpms/%s/" % network_id)
    page.get_by_role("link", name="CPMS", exact=True).click()
    page.get_by_role("link", name="Step 2 : select an organisation →").click()
    expect(page).to_have_url(f"{base}/{network_id}/organisations.html")
    expect(back).to_be_visible()
    expect(shown(page, "h1")).to_have_text(heading("sim.organisations.title", language))
    assert step_marker(page) == "2 Select organisation"
    page.locator("tr", has_text=network.label).get_by_role("link", name="Open").click()
    expect(page).to_have_url(re.compile(rf"{base}/{network_id}/(index\.html)?$"))
    expect(shown(page, "h1")).to_have_text(heading("sim.network.title", language, network=network.short_name))
    assert step_marker(page) == "2 Select organisation"
    expect(page.locator(".saas-path")).to_contain_text(network.label)
    page.locator("tr", has_text=country_name).get_by_role("link", name="Open").click()
    expect(page).to_have_url(f"{base}/{network_id}/{country.lower()}.html")
    expect(shown(page, "h1")).to_have_text(heading("sim.country.title", language, country=country_name),
                                            use_inner_text=True)
    assert step_marker(page) == "2 Select organisation"
    expect(page.locator(".saas-path")).to_contain_text(f"{network.label} / {country_name}")
    page.get_by_role("link", name=f"{hospital} - {hospital_name}").click()
    page.get_by_role("link", name="Step 3 : select an access profile →").click()
    expect(page).to_have_url(f"{base}/{network_id}/{country.lower()}.html#step3-{hospital.lower()}")
    expect(shown(page, "h1")).to_have_text(heading("sim.hospital.title", language, hospital=f"{hospital} - {hospital_name}"),
                                            use_inner_text=True)
    expect(shown(page, "h2")).to_have_text(heading("sim.step3.heading", language))
    assert step_marker(page) == "3 Select access profile"
    guide = guide_for(CATALOGUE, network)
    extra = [p for p in guide.profiles_on_screen if p not in guide.profiles][-1]  # and one more, as a reader may
    chosen = [p.name for p in guide.profiles_on_screen if p in guide.profiles or p == extra]
    for name in chosen:
        page.locator("label", has_text=re.compile(rf"^{name}$")).click()
    page.get_by_role("link", name="Step 4 : type a comment →").click()
    expect(page).to_have_url(re.compile(rf"#step4-{hospital.lower()}$"))
    expect(shown(page, "h2")).to_have_text(heading("sim.step4.heading", language))
    assert step_marker(page) == "4 Recap and Submission"
    expect(page.locator(".sim-organisation")).to_have_text(f"{hospital} - {hospital_name}", use_inner_text=True)
    assert shown(page, ".sim-recap").all_inner_texts() == chosen
    page.get_by_label("Comments").fill("Geneticist")

    # Change of organisation: another hospital of the list; the ticks and the comment stay.
    change = heading("sim.change", language)  # each "Change" named after its row
    page.get_by_role("link", name=f"{change} Organisation", exact=True).click()
    expect(page).to_have_url(re.compile(rf"\.html#h-{hospital.lower()}$"))
    expect(shown(page, ".sim-picked")).to_contain_text(hospital_name)
    guest_label = CATALOGUE.guest_access.label
    page.locator(".sim-option", has_text=guest_label).click()
    page.get_by_role("link", name="Step 3 : select an access profile →").click()
    expect(page).to_have_url(re.compile(r"#step3-guest$"))
    listed = guide.profiles_on_screen  # as the network's source shows screen 3
    assert [page.locator(f"#p-{p.id}").is_checked() for p in listed] == [p.name in chosen for p in listed]
    page.get_by_role("link", name="Step 4 : type a comment →").click()
    expect(page.locator(".sim-organisation")).to_have_text(guest_label, use_inner_text=True)
    assert shown(page, ".sim-recap").all_inner_texts() == chosen
    expect(page.get_by_label("Comments")).to_have_value("Geneticist")
    page.go_back()  # Back: screen 3 of that hospital, ticks kept
    expect(page).to_have_url(re.compile(r"#step3-guest$"))
    expect(shown(page, "h2")).to_have_text(heading("sim.step3.heading", language))
    assert page.locator("#p-hp").is_checked()
    page.go_forward()
    expect(shown(page, "h2")).to_have_text(heading("sim.step4.heading", language))

    page.get_by_role("link", name=f"{change} Access Profile", exact=True).click()
    expect(page).to_have_url(re.compile(r"#step3-guest$"))
    page.locator("label", has_text=re.compile(rf"^{extra.name}$")).click()  # the one more, unticked
    page.get_by_role("link", name="Step 4 : type a comment →").click()
    asked = [p for p in listed if p in guide.profiles]
    assert shown(page, ".sim-recap").all_inner_texts() == [p.name for p in asked]
    expect(page.get_by_label("Comments")).to_have_value("Geneticist")
    page.get_by_role("button", name="Submit request access").click()
    query = "&".join(f"profile={p.id}" for p in asked)
    expect(page).to_have_url(re.compile(rf"{base}/{network_id}/submitted\.html\?{query}&comments=Geneticist$"))
    expect(shown(page, "h1")).to_have_text(heading("sim.submitted.title", language))
    page.locator("main a").first.click()
    expect(page).to_have_url(re.compile(rf"{root(language)}/first-cpms/{network_id}/#what-next$"))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_your_path_is_shown_alone_and_leads_back_to_the_practice(no_js: Page, site_url, language):
    page = no_js
    page.goto(f"{site_url}{root(language)}/{NET}/{C}.html#step3-{H}")
    page.locator("label[for='p-hp']").click()
    page.get_by_role("link", name=heading("sim.hospital.path-link", language)).click()
    expect(page).to_have_url(re.compile(rf"/{NET}/{C}\.html#path-{H}$"))
    expect(shown(page, "h1")).to_have_text(heading("sim.your-path.title", language,
                                                            hospital=ENTRY.hospitals[0].label))
    expect(page.locator(".sim-step3")).to_be_hidden()
    expect(shown(page, ".sim-path").locator("li", has_text=ENTRY.hospitals[0].label)).to_have_count(1)
    page.get_by_role("link", name=heading("sim.your-path.practise", language)).click()
    expect(page).to_have_url(re.compile(rf"#step3-{H}$"))
    expect(page.locator("#p-hp")).to_be_checked()  # the same page: the tick is still there


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_request_without_a_profile_cannot_be_submitted_and_says_why(no_js: Page, site_url, language):
    page = no_js
    page.goto(f"{site_url}{root(language)}/{NET}/{C}.html#step4-{H}")
    submit = page.get_by_role("button", name="Submit request access")
    expect(submit).to_be_hidden()
    expect(page.locator(".sim-required")).to_be_visible()
    expect(page.locator(".sim-required")).to_contain_text("Access Profile")
    page.get_by_role("link", name="← Step 3 : select an access profile").click()
    page.locator("label", has_text=re.compile(r"^HP$")).click()
    page.get_by_role("link", name="Step 4 : type a comment →").click()
    expect(page.locator(".sim-required")).to_be_hidden()
    page.get_by_label("Comments").fill("Neurologist")  # the comment the network asks for
    submit.click()
    expect(page).to_have_url(re.compile(rf"/{NET}/submitted\.html"))


def test_the_option_picked_looks_picked(no_js: Page, site_url):
    page = no_js
    page.goto(f"{site_url}/{NET}/{C}.html")
    marks = ".sim-option"
    read = "links => links.map(a => getComputedStyle(a, '::before').content)"
    assert set(page.locator(marks).evaluate_all(read)) == {'"○ "'}
    picked = len(ENTRY.hospitals)  # the last option (Guest Access comes first)
    page.locator(marks).nth(picked).click()
    looks = page.locator(marks).evaluate_all(read)
    assert looks[picked] == '"◉ "' and set(looks[:picked]) == {'"○ "'}
    expect(shown(page, ".sim-picked")).to_contain_text(ENTRY.hospitals[-1].label)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_wrong_application_explains_and_offers_the_way_back(no_js: Page, site_url, language):
    base = f"{site_url}{root(language)}/{NET}"
    no_js.goto(f"{base}/start.html")
    no_js.get_by_role("link", name="AAC", exact=True).click()
    no_js.get_by_role("link", name="Step 2 : select an organisation →").click()
    expect(no_js).to_have_url(f"{base}/wrong-application.html")
    expect(no_js.get_by_role("alert")).to_contain_text("CPMS")
    no_js.get_by_role("link", name=heading("sim.wrong-application.back", language)).click()
    expect(no_js).to_have_url(f"{base}/start.html")
    no_js.get_by_role("link", name="CPMS", exact=True).click()  # the right choice, and on
    no_js.get_by_role("link", name="Step 2 : select an organisation →").click()
    expect(no_js).to_have_url(f"{base}/organisations.html")


def tab_to(page: Page, text: str, limit: int = 120) -> None:
    """Press Tab until the focused element's accessible text is `text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => (document.activeElement.innerText || document.activeElement.labels?.[0]?.innerText || '').trim()")
        if focused == text:
            return
    raise AssertionError(f"could not reach {text!r} with the Tab key")


def enter(page: Page) -> None:
    """Press Enter on the focused link or button and wait for the page it leads to."""
    before = page.url.split("#")[0]
    target = page.evaluate("() => document.activeElement.href || ''").split("#")[0]
    if target and target != before:
        with page.expect_navigation():
            page.keyboard.press("Enter")
    elif page.evaluate("() => document.activeElement.type === 'submit'"):
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:  # a link within the page: only the #fragment changes
        page.keyboard.press("Enter")


def test_keyboard_only_walk(no_js: Page, site_url):
    page = no_js
    page.goto(f"{site_url}/sim/index.html")
    tab_to(page, "CPMS")
    enter(page)
    tab_to(page, "Step 2 : select an organisation →")
    enter(page)
    expect(page).to_have_url(f"{site_url}/sim/organisations.html")
    opened = [o for o in CATALOGUE.organisations if not hasattr(o, "guide") or wizard.rehearsed(CATALOGUE, o)]
    for _ in range(opened.index(FULL) + 1):  # the network's "Open", counting the rows before it
        tab_to(page, "Open")
    enter(page)
    expect(page).to_have_url(re.compile(rf"/{NET}/(index\.html)?$"))
    for _ in range(FULL.countries.index(ENTRY) + 1):  # its country's row (after "← Up")
        tab_to(page, "Open")
    enter(page)
    tab_to(page, ENTRY.hospitals[0].label)
    enter(page)
    tab_to(page, "Step 3 : select an access profile →")
    enter(page)
    expect(page).to_have_url(re.compile(rf"/{NET}/{C}\.html#step3-{H}$"))
    tab_to(page, "HP")
    page.keyboard.press("Space")
    tab_to(page, "Step 4 : type a comment →")
    enter(page)
    assert shown(page, ".sim-recap").all_inner_texts() == ["HP"]
    tab_to(page, "Comments")  # the network asks for one: without it, no Submit
    page.keyboard.type("Neurologist")
    tab_to(page, "Submit request access")
    enter(page)
    expect(page).to_have_url(re.compile(rf"/{NET}/submitted\.html"))


def test_simulator_pages_work_under_a_no_script_policy(page: Page, site_url):
    """With JavaScript on, the page's own policy forbids scripts; nothing it needs is blocked."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{site_url}/{NET}/{C}.html#step3-{H}")
    policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "script-src 'none'" in policy
    assert page.evaluate("() => getComputedStyle(document.querySelector('.sim-step4')).display") == "none"
    page.locator("label[for='p-hp']").click()
    page.get_by_role("link", name="Step 4 : type a comment →").click()
    assert shown(page, ".sim-recap").all_inner_texts() == ["HP"]
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }")
    assert page.evaluate("() => window.ran") is None
    assert [e for e in errors if "Content Security Policy" not in e] == []


def test_switching_language_keeps_the_hospital_and_the_screen(no_js: Page, site_url):
    page = no_js
    page.goto(f"{site_url}/{NET}/{C}.html")
    choices = shown(page, ".sim-top__languages a")
    choice_page = f"../languages/{FULL.id}/{C}.html"
    expect(choices).to_have_attribute("href", f"{choice_page}")  # nothing picked yet
    page.locator(".sim-option").nth(1).click()
    expect(choices).to_have_attribute("href", f"{choice_page}#h-{H}")
    page.get_by_role("link", name="Step 3 : select an access profile →").click()
    expect(choices).to_have_attribute("href", f"{choice_page}#step3-{H}")
    page.get_by_role("link", name="Step 4 : type a comment →").click()
    choices.click()
    expect(page).to_have_url(re.compile(rf"/sim/languages/{FULL.id}/{C}\.html#step4-{H}$"))
    page.get_by_role("link", name=heading("language.name", "fr"), exact=True).click()
    expect(page).to_have_url(re.compile(rf"/fr/{NET}/{C}\.html#step4-{H}$"))
    expect(shown(page, "h2")).to_have_text(heading("sim.step4.heading", "fr"))
    expect(page.locator(".sim-organisation")).to_have_text(ENTRY.hospitals[0].label, use_inner_text=True)
    shown(page, ".sim-top__languages a").click()  # and back
    expect(shown(page, "h1")).to_contain_text(heading("sim.languages", "fr"))
    page.get_by_role("link", name=heading("language.name", "en"), exact=True).click()
    expect(page).to_have_url(re.compile(rf"/{NET}/{C}\.html#step4-{H}$"))
    expect(shown(page, "h2")).to_have_text(heading("sim.step4.heading", "en"))


def practice_page(network) -> str:
    """The page of a network's first country in the practice (its hospitals, screens 3 and 4)."""
    return next(n for n in GRAPH.nodes.values() if n.kind == "country" and n.network.id == network.id).id + ".html"


def to_screen_4(page: Page, url: str, ticks: list[str]) -> None:
    """Pick the first hospital of the list, tick these profiles on screen 3, go on to screen 4."""
    page.goto(url)
    shown(page, ".sim-option").first.click()
    shown(page, "a.saas-button--primary").first.click()
    for profile in ticks:
        page.locator(f'label[for="p-{profile}"]').click()
    shown(page, "a", ).filter(has_text="Step 4 : type a comment →").first.click()


def plain(text) -> str:
    """A text as a browser shows it: no Markdown, no marks of English."""
    from generator.words.lookup import without_marks
    return " ".join(html.unescape(re.sub(r"\*\*|\[([^\]]*)\]\([^)]*\)", r"\1", without_marks(str(text)))).split())


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_request_breaking_a_networks_profile_rule_cannot_be_submitted_and_says_the_rule(no_js: Page, site_url,
                                                                                           language):
    """EURO-NMD's page says Coordinator and Dispatcher need HP: ticked alone, the practice says so with its
    source and offers no Submit; with HP ticked too, the request goes."""
    network = next(n for n in CATALOGUE.networks if wizard.rehearsed(CATALOGUE, n)
                   and CATALOGUE.settings_of(n).profile_prerequisites)
    rule = CATALOGUE.settings_of(network).profile_prerequisites[0]
    needing = rule.profiles[0]
    url = f"{site_url}{root(language)}/{practice_page(network)}"
    to_screen_4(no_js, url, [needing])
    submit = no_js.get_by_role("button", name="Submit request access")
    expect(submit).to_be_hidden()
    said = shown(no_js, ".sim-rule")
    expect(said).to_have_count(1)
    names = {p.id: p.name for p in CATALOGUE.access_profiles}
    expect(said).to_contain_text(names[rule.requires])
    expect(said).to_contain_text(CATALOGUE.source(rule.source).title)
    no_js.get_by_role("link", name="← Step 3 : select an access profile").first.click()
    no_js.locator(f'label[for="p-{rule.requires}"]').click()
    shown(no_js, "a").filter(has_text="Step 4 : type a comment →").first.click()
    expect(shown(no_js, ".sim-rule")).to_have_count(0)
    expect(submit).to_be_visible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_request_without_the_guides_profiles_is_coached_not_submitted_and_the_guest_advice_is_the_guides(
        no_js: Page, site_url, language):
    """Coordinator alone, say, for a member doctor: the practice says why, names the profiles the guide asks for
    and its sources, and offers no Submit until they are ticked."""
    guide = practised_page(CATALOGUE, FULL)
    other = next(p.id for p in guide.profiles_on_screen if p not in guide.profiles)
    to_screen_4(no_js, f"{site_url}{root(language)}/{NET}/{C}.html", [other])
    no_js.get_by_label("Comments").fill("Neurologist")
    advice = shown(no_js, ".sim-advice")
    expect(advice).to_have_count(1)
    for profile in guide.profiles:
        expect(advice).to_contain_text(profile.name)
    sources = TEXTS["en"].source["sim.step4.advice"].sources
    assert sources and all(CATALOGUE.source(i).title in advice.inner_text() for i in sources)
    submit = no_js.get_by_role("button", name="Submit request access")
    expect(submit).to_be_hidden()
    no_js.get_by_role("link", name="← Step 3 : select an access profile").first.click()
    for profile in guide.profiles:
        no_js.locator(f'label[for="p-{profile.id}"]').click()
    shown(no_js, "a").filter(has_text="Step 4 : type a comment →").first.click()
    expect(shown(no_js, ".sim-advice")).to_have_count(0)
    expect(submit).to_be_visible()
    t = TEXTS[language]
    guest = plain(t("step.request-access.guest", **{**values(CATALOGUE, guide, t), **addresses(CATALOGUE, FULL, t)}))
    assert guest in " ".join(no_js.locator(".sim-step2").inner_text().split())


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_empty_comment_where_the_network_asks_for_one_is_said_and_not_submitted(no_js: Page, site_url, language):
    network = next(n for n in CATALOGUE.networks if wizard.rehearsed(CATALOGUE, n)
                   and CATALOGUE.settings_of(n).comment_hint)
    guide = practised_page(CATALOGUE, network)
    to_screen_4(no_js, f"{site_url}{root(language)}/{practice_page(network)}", [p.id for p in guide.profiles])
    said = shown(no_js, ".sim-comment-required")
    expect(said).to_have_count(1)
    expect(said).to_contain_text(plain(TEXTS[language](guide.settings.comment_hint)))
    submit = no_js.get_by_role("button", name="Submit request access")
    expect(submit).to_be_hidden()
    no_js.get_by_label("Comments").fill("Neurologist")
    expect(shown(no_js, ".sim-comment-required")).to_have_count(0)
    expect(submit).to_be_visible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_guest_access_where_the_hospitals_are_listed_says_to_choose_ones_own(no_js: Page, site_url, language):
    no_js.goto(f"{site_url}{root(language)}/{NET}/{C}.html")
    no_js.locator(".sim-option", has_text=CATALOGUE.guest_access.label).click()
    shown(no_js, "a.saas-button--primary").first.click()
    shown(no_js, "a").filter(has_text="Step 4 : type a comment →").first.click()
    warning = shown(no_js, ".sim-step4 .sim-feedback--wrong").filter(has_text=CATALOGUE.guest_access.label)
    expect(warning).to_have_count(1)
    assert all(CATALOGUE.source(i).title in warning.inner_text()
               for i in TEXTS["en"].source["sim.step4.guest-listed"].sources)
    no_js.goto(f"{site_url}{root(language)}/{NET}/{C}.html#step4-{H}")  # a listed hospital: no such warning
    expect(shown(no_js, ".sim-step4 .sim-feedback--wrong").filter(has_text=CATALOGUE.guest_access.label)
           ).to_have_count(0)


def test_a_country_whose_hospitals_are_not_listed_does_not_say_yours_is_not_a_member(built_site):
    """The guide's "Your hospital is not in the list? It is not a member..." assumes the reader sees the list: a
    country page of the practice that cannot list its hospitals says so instead, and not that."""
    t = TEXTS["en"]
    for network in (n for n in CATALOGUE.networks if wizard.rehearsed(CATALOGUE, n)):
        guide = practised_page(CATALOGUE, network)
        tip = plain(t("step.request-access.guest", **{**values(CATALOGUE, guide, t), **addresses(CATALOGUE, network, t)}))
        tip = tip.split(":")[0]  # "Your hospital is not in the list? It is not a member of ... for your country"
        for entry in network.countries:
            page = plain(re.sub(r"<[^>]+>", " ", (built_site / f"sim/{network.id}/{entry.country.lower()}.html"
                                                  ).read_text(encoding="utf-8")))
            assert (tip in page) == bool(entry.hospitals), (network.id, entry.country)
