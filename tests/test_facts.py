"""Facts that stay true: sources, checked dates, retired verification methods, platforms.

Each test edits the small fixture catalogue the way a helpdesk would (one data edit) and checks what the
guides, the screen pictures and the simulator do with it.
"""

from __future__ import annotations

import html
import itertools
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.catalogue import wizard
from generator.catalogue.load import load_catalogue, outdated
from generator.cli import main
from generator.guides.evidence import date_text
from generator.guides.render import render_site
from generator.inputs.errors import InputError
from generator.pipeline import load_texts
from generator.simulator.pages import render_simulator
from conftest import text_of_class, write_yaml
from test_corpus import project_with

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_catalogue.yaml"
TEXTS = load_texts(ROOT, ["en", "fr"])


def fixture_data() -> dict:
    """The fixture with a second factor to set up: the app (recommended) and SMS, each with its step."""
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["verification_methods"][0]["setup_step"] = "phone"
    data["verification_methods"].append({"id": "app", "label": "EU Login Mobile App PIN Code", "source": "doc",
                                         "setup_step": "app-setup"})
    checked = {"sources": ["doc"], "checked": date(2026, 1, 15)}
    data["steps"]["phone"] = {**checked, "title": "step.phone-number.title", "method": "sms",
                              "blocks": [{"do": "step.phone-number.add"}]}
    data["steps"]["app-setup"] = {**checked, "title": "step.mobile-app.title",
                                  "blocks": [{"changes": "verification_methods"}, {"do": "step.mobile-app.install"}]}
    data["steps"]["sign-in"] = {**checked, "title": "step.first-login.title", "blocks": [
        {"do": "step.first-login.method"}, {"screen": "eu-login-methods"},
        {"note": "step.first-login.sms", "method": "sms"}, {"changes": "verification_methods"}]}
    data["platforms"]["saas"]["procedure"] = ["eu-login", "phone", "request-access", "sign-in"]
    data["default_guide"]["recommended_verification"] = "app"
    return data


def load(tmp_path: Path, data: dict):
    path = tmp_path / "catalogue.yaml"
    write_yaml(path, data)
    return load_catalogue(path, "data/ern_catalogue.yaml", TEXTS["en"].source, root=tmp_path)


def retire_sms(data: dict) -> dict:
    """The one edit that retires a method."""
    data["verification_methods"][0].update(retired_on=date(2025, 7, 1), retired_source="doc", replaced_by=["app"])
    return data


def anchors(page: str) -> list[str]:
    return re.findall(r"^## \d+\. .* \{ #([a-z0-9-]+) \}$", page, flags=re.M)


def test_a_method_in_use_has_its_steps_notes_and_place_on_the_screen(tmp_path):
    page = render_site(load(tmp_path, fixture_data()), TEXTS)["en/networks/alpha.md"]
    assert anchors(page) == ["eu-login", "phone", "request-access", "sign-in"]
    assert page.count("Mobile Phone + SMS") == 3  # on the sign-in screen picture, and its fold: title and note
    assert "ern-changed" not in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_retiring_a_method_is_one_edit_that_every_guide_follows(tmp_path, language):
    cat = load(tmp_path, retire_sms(fixture_data()))
    pages = render_site(cat, TEXTS)
    for network in ("alpha", "beta"):
        page = pages[f"{language}/networks/{network}.md"]
        assert anchors(page) == ["eu-login", "app-setup", "request-access", "sign-in"]
        today, kept = section_apart(page, "kept-sms")
        changed = today.split("ern-changed")
        assert len(changed) == 2, "the change is told once, at the first step that tells changes"
        box = admonition(changed[1])
        assert today.count("Mobile Phone + SMS") == box.count("Mobile Phone + SMS") == 2  # told, and linked:
        assert "](#kept-sms)" in box  # what the documents said of it is kept below today's steps
        assert "{ #phone " in kept and "Mobile Phone + SMS" in kept  # its step, and its note on the sign-in
        assert str(date_text(date(2025, 7, 1), TEXTS[language])) in box  # the day, as the language writes it
        assert "EU Login Mobile App PIN Code" in box  # what replaces it
        assert "https://example.eu/doc" in page.split("{ #sources }")[1]  # its source, in the list of sources


def section_apart(page: str, anchor: str) -> tuple[str, str]:
    """A Markdown page without the section (`## ... { #anchor ... }` up to the next `## `), and that section."""
    start = re.search(rf"\{{ #{anchor}[ }}]", page).start()
    start = page.rindex("\n## ", 0, start) + 1
    end = page.find("\n## ", start) + 1 or len(page)
    return page[:start] + page[end:], page[start:end]


def admonition(rest: str) -> str:
    """The body of the admonition whose title line `rest` continues: its indented and blank lines."""
    body = itertools.takewhile(lambda line: not line or line.startswith("    "), rest.split("\n")[1:])
    return "\n".join(body)


def test_a_network_may_not_recommend_a_retired_method(tmp_path):
    data = retire_sms(fixture_data())
    data["networks"][1]["guide"]["recommended_verification"] = "sms"
    with pytest.raises(InputError) as caught:
        load(tmp_path, data)
    [problem] = caught.value.problems
    assert problem.path == "networks[1].guide.recommended_verification"
    assert problem.line > 1 and "retired on 2025-07-01" in problem.message


def test_a_retired_method_names_its_source_and_replacements(tmp_path):
    data = fixture_data()
    data["verification_methods"][0].update(retired_on=date(2025, 7, 1), replaced_by=["sms"])
    data["default_guide"]["recommended_verification"] = "app"
    with pytest.raises(InputError) as caught:
        load(tmp_path, data)
    assert {p.path: p.message for p in caught.value.problems} == {
        "verification_methods[0].retired_on": "expected `retired_source`: the id of the source that says it was "
                                              "retired, got nothing",
        "verification_methods[0].replaced_by[0]": "expected one of the verification methods still in use: app; "
                                                  "got 'sms'"}


def with_cpms2(data: dict) -> dict:
    data["links"]["cpms2"] = {"url": "https://cpms2.ern-net.eu/", "source": "doc"}
    data["platforms"]["cpms2"] = {"name": "CPMS 2.0", "link": "cpms2", "sources": ["doc"],
                                  "checked": date(2026, 1, 15), "procedure": ["eu-login"],
                                  "before": "guide.before.cpms2", "what_next": "guide.next.cpms2", "help": [],
                                  "simulator": False}
    return data


def test_switching_a_network_to_another_platform_is_one_edit_with_its_source(tmp_path):
    data = with_cpms2(fixture_data())
    before = render_site(load(tmp_path, data), TEXTS)["en/networks/beta.md"]
    data["sources"].append({"id": "beta-2026", "url": "https://beta.example.eu/cpms", "title": "CPMS 2.0",
                            "publisher": "BETA", "consulted": date(2026, 11, 30), "language": "en"})
    data["networks"][1]["sources"].append("beta-2026")
    data["networks"][1]["guide"].update(platform="cpms2", platform_source="beta-2026")  # the edit, with its source
    cat = load(tmp_path, data)
    pages = render_site(cat, TEXTS)
    beta, alpha = pages["en/networks/beta.md"], pages["en/networks/alpha.md"]
    assert anchors(beta) == ["eu-login"] and "request-access" in anchors(alpha)
    assert 'data-screen="saas-' in before and 'data-screen="saas-' not in beta  # no picture of the Saas screens
    assert "https://cpms2.ern-net.eu/" in beta.split("{ #what-next }")[1]
    assert "CPMS 2.0" in pages["en/index.md"].split("(networks/beta.md)")[1].split("\n")[0]
    assert "CPMS 2.0" not in pages["en/index.md"].split("(networks/alpha.md)")[1].split("\n")[0]

    graph = wizard.build(cat)
    assert graph.problems() == []
    assert not any(node_id.startswith("sim/beta/") for node_id in graph.nodes)
    organisations = render_simulator(cat, TEXTS, graph)["fr/sim/organisations.html"]
    row = next(r for r in organisations.split("<tr>") if "BETA - Second Test Diseases" in r)
    assert 'href="../networks/beta/"' in row and "CPMS 2.0" in row and "Open" not in row


def test_every_step_shows_when_it_was_checked_in_the_readers_language(tmp_path):
    pages = render_site(load(tmp_path, fixture_data()), TEXTS)
    for language in ("en", "fr"):
        t = TEXTS[language]
        shown = str(t("guide.checked", date=date_text(date(2026, 1, 15), t)))
        assert "15" in shown and "2026" in shown
        page = pages[f"{language}/networks/alpha.md"]
        assert page.count(shown) == len(anchors(page)) == 4


def test_facts_past_their_maximum_age_are_reported_with_file_and_line(tmp_path):
    data = fixture_data()
    data["max_age_days"] = 365
    data["steps"]["phone"]["checked"] = date(2025, 1, 1)
    path = tmp_path / "data" / "ern_catalogue.yaml"
    path.parent.mkdir()
    write_yaml(path, data)
    cat = load_catalogue(path, "data/ern_catalogue.yaml", TEXTS["en"].source)
    assert outdated(path, "data/ern_catalogue.yaml", cat, date(2026, 1, 1)) == []  # 365 days: not yet
    [old] = outdated(path, "data/ern_catalogue.yaml", cat, date(2026, 1, 3))
    line = path.read_text(encoding="utf-8").splitlines()[old.line - 1]
    assert old.path == "steps.phone.checked" and line.strip() == "checked: 2025-01-01"
    assert "367 days ago" in old.message and "max_age_days: 365" in old.message


def test_check_warns_about_old_facts_and_fails_on_them_with_strict(tmp_path, capsys):
    project = project_with(tmp_path, None)
    catalogue = project / "data" / "ern_catalogue.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("max_age_days: 36500", "max_age_days: 1"),
                         encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 0
    warnings = [w for w in capsys.readouterr().err.splitlines() if w.startswith("warning: data/")]
    assert warnings and all(re.match(r"warning: data/ern_catalogue\.yaml:\d+:\d+: \S+\.checked: last checked", w)
                            for w in warnings)
    assert main(["--root", str(project), "check", "--strict"]) == 1
    assert "failing because of --strict" in capsys.readouterr().err


def test_no_built_page_offers_a_retired_method(built_site, catalogue):
    """A retired method's name appears only where a page says what changed, and in what the page keeps, below
    today's steps, of the documents that described it, in every language."""
    retired = [m.label for m in catalogue.retired_methods]
    live = [m.label for m in catalogue.verification_methods if not m.retired]  # "Token CRAM" is not "Token"
    for page in built_site.rglob("*.html"):
        body = page.read_text(encoding="utf-8")
        for box in text_of_class(body, "ern-changed"):
            body = body.replace(box, "")
        for method in catalogue.retired_methods:  # the kept section, from its heading to the next, and its links
            heading = re.search(rf'<h2[^>]* id="kept-{method.id}">(.*?)</h2>', body)
            if heading:
                title = html.escape(html.unescape(re.sub(r"<[^>]+>", "", heading[1])))
                body = body[:heading.start()] + re.sub(r"^<h2.*?(?=<h2 |</article>)", "", body[heading.start():], count=1, flags=re.S)
                body = re.sub(rf'<a href="#kept-{method.id}"[^>]*>.*?</a>', "", body, flags=re.S)
                body = body.replace(f'aria-label="{title}"', "")  # the table of contents' part for it
        text = html.unescape(body)
        for label in live:
            text = text.replace(label, "")
        offered = [label for label in retired if label in text]
        assert offered == [], f"{page.relative_to(built_site)} offers {offered}"


def test_networks_off_the_wizard_get_no_saas_screens_and_are_sent_to_their_guide(built_site, catalogue):
    for network in catalogue.networks:
        if wizard.rehearsed(catalogue, network):
            continue
        platform = catalogue.platform_of(network)
        for language in ("", "fr/"):
            guide = (built_site / language / "networks" / network.id / "index.html").read_text(encoding="utf-8")
            assert 'data-screen="saas-' not in guide
            assert catalogue.links[platform.link].url in guide
            organisations = (built_site / language / "sim" / "organisations.html").read_text(encoding="utf-8")
            row = next(r for r in organisations.split("<tr>") if html.escape(network.label) in r)
            assert f'href="../networks/{network.id}/"' in row and platform.name in row
            assert not (built_site / language / "sim" / network.id).exists()


def test_a_retired_address_gives_way_to_its_replacement(tmp_path):
    data = fixture_data()
    data["links"]["cpms-new"] = {"url": "https://cpms-new.ern-net.eu", "source": "doc"}
    data["links"]["cpms"].update(retired_on=date(2025, 1, 1), retired_source="doc", replaced_by=["cpms-new"])
    page = render_site(load(tmp_path, data), TEXTS)["en/networks/beta.md"]
    assert "https://cpms-new.ern-net.eu" in page.split("{ #what-next }")[1]
    assert "https://cpms.ern-net.eu)" not in page


def test_a_retired_screen_keeps_its_history_and_is_no_longer_shown(tmp_path):
    data = fixture_data()
    screen = data["steps"]["sign-in"]["blocks"][1]
    assert screen == {"screen": "eu-login-methods"}
    screen.update(retired_on=date(2026, 1, 1), retired_source="doc")
    page = render_site(load(tmp_path, data), TEXTS)["en/networks/alpha.md"]
    assert 'data-screen="eu-login-methods"' not in page and "Choose your verification method" in page
    screen["replaced_by"] = ["app"]
    with pytest.raises(InputError):
        load(tmp_path, data)
