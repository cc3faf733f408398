"""Loading and validating the catalogue: each broken input gets its exact file:line:col message."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue import load_catalogue
from generator.errors import InputError
from generator.texts import load_language

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_catalogue.yaml"
NAME = "data/ern_catalogue.yaml"
TEXT_KEYS = load_language(ROOT / "guides" / "en", "guides/en", is_source=True)


def load_variant(tmp_path: Path, old: str | None = None, new: str = "", raw: bytes | None = None):
    text = FIXTURE.read_text(encoding="utf-8")
    if old is not None:
        assert text.count(old) == 1, f"mutation target {old!r} must occur exactly once in the fixture"
        text = text.replace(old, new)
    path = tmp_path / "catalogue.yaml"
    path.write_bytes(raw if raw is not None else text.encode("utf-8"))
    return load_catalogue(path, NAME, TEXT_KEYS)


def test_fixture_and_real_catalogue_are_valid(tmp_path):
    assert [n.id for n in load_variant(tmp_path).networks] == ["alpha", "beta"]
    real = load_catalogue(ROOT / NAME, NAME, TEXT_KEYS)
    assert len(real.networks) == 24
    assert {o.label for o in real.other_organisations} == {"COVID-19"}


CASES = {
    "duplicate key": ("  target: CPMS\n", "  target: CPMS\n  target: CPMS\n",
                      "data/ern_catalogue.yaml:27:3: application.target: duplicate key 'target' (first written on line 26)"),
    "tab": ("  target: CPMS\n", "\ttarget: CPMS\n",
            "data/ern_catalogue.yaml:26:1: tab character found; indent with spaces, not tabs"),
    "malformed yaml": ("  choices: [AAC, CPMS]", "  choices: [AAC, CPMS",
                       "data/ern_catalogue.yaml:26:9: invalid YAML: expected ',' or ']', but got ':'"),
    "wrong type": ("hospitals_complete: true", "hospitals_complete: maybe",
                   "data/ern_catalogue.yaml:85:29: networks[1].countries[0].hospitals_complete: expected true or false, got 'maybe'"),
    "missing field": ("    short_name: BETA\n", "",
                      "data/ern_catalogue.yaml:76:5: networks[1].short_name: expected a value, got nothing (this field is required)"),
    "unknown field": ("    label: BETA - Second Test Diseases\n", "    label: BETA - Second Test Diseases\n    colour: blue\n",
                      "data/ern_catalogue.yaml:79:13: networks[1].colour: unknown field 'colour'; check its spelling and indentation"),
    "unknown country": ("      - country: DE\n", "      - country: XX\n",
                        ["data/ern_catalogue.yaml:84:18: networks[1].countries[0].country: expected one of the country codes: DE, IT; got 'XX'",
                         "data/ern_catalogue.yaml:90:26: networks[1].guide.example.country: expected one of the countries of this network: XX; got 'DE'"]),
    "unknown profile": ("profiles: [hp, researcher]", "profiles: [hp, surgeon]",
                        "data/ern_catalogue.yaml:93:22: networks[1].guide.profiles[1]: expected one of the access profile ids: hp, researcher; got 'surgeon'"),
    "unknown step": ("default_procedure: [eu-login, request-access]", "default_procedure: [eu-login, request-acess]",
                     "data/ern_catalogue.yaml:65:31: default_procedure[1]: expected one of the step ids: eu-login, request-access; got 'request-acess'"),
    "unknown text key": ("comment_hint: comment-hint.speciality-neuro", "comment_hint: comment-hint.nothing",
                         "data/ern_catalogue.yaml:92:21: networks[1].guide.comment_hint: expected a text key defined in guides/en/, got 'comment-hint.nothing'"),
    "duplicate hospital": ("{code: DE30, name: Universitätsklinikum Bonn}", "{code: DE22, name: Universitätsklinikum Bonn}",
                           "data/ern_catalogue.yaml:88:13: networks[1].countries[0].hospitals[1]: duplicate hospital code 'DE22'"),
    "malformed hospital code": ("{code: DE30,", "{code: DE3,",
                                "data/ern_catalogue.yaml:88:20: networks[1].countries[0].hospitals[1].code: expected a hospital code of two capitals and two digits like 'DE22', got 'DE3'"),
    "hospital in wrong country": ("{code: DE30,", "{code: IT30,",
                                  "data/ern_catalogue.yaml:88:20: networks[1].countries[0].hospitals[1].code: expected a code starting with 'DE' (the country of this list), got 'IT30'"),
    "http url": ("url: https://cpms.ern-net.eu\n", "url: http://cpms.ern-net.eu\n",
                 "data/ern_catalogue.yaml:17:10: links.cpms.url: expected an https:// address, got 'http://cpms.ern-net.eu'"),
    "bad e-mail": ("helpdesk@beta.example.eu", "helpdesk(at)beta.example.eu",
                   "data/ern_catalogue.yaml:81:16: networks[1].contacts[0].email: expected an e-mail address like 'helpdesk@example.eu', got 'helpdesk(at)beta.example.eu'"),
    "bad id": ("  - id: alpha\n", "  - id: Alpha One\n",
               "data/ern_catalogue.yaml:73:9: networks[0].id: expected a lowercase id like 'ern-rnd', got 'Alpha One'"),
    "example hospital not listed": ("hospital: DE22}", "hospital: DE42}",
                                    "data/ern_catalogue.yaml:90:40: networks[1].guide.example.hospital: expected one of the hospital codes of that country: DE22, DE30; got 'DE42'"),
    "html in a label": ("label: ALPHA - First Test Diseases", "label: ALPHA <script>alert(1)</script>",
                        "data/ern_catalogue.yaml:75:12: networks[0].label: expected text without '<' or '>', got 'ALPHA <script>alert(1)</script>'"),
}


@pytest.mark.parametrize("old, new, expected", CASES.values(), ids=CASES.keys())
def test_each_error_has_its_exact_message(tmp_path, old, new, expected):
    with pytest.raises(InputError) as caught:
        load_variant(tmp_path, old, new)
    assert [str(p) for p in caught.value.problems] == (expected if isinstance(expected, list) else [expected])


def test_all_errors_are_reported_together(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("{code: DE30,", "{code: DE3,").replace(
        "helpdesk@beta.example.eu", "nobody")
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_catalogue(path, NAME, TEXT_KEYS)
    assert [p.line for p in caught.value.problems] == [81, 88]
    assert caught.value.report().endswith("2 problems found; nothing was built.")


def test_empty_file(tmp_path):
    with pytest.raises(InputError) as caught:
        load_variant(tmp_path, raw=b"")
    assert str(caught.value.problems[0]) == (
        "data/ern_catalogue.yaml:1:1: expected the catalogue (a mapping with 'networks', 'steps', ...), "
        "got an empty file")


def test_not_utf8(tmp_path):
    with pytest.raises(InputError) as caught:
        load_variant(tmp_path, raw="sources:\n  - title: Liège\n".encode("latin-1"))
    assert str(caught.value.problems[0]) == (
        "data/ern_catalogue.yaml:2:1: expected UTF-8 text, got an undecodable byte 0xe8; save the file as UTF-8")
