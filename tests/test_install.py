"""What a new machine installs: the README's two commands, run as they are by .ci/run, and the versions pinned."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT


def readme_commands() -> list[str]:
    """The shell commands of the README's set-up part, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme[readme.index("## Set-up"):]
    setup = setup[:setup.index("\n## ", 4)]
    return [line.split("#")[0].strip() for block in re.findall(r"```sh\n(.*?)```", setup, flags=re.S)
            for line in block.strip().splitlines()]


def test_ci_runs_the_readmes_two_commands_in_a_clone_with_nothing_beside_it():
    commands = readme_commands()
    assert len(commands) == 2
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert commands == [line for line in ci if line in commands]  # both, in order
    assert any(line.startswith("git clone") for line in ci) and any(line.startswith("cd ") for line in ci)
    assert ci.index(next(line for line in ci if line.startswith("git clone"))) < ci.index(commands[0])


def test_every_dependency_is_pinned_for_the_tests():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    pinned = {re.split("==", line)[0].lower().replace("_", "-") for line in
              (ROOT / "tests" / "constraints.txt").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    names = {re.match(r"[A-Za-z0-9_.-]+", d).group().lower().replace("_", "-") for d in wanted}
    assert sorted(names - pinned) == []
    assert "-c tests/constraints.txt" in (ROOT / "tests" / "run").read_text(encoding="utf-8")
    assert "-c tests/constraints.txt" in readme_commands()[0]  # the site builds with what the tests passed with
