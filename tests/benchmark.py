"""The whole site built at real scale, beside its floor: prints figures, asserts nothing.

    python tests/benchmark.py [LANGUAGES ...] [--runs N]        e.g. python tests/benchmark.py 2 8 24

For each number of languages (2, 8 and 24 by default), a copy of the project gets a catalogue scaled from the
real one (every network in 20 of 28 countries, about 1,600 hospitals in all) and that many languages (the EU's
official ones, each a copy of the French texts). Then, alternately, in the same run:

- the build: `mkdocs build`, as a helpdesk runs it;
- the floor: plain MkDocs + Material building the generated guide pages once per language (no plugin of ours,
  no mkdocs-static-i18n), plus copying the simulator's pages into place.

Each is timed (median of the runs), with the peak memory of its whole process tree (proportional set size, so
pages shared between processes count once). Copies live in /dev/shm where there is one: a disk's timings vary
too much from run to run.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from conftest import BUILD_DATE, copy_of_project  # noqa: E402
from generator.translating.translation import new_language  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOSPITALS, COUNTRIES, COUNTRIES_PER_NETWORK = 1600, 28, 20
# The EU's 24 official languages (Irish and Maltese get Material's labels in English, as `new-language` sets up).
LANGUAGES = ["en", "fr", "de", "it", "es", "pt", "nl", "pl", "sv", "da", "fi", "el", "cs", "sk", "sl", "hu",
             "ro", "bg", "hr", "lt", "lv", "et", "ga", "mt"]


def scaled(data: dict) -> dict:
    """The catalogue's data with every network in 20 of 28 countries and about 1,600 hospitals in all."""
    countries = list(data["countries"])
    countries += [{"code": f"X{chr(65 + i)}", "name": f"Country {i + 1}"} for i in range(COUNTRIES - len(countries))]
    per_network = HOSPITALS // len(data["networks"])
    sourced = next(n for n in data["networks"] if n.get("sources"))  # a network's hospitals need a source
    for n, network in enumerate(data["networks"]):
        chosen = [countries[(n + k) % len(countries)] for k in range(COUNTRIES_PER_NETWORK)]
        entries = []
        codes = itertools.count(1)
        for k, country in enumerate(chosen):
            count = per_network // len(chosen) + (1 if k < per_network % len(chosen) else 0)
            entries.append({"country": country["code"], "hospitals_complete": True, "hospitals": [
                {"code": f"{country['code']}{next(codes) % 100:02d}", "name": f"Hospital {i + 1} of {country['name']}"}
                for i in range(count)]})
        network["countries"] = entries
        network.setdefault("checked", sourced["checked"])
        network.setdefault("sources", sourced["sources"])
        network.get("guide", {}).pop("example", None)  # the example hospital may not be among the scaled ones
    data["countries"] = countries
    return data


class _PlainDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # the catalogue refuses anchors and aliases
        return True


def make_project(where: Path, languages: list[str]) -> Path:
    project = copy_of_project(where)
    catalogue = project / "data/ern_catalogue.yaml"
    data = scaled(yaml.safe_load(catalogue.read_text(encoding="utf-8")))
    catalogue.write_text(yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for language in languages[2:]:  # as a translator starts, then with the French texts as its translation
        new_language(project, language)
        shutil.rmtree(project / "guides" / language)
        shutil.copytree(project / "guides/fr", project / "guides" / language)
    return project


FLOOR = r"""
import shutil, sys
from pathlib import Path
import material
from mkdocs.commands.build import build
from mkdocs.config import load_config
project, languages = Path(sys.argv[1]), sys.argv[2:]
plain = project / "floor.yml"
plain.write_text("site_name: floor\n")
for language in languages:
    site = project / "floor" / ("" if language == "en" else language)
    config = load_config(config_file=str(plain), docs_dir=str(project / "build/docs" / language),
                         site_dir=str(site), theme={"name": "material", "language": language if (
                             Path(material.__file__).parent / f"templates/partials/languages/{language}.html").exists()
                                                    else "en"},
                         markdown_extensions=["admonition", "attr_list", "pymdownx.details", "sane_lists", "toc"],
                         plugins=["search"], use_directory_urls=True)
    build(config)
    shutil.copytree(project / "site" / site.relative_to(project / "floor") / "sim", site / "sim", dirs_exist_ok=True)
"""


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of a command and all its processes."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_DATE}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_memory(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode()[-3000:]}")
    return seconds, peak[0] / 1024


def _tree_memory(pid: int) -> int:
    """Proportional set size (KiB) of a process and its descendants."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1])
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += _tree_memory(int(child))
    except (OSError, ValueError):
        pass
    return total


def site_figures(site: Path) -> tuple[int, float, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    index = sum(p.stat().st_size for p in files if p.name == "search_index.json")
    return sum(p.suffix == ".html" for p in files), sum(p.stat().st_size for p in files) / 1e6, index


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {sys.version.split()[0]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*", type=int, default=[2, 8, 24])
    parser.add_argument("--runs", type=int, default=3, help="builds and floors per number of languages")
    args = parser.parse_args()
    memory_dir = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    print(f"machine: {machine()}; copies in {memory_dir or tempfile.gettempdir()}")
    print(f"{'languages':>9} {'build':>8} {'floor':>8} {'ratio':>6} {'per lang':>9} {'peak mem':>9} {'floor mem':>9} "
          f"{'pages':>7} {'site MB':>8} {'index KB':>9}")
    for count in args.languages:
        languages = LANGUAGES[:count]
        with tempfile.TemporaryDirectory(dir=memory_dir) as where:
            project = make_project(Path(where), languages)
            builds, floors = [], []
            for _ in range(args.runs):
                builds.append(measure([sys.executable, "-m", "mkdocs", "build", "-q"], project))
                shutil.rmtree(project / "floor", ignore_errors=True)
                floors.append(measure([sys.executable, "-c", FLOOR, str(project), *languages], project))
            build = statistics.median(s for s, _ in builds)
            floor = statistics.median(s for s, _ in floors)
            pages, size, index = site_figures(project / "site")
            print(f"{count:>9} {build:>7.1f}s {floor:>7.1f}s {build / floor:>5.2f}x {build / count:>8.2f}s "
                  f"{max(m for _, m in builds):>6.0f}MiB {max(m for _, m in floors):>6.0f}MiB {pages:>7} "
                  f"{size:>8.1f} {index / 1e3 / count:>9.0f}", flush=True)
    print("per lang: build time / languages; index KB: search index bytes per language")


if __name__ == "__main__":
    main()
