"""Simulator size and speed at real scale: prints figures, asserts nothing.

    python tests/benchmark.py

Scales a copy of the real catalogue (in memory only) to about 1,600 hospitals in 28 countries across the
24 networks, and the texts to 24 languages, then renders the simulator and counts pages and bytes.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

from generator import model, simulator
from generator.pipeline import check
from generator.simulator_pages import render_simulator

ROOT = Path(__file__).resolve().parent.parent
HOSPITALS, COUNTRIES = 1600, 28
LANGUAGES = int(os.environ.get("BENCH_LANGUAGES", 24))


def scaled(cat: model.Catalogue) -> model.Catalogue:
    extra = [model.Country(code=f"X{chr(65 + i)}", name=f"Country {i + 1}") for i in range(COUNTRIES - len(cat.countries))]
    countries = list(cat.countries) + extra
    per_network = HOSPITALS // len(cat.networks)
    networks = []
    for n, network in enumerate(cat.networks):
        chosen = [countries[(n + k) % len(countries)] for k in range(min(20, len(countries)))]
        entries = []
        codes = itertools.count(1)
        for k, country in enumerate(chosen):
            count = per_network // len(chosen) + (1 if k < per_network % len(chosen) else 0)
            entries.append(model.CountryEntry(country=country.code, hospitals_complete=True, hospitals=[
                model.Hospital(code=f"{country.code}{next(codes) % 100:02d}", name=f"Hospital {i + 1} of {country.name}")
                for i in range(count)]))
        guide = network.guide.model_copy(update={"example": None}) if network.guide else None
        networks.append(network.model_copy(update={"countries": entries, "guide": guide}))
    return cat.model_copy(update={"countries": countries, "networks": networks})


def main() -> None:
    catalogue, texts = check(ROOT, ["en", "fr"])
    big = scaled(catalogue)
    graph = simulator.build(big)
    assert not graph.problems()
    hospitals = sum(len(e.hospitals) for n in big.networks for e in n.countries)
    languages = {f"l{i:02d}": texts["en"] for i in range(LANGUAGES)}
    start = time.perf_counter()
    pages = render_simulator(big, languages, graph)
    seconds = time.perf_counter() - start
    html = {path: text for path, text in pages.items() if path.endswith(".html")}
    size = sum(len(text.encode("utf-8")) for text in html.values())
    print(f"catalogue: {len(big.networks)} networks, {len(big.countries)} countries, {hospitals} hospitals")
    print(f"simulator states: {len(graph.nodes)} (pages per language)")
    by_kind = {}
    for node in graph.nodes.values():
        by_kind[node.kind] = by_kind.get(node.kind, 0) + 1
    print("  by kind: " + ", ".join(f"{kind} {count}" for kind, count in sorted(by_kind.items())))
    print(f"{LANGUAGES} languages: {len(html)} pages, {size / 1e6:.1f} MB of HTML, "
          f"{size / len(html) / 1e3:.1f} KB per page, rendered in {seconds:.1f} s "
          f"({seconds / len(html) * 1e3:.2f} ms per page)")


if __name__ == "__main__":
    main()
