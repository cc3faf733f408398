"""Text and pictures agree: what a screen picture shows and what the guide's text says come from the same facts
(browsers, access profiles, the preferences screen's title, whether a list is complete), and a guide's steps
come in the order its own text announces."""

from __future__ import annotations

import html
import re

import pytest

from conftest import ROOT
from generator.guides.guide import pages_for
from generator.pipeline import load_texts
from generator.words.texts import SOURCE_LANGUAGE


def guides(catalogue):
    """Every page of every network: its guide to today's platform, and its page on the first CPMS."""
    return [guide for n in catalogue.networks for guide in pages_for(catalogue, n)]


def page_of(built_site, guide) -> str:
    return html.unescape((built_site / guide.page / "index.html").read_text(encoding="utf-8"))


def picture(page: str, screen: str) -> str:
    found = re.search(rf'<figure[^>]*data-screen="{screen}".*?</figure>', page, re.S)
    return found.group() if found else ""


def step(page: str, anchor: str) -> str:
    return re.search(rf'<h2 id="{anchor}".*?(?=<h2 |$)', page, re.S).group()


def words(text: str) -> str:
    """A text as a reader sees it: no Markdown emphasis, no tags, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>|\*\*", "", text).split())


@pytest.fixture(scope="module")
def english():
    return load_texts(ROOT, [SOURCE_LANGUAGE])[SOURCE_LANGUAGE].source


def showing(built_site, catalogue, screen: str) -> list[tuple]:
    """(guide, page, picture) for every guide that shows the screen picture; at least one must."""
    found = [(guide, page, picture(page, screen)) for guide in guides(catalogue)
             for page in [page_of(built_site, guide)]]
    found = [item for item in found if item[2]]
    assert found, f"no guide shows {screen}"
    return found


def test_browsers_on_the_login_picture_are_those_the_text_names(built_site, catalogue, english):
    for guide, page, login in showing(built_site, catalogue, "cpms-login"):
        named = english[guide.settings.browsers].text
        assert named in words(login), guide.network.id
        before = re.search(r'<div class="admonition info">.*?</div>', page, re.S).group()
        assert named in words(before), guide.network.id


def test_profiles_ticked_on_the_picture_are_those_the_text_asks_for(built_site, catalogue):
    for guide, page, profiles in showing(built_site, catalogue, "saas-profiles"):
        names = [p.name for p in guide.profiles]
        assert re.findall(r"☑</span> ([^<]+)", profiles) == names, guide.network.id
        request = words(step(page, "request-access"))
        assert ", ".join(names) in request, guide.network.id
        one_or_more = guide.settings.profiles_choice == "one-or-more"
        assert ("one or more of" in request) == one_or_more, guide.network.id


def test_the_preferences_picture_has_the_title_the_text_names(built_site, catalogue):
    for guide, page, preferences in showing(built_site, catalogue, "cpms-preferences"):
        title = guide.settings.preferences_title
        assert re.search(rf'saas-title">{re.escape(title)}<', preferences), guide.network.id
        assert f"Update {title}" in words(preferences)
        assert f"Update {title}" in words(step(page, "preferences").replace(preferences, "")), guide.network.id


@pytest.mark.parametrize("screen, complete", [
    ("saas-countries", lambda guide: guide.network.countries_complete),
    ("saas-hospitals", lambda guide: next(e for e in guide.network.countries
                                          if e.country == guide.example_country.code).hospitals_complete),
])
def test_a_picture_says_whether_its_list_is_whole(built_site, catalogue, english, screen, complete):
    """A whole list shows its count and pager, as on screen; a partial one says it goes on, under the picture."""
    goes_on = words(english["list.partial"].text.split("{")[0])
    for guide, _, shown in showing(built_site, catalogue, screen):
        whole = complete(guide)
        assert ("Showing 1 to" in words(shown)) == whole, guide.network.id
        assert (goes_on in words(shown)) != whole, guide.network.id


def test_preferences_follow_the_first_login_whose_text_sends_the_reader_there(catalogue):
    for guide in guides(catalogue):
        anchors = [anchor for anchor, _ in guide.steps]
        if "first-login" in anchors and "preferences" in anchors:
            assert anchors.index("preferences") == anchors.index("first-login") + 1, guide.network.id


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_first_sign_ins_say_which_method_before_a_second_factor_exists(catalogue, language):
    """Where the reader signs in before the guide has set up its sign-in method (the request, on some
    networks; the set-up itself), the guide says to choose Password; once a second factor exists, it does not."""
    from generator.pipeline import generate
    result = generate(ROOT, ["en", "fr"])
    t = result.texts[language]
    note = str(t("step.first-sign-in.password")).split("**")[0].strip()
    told = 0
    for guide in guides(catalogue):
        page = result.pages[f"{language}/{guide.page}.md"]
        anchors = [a for a, _ in guide.steps]
        setup = guide.method.setup_step
        for anchor in anchors:
            start = page.index("{ #%s }" % anchor)
            end = page.find("\n## ", start)
            section = page[start:end if end > 0 else None]
            signs_in = anchor in ("request-access", setup)
            before = setup in anchors and anchors.index(anchor) <= anchors.index(setup)
            assert (note in section) == (signs_in and before), f"{language}/{guide.network.id}#{anchor}"
            told += note in section
    assert told >= len(catalogue.networks) // 2  # the rule was met, not only vacuously


def profile_names(html_part: str) -> list[str]:
    """The profiles a screen-3 table lists, by name, in order."""
    rows = r"<tr(?! class=\"saas-table__head\")[^>]*><td>(?:<[^>]+>)*(?:[☐☑]</span> )?([^<]+)<"  # not the header row
    return [name.strip() for name in re.findall(rows, html_part)]


def test_the_profile_screen_lists_the_profiles_the_networks_source_shows(built_site, catalogue):
    """ERN-RND's document shows four profiles, EuroBloodNet's five, the default guide's source six: each guide's
    picture and its practice list those of its own source, in order, and include those the text asks for."""
    sizes = set()
    for guide, page, profiles in showing(built_site, catalogue, "saas-profiles"):
        names = {p.id: p.name for p in catalogue.access_profiles}
        expected = [names[i] for i in guide.settings.profile_screen.profiles]  # the real default guide has one
        assert profile_names(profiles) == expected, guide.network.id
        assert {p.name for p in guide.profiles} <= set(expected), guide.network.id
        practice = next(p for p in sorted((built_site / "sim" / guide.network.id).glob("*.html"))
                        if 'id="profiles-label"' in p.read_text(encoding="utf-8")).read_text(encoding="utf-8")
        screen3 = re.search(r'<table class="saas-table" aria-labelledby="profiles-label">.*?</table>', practice, re.S)
        assert [html.unescape(n) for n in re.findall(r'<label class="sim-box-label"[^>]*>([^<]+)<', screen3.group())] \
            == expected, guide.network.id
        sizes.add(len(expected))
    assert len(sizes) > 1  # networks' sources differ, and the pictures with them


def labels(picture_html: str) -> list[str]:
    return [html.unescape(x) for x in re.findall(r'class="eulogin-field__label">([^<]+)<', picture_html)]


def test_the_account_form_has_every_field_its_step_says_to_fill(built_site, catalogue, english):
    """The fields the "fill in" action names in bold are on that step's picture of the form (EURACAN's
    document, reached through the ECP, shows "Enter the code"; the others do not)."""
    forms = set()
    for guide in guides(catalogue):
        page = page_of(built_site, guide)
        anchor, step_shown = guide.steps[[a for a, _ in guide.steps].index("eu-login")]
        fill = next(b.do for b in step_shown.blocks if b.do and b.do.endswith(".fill"))
        named = re.findall(r"\*\*([^*]+)\*\*", english[fill].text)
        form = next(b.screen for b in step_shown.blocks if b.screen)
        shown = labels(picture(page, form))
        assert named and all(" ".join(n.split()) in shown for n in named), (guide.network.id, named, shown)
        forms.add(form)
    assert len(forms) == 2  # the plain form, and the one with the code


def test_the_sign_in_picture_shows_the_address_password_and_every_method_in_use(built_site, catalogue, english):
    """As ERN-RND's document shows "ERN-CPMS requires you to authenticate" (p. 14): the e-mail address, the
    password, and the methods in use, not "Password" (offered where one signs in to "My account", p. 11); the
    guide's own method is the one marked."""
    in_use = [m.label for m in catalogue.verification_methods if m.on_screen and not m.retired]
    assert "Password" not in in_use and in_use
    for guide, page, sign_in in showing(built_site, catalogue, "eu-login-methods"):
        assert labels(sign_in)[:2] == ["Welcome", "Password"], guide.network.id
        assert "Sign in with a different e-mail address?" in words(sign_in)
        listed = re.findall(r'<li( class="ern-target")?><span class="saas-choice"><span[^>]*>([◉○])</span> ([^<]+)<', sign_in)
        assert [html.unescape(label) for _, _, label in listed] == in_use, (guide.network.id, listed)
        assert [html.unescape(label) for target, mark, label in listed if target and mark == "◉"] == [guide.method.label]


def test_every_picture_says_which_source_it_follows_and_when_that_was_written(built_site, catalogue):
    """Under each picture: the title of the source whose screenshot it follows (the network's own document
    where it shows that screen) and when it was written; that source is among the guide's sources."""
    for guide in guides(catalogue):
        page = page_of(built_site, guide)
        figures = re.findall(r'<figure[^>]*data-screen="([^"]+)".*?</figure>', page, re.S)
        assert figures, guide.network.id
        for screen, figure in zip(figures, re.findall(r'<figure.*?</figure>', page, re.S)):
            line = re.search(r'<p class="ern-screen__source">(.*?)</p>', figure, re.S)
            assert line, (guide.network.id, screen)
            titles = [s.title for s in catalogue.sources if s.title in words(line.group(1))]
            assert titles, (guide.network.id, screen, line.group(1))
            assert any(t in words(page.split('id="sources"')[1]) for t in titles), (guide.network.id, screen)
            assert re.search(r"(written before|published on|consulted on) \d", words(line.group(1))), line.group(1)
            own = [catalogue.source(i).title for i in guide.network.sources]
            if screen.startswith("saas-") and screen != "saas-profiles" and own and guide.network.id in (
                    "ern-rnd", "reconnet", "eurobloodnet"):
                assert titles[0] in own, (guide.network.id, screen)  # its own document shows these screens


def test_a_network_with_its_own_preferences_screen_shows_it_and_says_it(built_site, catalogue):
    """ERN-RND's slide lists the thematic areas under "ERN Thematic Areas", with a "None" row and "I'm a
    specialist in:" below: its picture shows that screen, not the shared table, and its step says to tick there."""
    found = 0
    for guide in guides(catalogue):
        own = guide.settings.preferences_screen
        if not own or "preferences" not in dict(guide.steps):
            continue
        page = page_of(built_site, guide)
        shown = words(picture(page, "cpms-preferences"))
        assert own.areas_heading in shown and "I wish to participate" not in shown, guide.network.id
        assert all(field in shown for field in (own.first_row, own.specialist_field) if field), guide.network.id
        assert catalogue.source(own.source).title in shown, guide.network.id  # drawn from it
        assert "I wish to participate" not in words(step(page, "preferences")), guide.network.id
        found += 1
    assert found


def test_a_network_with_its_own_recap_screen_shows_it_and_says_it(built_site, catalogue):
    """ERN-RND's slide of screen 4 names the profile "healthcare professional" and shows the comment its example
    wrote: its picture shows that, drawn from the slide, not the shared summary."""
    found = 0
    for guide in guides(catalogue):
        own = guide.settings.recap_screen
        if not own or "request-access" not in dict(guide.steps):
            continue
        shown = words(picture(page_of(built_site, guide), "saas-recap"))
        assert own.access_profile in shown and all(p.name not in shown.split() for p in guide.profiles), shown
        assert (own.comment or "") in shown and catalogue.source(own.source).title in shown, guide.network.id
        found += 1
    assert found
