"""The README's "Your network's facts" walkthrough, followed word for word on a copy of the project.

The walkthrough is written for BOND. Should BOND have facts of its own by now, the same edit is made for the
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

SECTION = "## Your network's facts"


def walkthrough() -> list[str]:
    """The fenced blocks of the README's section, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(SECTION):]
    section = section[:section.index("\n## ", len(SECTION))]
    return [block for block in re.findall(r"```[a-z]*\n(.*?)```", section, flags=re.S)]


def example_network():
    networks = generate(ROOT, ["en", "fr"]).catalogue.networks
    bare = [n for n in networks if not (n.sources or n.contacts or n.guide or n.countries)]
    return next((n for n in bare if n.id == "bond"), bare[0])


def check(project: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True)
    assert "Traceback" not in result.stderr
    return (result.stderr + result.stdout).splitlines()


def expect_lines(shown: str, output: list[str]) -> None:
    """Each line the README shows is printed, `<line>:<column>` and `<count>` standing for numbers."""
    for line in shown.strip().splitlines():
        pattern = re.escape(line).replace(re.escape("<line>:<column>"), r"\d+:\d+").replace(re.escape("<count>"), r"\d+")
        assert any(re.fullmatch(pattern, printed) for printed in output), f"{line!r} not in {output}"


def test_readme_walkthrough_adds_a_networks_facts(project_copy):
    source, entry, additions, first_check, words, second_check = walkthrough()
    network = example_network()

    def named(text: str) -> str:  # the README's BOND, or the network standing in for it
        return text.replace("BOND", network.short_name).replace("bond", network.id)

    if network.id != "bond":
        entry = f"  - id: {network.id}\n    short_name: {network.short_name}\n    label: {network.label}\n"
    catalogue = project_copy / "data" / "ern_catalogue.yaml"
    text = catalogue.read_text(encoding="utf-8")
    assert text.count("\nlinks:\n") == 1 and text.count(named(entry)) == 1
    text = text.replace("\nlinks:\n", "\n" + named(source) + "\nlinks:\n")  # 1. at the end of `sources:`
    text = text.replace(named(entry), named(entry) + named(additions))     # 2. below the network's lines
    catalogue.write_text(text, encoding="utf-8")

    index = generate(ROOT, ["en", "fr"]).catalogue.networks.index(network)
    expect_lines(named(first_check).replace("networks[0]", f"networks[{index}]"), check(project_copy))  # 3.

    texts = project_copy / "guides" / "en" / "networks.yaml"
    texts.write_text(texts.read_text(encoding="utf-8") + named(words), encoding="utf-8")  # 4.
    expect_lines(named(second_check), check(project_copy))  # 5.

    site = project_copy / "site"
    result = mkdocs_build(project_copy, site)  # 6.
    assert result.returncode == 0, result.stdout + result.stderr
    page = visible_text(site / "networks" / network.id / "index.html")
    step = page[page.index("Select your hospital"):page.index("Sign in to the CPMS", page.index("Select your hospital"))]
    assert f"Choose the hospital where you see {network.short_name} patients." in step
    assert "60 days" in step and "Source: ERN BOND, Access to the CPMS".replace("BOND", network.short_name) in step
    help_part = page[page.index("Help and contacts", page.index("What happens next")):]
    assert f"{network.short_name} CPMS helpdesk" in help_part and f"cpms-helpdesk@{network.id}.example.eu" in help_part
    assert "About this guide" not in page
    french = (site / "fr" / "networks" / network.id / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition note"' in french.split("<article")[1].split("<h1")[0]  # the notice, above the title
    helping = (site / "fr" / "translate" / "index.html").read_text(encoding="utf-8")
    assert "network." + network.id + ".hospital-first" in helping  # the "How to help" page names the text
    status = subprocess.run([sys.executable, "-m", "generator", "status", "--strict"], cwd=project_copy,
                            capture_output=True, text=True)
    assert status.returncode == 1 and f"missing: network.{network.id}.hospital-first" in status.stdout
