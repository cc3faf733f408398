"""`ern-guides import-hospitals`: a helpdesk's spreadsheet of member hospitals merged into the catalogue."""

from __future__ import annotations

import csv
import difflib
import subprocess
import sys

import yaml

from conftest import mkdocs_build, write_yaml

CATALOGUE = "data/ern_catalogue.yaml"


def ern_guides(project, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


def a_network_with_an_example(project) -> dict:
    data = yaml.safe_load((project / CATALOGUE).read_text(encoding="utf-8"))
    return data, next(n for n in data["networks"] if (n.get("guide") or {}).get("example"))


def write_csv(path, rows, delimiter=",") -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as f:  # as a spreadsheet saves "CSV UTF-8"
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(["Country", "Code", "Name"])
        writer.writerows(rows)


def test_a_300_row_member_list_is_shown_then_applied_and_the_site_builds(project_copy):
    data, network = a_network_with_an_example(project_copy)
    example = network["guide"]["example"]
    kept = next(e for e in network["countries"] if e["country"] == example["country"])["hospitals"]
    rows = [[example["country"], h["code"], h["name"] + (" (renamed)" if h["code"] != example["hospital"] else "")]
            for h in kept]
    for country in (c["code"] for c in data["countries"] if c["code"] != example["country"]):
        rows += [[country, f"{country}{n:02}", f"Test hospital {n}, {country}: members' list"] for n in range(10, 60)]
    rows = rows[:300]
    assert len(rows) == 300
    write_csv(project_copy / "members.csv", rows, delimiter=";")
    before = (project_copy / CATALOGUE).read_text(encoding="utf-8")

    shown = ern_guides(project_copy, "import-hospitals", network["id"], "members.csv")
    assert shown.returncode == 0, shown.stderr
    renamed = next(h for h in kept if h["code"] != example["hospital"])
    assert f"  ~ {renamed['code']} {renamed['name']} -> {renamed['name']} (renamed)" in shown.stdout.splitlines()
    assert f"  + {rows[-1][1]} {rows[-1][2]}" in shown.stdout.splitlines()
    assert "nothing changed; run again with --yes to apply" in shown.stdout
    assert (project_copy / CATALOGUE).read_text(encoding="utf-8") == before

    applied = ern_guides(project_copy, "import-hospitals", network["id"], "members.csv", "--yes")
    assert applied.returncode == 0, applied.stderr
    after = (project_copy / CATALOGUE).read_text(encoding="utf-8")
    imported = next(n for n in yaml.safe_load(after)["networks"] if n["id"] == network["id"])
    listed = {(e["country"], h["code"], h["name"]) for e in imported["countries"] for h in e.get("hospitals", [])}
    assert {tuple(row) for row in rows} <= listed
    # only the network's country entries were rewritten (however a helpdesk formatted them): every other line,
    # comments included, is as it was
    node = next(n for n in yaml.compose(before, Loader=yaml.SafeLoader).value if n[0].value == "networks")[1]
    entries = next(v for k, v in next(m for m in node.value if any(
        k.value == "id" and v.value == network["id"] for k, v in m.value)).value if k.value == "countries")
    block = set(before.splitlines()[entries.start_mark.line:entries.end_mark.line + 1])
    removed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line.startswith("- ")]
    assert removed and all(line[2:] in block for line in removed), removed
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == \
        [line for line in after.splitlines() if line.lstrip().startswith("#")]
    assert ern_guides(project_copy, "check").returncode == 0
    built = mkdocs_build(project_copy, project_copy / "site")
    assert built.returncode == 0, built.stderr


def test_a_bad_code_is_reported_with_its_csv_line_and_nothing_changes(project_copy):
    _, network = a_network_with_an_example(project_copy)
    country = network["guide"]["example"]["country"]
    write_csv(project_copy / "members.csv", [[country, f"{country}10", "A"], [country, f"{country}1", "B"],
                                             [country, f"{country}10", "C"]])
    before = (project_copy / CATALOGUE).read_bytes()
    result = ern_guides(project_copy, "import-hospitals", network["id"], "members.csv", "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:2] == [
        f"members.csv:3:1: code: expected a hospital code of the country's two capitals and two digits like "
        f"'{country}22', got '{country}1'",
        f"members.csv:4:1: code: duplicate hospital code '{country}10' (first on line 2)"]
    assert (project_copy / CATALOGUE).read_bytes() == before


def test_an_import_the_catalogue_would_refuse_is_put_back(project_copy):
    """Removing the hospital a guide uses as its example: check refuses the result, the file is restored."""
    _, network = a_network_with_an_example(project_copy)
    country = network["guide"]["example"]["country"]
    write_csv(project_copy / "members.csv", [[country, f"{country}99", "Another hospital"]])
    before = (project_copy / CATALOGUE).read_bytes()
    result = ern_guides(project_copy, "import-hospitals", network["id"], "members.csv", "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ".guide.example.hospital: expected one of the hospital codes of that country" in result.stderr
    assert "the catalogue was left as it was" in result.stderr
    assert (project_copy / CATALOGUE).read_bytes() == before


def test_a_network_with_no_countries_yet_gets_its_list_in_the_screens_order(project_copy):
    """A network whose helpdesk lists no country yet: the first import writes its `countries:`, countries in the
    order the organisation screen lists them (the catalogue's `countries:`), whatever the file's order; a second
    import puts a new country in its place among them."""
    data = yaml.safe_load((project_copy / CATALOGUE).read_text(encoding="utf-8"))
    network = next(n for n in data["networks"] if n.get("countries") and n.get("sources"))
    del network["countries"]
    for chosen in ("example", "first_listed"):  # a hospital of the list: gone with it
        (network.get("guide") or {}).pop(chosen, None)
    write_yaml(project_copy / CATALOGUE, data)
    screen = [c["code"] for c in data["countries"]]
    first, later = screen[-1:] + screen[4:7][::-1], screen[2:3]  # the file's order: not the screen's
    write_csv(project_copy / "members.csv", [[c, f"{c}0{i}", f"Test hospital {i}"] for i, c in enumerate(first)])
    result = ern_guides(project_copy, "import-hospitals", network["id"], "members.csv", "--yes")
    assert result.returncode == 0, result.stderr

    def listed() -> list[str]:
        imported = yaml.safe_load((project_copy / CATALOGUE).read_text(encoding="utf-8"))
        return [e["country"] for e in next(n for n in imported["networks"] if n["id"] == network["id"])["countries"]]
    assert listed() == sorted(first, key=screen.index)
    write_csv(project_copy / "members.csv", [[c, f"{c}01", "Test hospital"] for c in later])
    result = ern_guides(project_copy, "import-hospitals", network["id"], "members.csv", "--yes")
    assert result.returncode == 0, result.stderr
    assert listed() == sorted(first + later, key=screen.index)
    # its guide, in both languages, shows the first hospital the screen lists, and no longer says it cannot
    from generator.pipeline import generate
    result = generate(project_copy, ["en", "fr"])
    first_listed = sorted(first + later, key=screen.index)[0]
    for language in ("en", "fr"):
        page = result.pages[f"{language}/first-cpms/{network['id']}.md"]
        cannot = str(result.texts[language]("step.request-access.hospitals-unknown", network=network["short_name"],
                                            network_helpdesk="")).split("{")[0][:40]
        assert f"{first_listed}0" in page and "Test hospital" in page, language
        assert cannot not in page, language
