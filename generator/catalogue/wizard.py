"""The access-request simulator as a graph of states, derived from the catalogue.

Each node is a state with a stable address: a page of its own (its id, e.g. `sim/ern-rnd/de`), or, for a
hospital, a place in its country's page (`sim/ern-rnd/de.html#step3-de22`, `#path-de22`); `links` are the
forward choices a state offers and `up` is its way back. A country's hospital list, screens 3 and 4 of the real
wizard and each hospital's "your path" share one page, so the ticks and the comment, which are that page's form,
survive a change of hospital and Back, and the number of pages grows with countries, never with hospitals or
profile combinations.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from generator.catalogue import model

START = "sim/index"
REQUEST_STEP = "request-access"  # the guides' step that the simulator rehearses
# The wizard's screen each picture of the request step shows (its number on screen, as its template draws it).
SCREENS = {"saas-application": 1, "saas-networks": 2, "saas-countries": 2, "saas-hospitals": 2, "saas-profiles": 3,
           "saas-recap": 4}


def screen_of_blocks(blocks: list) -> list[int]:
    """For each block of the request step, the wizard screen it is about: that of the next picture (a step's
    text comes before its picture); after the last picture, the last screen."""
    screens, upcoming = [], max(SCREENS.values())
    for block in reversed(blocks):
        upcoming = SCREENS.get(getattr(block, "screen", None) or "", upcoming)
        screens.append(upcoming)
    return screens[::-1]
WRONG_APPLICATION = "sim/wrong-application"
ORGANISATIONS = "sim/organisations"
# Page names the simulator gives its own pages, beside those of other organisations and of countries.
OWN_PAGES = {"index", "start", "organisations", "wrong-application", "submitted"}


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # start, wrong-application, organisations, not-a-network, network, country, hospital, submitted, path
    step: int  # the wizard step the page shows first (0: outside the wizard)
    up: str | None
    links: tuple[str, ...] = ()
    network: model.Network | None = None
    country: model.Country | None = None
    hospital: model.Hospital | None = None  # None on a hospital state means the catalogue's guest_access
    label: str = ""
    page: str | None = None  # the page a state lives on, when it is not a page of its own
    fragment: str = ""  # where on that page (#fragment, without the #)


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)

    def add(self, node: Node) -> None:
        if node.id in self.nodes:
            raise ValueError(f"simulator state {node.id!r} defined twice")
        self.nodes[node.id] = node

    def pages(self) -> list[Node]:
        """The states that are pages of their own (a hospital's screens are places in its country's page)."""
        return [node for node in self.nodes.values() if not node.page]

    def problems(self) -> list[str]:
        """Unreachable states, dead ends, states without a way back, links to nowhere."""
        found = []
        for node in self.nodes.values():
            for target in (*node.links, *([node.up] if node.up else [])):
                if target not in self.nodes:
                    found.append(f"{node.id}: links to {target!r}, which does not exist")
            if not node.links and node.kind not in ("submitted", "path", "wrong-application", "not-a-network"):
                found.append(f"{node.id}: dead end: no way forward")
            if node.id != START and not node.up:
                found.append(f"{node.id}: no way back")
        reachable = self.reachable()
        found += [f"{node_id}: unreachable from {START}" for node_id in self.nodes if node_id not in reachable]
        return found

    def reachable(self) -> set[str]:
        seen, queue = {START}, deque([START])
        while queue:
            for target in self.nodes[queue.popleft()].links:
                if target in self.nodes and target not in seen:
                    seen.add(target)
                    queue.append(target)
        return seen

    def mermaid(self) -> str:
        lines = ["flowchart LR"]
        for node in self.nodes.values():
            lines.append(f'  {_mermaid_id(node.id)}["{node.label or node.id}"]')
            lines += [f"  {_mermaid_id(node.id)} --> {_mermaid_id(target)}" for target in node.links]
        return "\n".join(lines) + "\n"


def _mermaid_id(node_id: str) -> str:
    return node_id.replace("/", "__").replace("-", "_")


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def network_id(network: model.Network) -> str:
    return f"sim/{network.id}/index"


def start_id(reader: model.Network | None = None) -> str:
    """Screen 1: for anyone, or for the reader of one network's guide (whose pages keep the way back to it)."""
    return f"sim/{reader.id}/start" if reader else START


def organisations_id(reader: model.Network | None = None) -> str:
    return f"sim/{reader.id}/organisations" if reader else ORGANISATIONS


def wrong_application_id(reader: model.Network | None = None) -> str:
    return f"sim/{reader.id}/wrong-application" if reader else WRONG_APPLICATION


def organisation_id(organisation: model.Network | model.OtherOrganisation, reader: model.Network | None = None) -> str:
    """The state an organisation's "Open" leads to: a network's countries, or why it is not a network."""
    if isinstance(organisation, model.Network):
        return network_id(organisation)
    return f"sim/{reader.id}/{slug(organisation.label)}" if reader else f"sim/{slug(organisation.label)}"


def country_id(network: model.Network, country: model.Country | None) -> str:
    """A country's list of hospitals; `None` stands for the reader's country where the network's are unknown."""
    return f"sim/{network.id}/{country.code.lower() if country else 'any'}"


def hospital_id(network: model.Network, country: model.Country | None, hospital: model.Hospital | None) -> str:
    return f"{country_id(network, country)}/{hospital_key(hospital)}"


def hospital_key(hospital: model.Hospital | None) -> str:
    """A hospital's name in its country page's fragments (`#h-KEY`, `#step3-KEY`, `#step4-KEY`, `#path-KEY`)."""
    return hospital.code.lower() if hospital else "guest"


def languages_id(page: str) -> str:
    """The page that offers a simulator page in every language (one for all languages: `sim/languages/...`)."""
    return "sim/languages/" + page.removeprefix("sim/")


def path_id(hospital_state: str) -> str:
    return hospital_state + "-path"


def submitted_id(network: model.Network) -> str:
    return f"sim/{network.id}/submitted"


def wizard_platform(cat: model.Catalogue) -> str | None:
    """The platform whose access-request wizard the simulator rehearses, if any has one."""
    return next((pid for pid, platform in cat.platforms.items() if platform.simulator), None)


def rehearsed_platform(cat: model.Catalogue, network: model.Network) -> str | None:
    """The platform whose access-request wizard the simulator rehearses for this network: of the platforms it
    has a page on (today's, or the one that replaced), the one with a wizard, if any."""
    return next((pid for pid in cat.platforms_of(network) if cat.platforms[pid].simulator), None)


def rehearsed(cat: model.Catalogue, network: model.Network) -> bool:
    """Whether the simulator rehearses this network: not when none of its platforms has an access-request wizard."""
    return rehearsed_platform(cat, network) is not None


def build(cat: model.Catalogue) -> Graph:
    graph = Graph()
    networks = [n for n in cat.networks if rehearsed(cat, n)]
    _add_screens_1_and_2(graph, cat, networks, None)
    countries = {c.code: c for c in cat.countries}
    for network in networks:
        _add_screens_1_and_2(graph, cat, networks, network)
        _add_network(graph, network, [(countries[e.country], e) for e in network.countries], cat.guest_access)
    return graph


def _add_screens_1_and_2(graph: Graph, cat: model.Catalogue, networks: list[model.Network],
                         reader: model.Network | None):
    """Screen 1 and the organisation list, for anyone (`reader` None) or for the reader of one network's guide:
    the same screens, whose every page keeps the way back to that guide."""
    start, organisations = start_id(reader), organisations_id(reader)
    others = {organisation_id(o, reader): o for o in cat.other_organisations}
    graph.add(Node(start, "start", 1, START if reader else None, (organisations, wrong_application_id(reader)),
                   network=reader, label="Select application"))
    graph.add(Node(wrong_application_id(reader), "wrong-application", 1, start, network=reader, label="Not CPMS"))
    graph.add(Node(organisations, "organisations", 2, start,
                   tuple(network_id(n) for n in networks) + tuple(others), network=reader, label="Organisations"))
    for node_id, other in others.items():
        graph.add(Node(node_id, "not-a-network", 2, organisations, network=reader, label=other.label))


def _add_network(graph: Graph, network: model.Network, entries: list[tuple[model.Country, model.CountryEntry]],
                 guest_access: model.GuestAccess):
    top = network_id(network)
    done = submitted_id(network)
    graph.add(Node(done, "submitted", 4, top, (start_id(network),), network=network, label="Submitted"))
    if not entries:  # countries unknown: "your country", whose list shows Guest Access, and ask the helpdesk
        here, guest = country_id(network, None), hospital_id(network, None, None)
        graph.add(Node(top, "network", 2, organisations_id(network), (here,), network=network,
                       label=network.short_name))
        graph.add(Node(here, "country", 2, top, (guest,), network=network, label="Your country"))
        _add_hospital(graph, network, None, None, guest, here, done, guest_access)
        return
    graph.add(Node(top, "network", 2, organisations_id(network), tuple(country_id(network, c) for c, _ in entries),
                   network=network, label=network.short_name))
    for country, entry in entries:
        here = country_id(network, country)
        states = [(None, hospital_id(network, country, None))]
        states += [(h, hospital_id(network, country, h)) for h in entry.hospitals]
        graph.add(Node(here, "country", 2, top, tuple(state for _, state in states), network=network,
                       country=country, label=country.name))
        for hospital, state in states:
            _add_hospital(graph, network, country, hospital, state, here, done, guest_access)


def _add_hospital(graph, network, country, hospital, state, up, done, guest: model.GuestAccess):
    """Screens 3 and 4 for one hospital and its "your path" (the exact clicks, to print or send): places in its
    country's page (`up`)."""
    label = (hospital or guest).label
    graph.add(Node(state, "hospital", 3, up, (done, path_id(state)), network=network, country=country,
                   hospital=hospital, label=label, page=up, fragment=f"step3-{hospital_key(hospital)}"))
    graph.add(Node(path_id(state), "path", 0, state, network=network, country=country, hospital=hospital,
                   label=f"Your path: {label}", page=up, fragment=f"path-{hospital_key(hospital)}"))
