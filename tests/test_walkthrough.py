"""The README's helpdesk tasks, followed word for word on a copy of the project.

Each fenced block of the README that the walkthrough uses is preceded by a comment saying what a helpdesk does
with it (`<!-- walkthrough: sources -->`: add it at the end of `sources:`; `check`: run `ern-guides check` and
see exactly these lines; ...). So every example message of the README is what the code prints today.

The walkthrough is written for BOND. Should BOND have facts of its own by now, the same edits are made for the
first network that has none, its names put where the README has BOND's.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, mkdocs_build
from generator.pipeline import generate
from test_source_facts import visible_text

STEP = re.compile(r"<!-- walkthrough: (.+?) -->\n```[a-z]*\n(.*?)```", flags=re.S)


def walkthrough() -> list[tuple[str, str]]:
    """(what to do, the block) for every marked block of the README, in order."""
    return STEP.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def example_network():
    networks = generate(ROOT, ["en", "fr"]).catalogue.networks
    bare = [n for n in networks if not (n.sources or n.contacts or n.guide or n.countries)]
    return next((n for n in bare if n.id == "bond"), bare[0])


def check(project: Path) -> list[str]:
    """What `check` prints, each text not yet translated on a line of its own (--details): the README's line
    for its own text, whatever other texts a helpdesk has left untranslated."""
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--details"], cwd=project,
                            capture_output=True, text=True)
    assert "Traceback" not in result.stderr
    return (result.stderr + result.stdout).splitlines()


def expect_lines(shown: str, output: list[str]) -> None:
    """Each line the README shows is printed, `<line>`, `<column>`, `<count>` standing for numbers and `<codes>`
    for a list of codes."""
    for line in shown.strip().splitlines():
        pattern = re.escape(line)
        for stand_in, meaning in (("<line>", r"\d+"), ("<column>", r"\d+"), ("<count>", r"\d+"),
                                  ("<codes>", r"[A-Z]{2}(, [A-Z]{2})*")):
            pattern = pattern.replace(re.escape(stand_in), meaning)
        assert any(re.fullmatch(pattern, printed) for printed in output), f"{line!r} not in {output}"


def after_block(text: str, opening: str) -> int:
    """Where the block of YAML that starts with the line(s) `opening` ends: past every following line that is
    blank or indented deeper than its first line."""
    start = re.search("^" + re.escape(opening), text, flags=re.M).start()
    indent = len(opening) - len(opening.lstrip(" "))
    end = text.index("\n", start) + 1
    for line in text[end:].splitlines(keepends=True):
        if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            break
        end += len(line)
    return end


def test_readme_walkthrough_adds_a_hospital_a_country_and_a_networks_facts(project_copy):
    network = example_network()
    index = generate(ROOT, ["en", "fr"]).catalogue.networks.index(network)

    def named(text: str) -> str:  # the README's BOND, or the network standing in for it
        text = text.replace("BOND", network.short_name).replace("bond", network.id)
        return text.replace("networks[0]", f"networks[{index}]")

    # Another helpdesk's allowed edit, made before: a new English text left untranslated, its note and text
    # written as people type (a straight apostrophe). The walkthrough and the site-wide checks hold all the same.
    texts = project_copy / "guides" / "en" / "networks.yaml"
    texts.write_text(texts.read_text(encoding="utf-8") + "network.other.warning:\n  note: The other network's "
                     "warning, shown nowhere yet.\n  interface: true\n  text: \"Don't pick Guest Access if your "
                     "hospital is listed.\"\n", encoding="utf-8")
    catalogue = project_copy / "data" / "ern_catalogue.yaml"
    entry = hospital = None
    done = []
    for action, block in walkthrough():
        text = catalogue.read_text(encoding="utf-8")
        if action == "sources":
            assert text.count("\nlinks:\n") == 1
            text = text.replace("\nlinks:\n", "\n" + named(block) + "\nlinks:\n")
        elif action == "network":
            entry = named(block) if network.id == "bond" else \
                f"  - id: {network.id}\n    short_name: {network.short_name}\n    label: {network.label}\n"
            assert text.count(entry) == 1
        elif action == "below network":
            text = text.replace(entry, entry + named(block))
            hospital = block.strip().splitlines()[-1]
        elif action == "below hospital":
            text = text.replace(hospital + "\n", hospital + "\n" + named(block))
        elif action == "below network facts":
            end = after_block(text, entry)
            text = text[:end] + named(block) + text[end:]
        elif action == "countries":
            end = after_block(text, "countries:\n")
            text = text[:end] + block + text[end:]
        elif action == "english networks":
            texts = project_copy / "guides" / "en" / "networks.yaml"
            texts.write_text(texts.read_text(encoding="utf-8") + named(block), encoding="utf-8")
        elif action == "check":
            expect_lines(named(block), check(project_copy))
        elif action.startswith("check with "):
            typo, right = re.fullmatch(r"check with (\S+) for (\S+)", action).groups()
            assert right in hospital  # the typo in the line the README had the helpdesk write, nowhere else
            catalogue.write_text(text.replace(hospital, hospital.replace(right, typo)), encoding="utf-8")
            expect_lines(named(block), check(project_copy))
        elif action == "build":
            assert block.strip() == "mkdocs build"
        else:
            raise AssertionError(f"README: unknown walkthrough step {action!r}")
        catalogue.write_text(text, encoding="utf-8")
        done.append(action)
    assert done[-1] == "build" and done.count("check") >= 4, done

    site = project_copy / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = visible_text(site / "first-cpms" / network.id / "index.html")  # hospitals: the first CPMS's screens
    step = page[page.index("Select your hospital"):page.index("Sign in to the CPMS", page.index("Select your hospital"))]
    assert f"Choose the hospital where you see {network.short_name} patients." in step
    assert "60 days" in step and "Source: ERN BOND, Access to the CPMS".replace("BOND", network.short_name) in step
    help_part = page[page.index("Help and contacts", page.index("What happens next")):]
    assert f"{network.short_name} CPMS helpdesk" in help_part and f"cpms-helpdesk@{network.id}.example.eu" in help_part
    assert "About this guide" not in page
    french = (site / "fr" / "first-cpms" / network.id / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition note"' in french.split("<article")[1].split("<h1")[0]  # the notice, above the title
    helping = (site / "fr" / "translate" / "index.html").read_text(encoding="utf-8")
    assert "network." + network.id + ".hospital-first" in helping  # the "How to help" page names the text
    status = subprocess.run([sys.executable, "-m", "generator", "status", "--strict"], cwd=project_copy,
                            capture_output=True, text=True)
    assert status.returncode == 1 and f"missing: network.{network.id}.hospital-first" in status.stdout
    import test_typography  # the suite's checks of every French page, on the site this edit made
    for site_wide in (test_typography.test_no_plain_space_before_french_high_punctuation,
                      test_typography.test_french_pages_elide_write_1er_and_use_typographic_apostrophes,
                      test_typography.test_french_pages_show_english_only_as_screen_labels_quotations_addresses_or_marked,
                      test_typography.test_french_pages_name_publishers_and_show_screen_labels_as_french_readers_need):
        site_wide(site)


def test_every_example_message_of_the_readme_is_checked():
    """A `text` block (what a command prints) is only shown where the walkthrough checks it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"```text\n(.*?)```", readme, flags=re.S)
    checked = [block for action, block in walkthrough() if action.startswith("check")]
    assert shown and shown == checked
