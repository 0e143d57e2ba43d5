"""The charts' Vega-Lite specs and the network's elements, built on the server from view data."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from dragoman.store import EventFilter
from dragoman.web import specs


@pytest.mark.parametrize(("start", "period", "end"), [
    (date(2024, 2, 1), "month", date(2024, 2, 29)), (date(2023, 12, 1), "month", date(2023, 12, 31)),
    (date(2024, 3, 4), "week", date(2024, 3, 10)), (date(2024, 3, 4), "day", date(2024, 3, 4)),
    (date(2024, 1, 1), "year", date(2024, 12, 31)),
])
def test_period_end(start, period, end):
    assert specs.period_end(start, period) == end


def _query(href: str) -> dict[str, list[str]]:
    parts = urlsplit(href)
    assert parts.path == "/events"
    return parse_qs(parts.query)


def test_a_timeline_bar_links_to_its_own_events_within_the_filter():
    rows = [{"period": date(2022, 2, 1), "quad_class": 4, "events": 3, "goldstein_sum": -30.0, "goldstein_mean": -10.0}]
    spec = specs.timeline_spec(rows, EventFilter(source="RUS", since=date(2022, 2, 10)), "month", "RUS → UKR")
    value = spec["data"]["values"][0]
    assert value["period"] == "2022-02-01" and value["quad"] == "4 material conflict"
    assert _query(value["href"]) == {"source": ["RUS"], "since": ["2022-02-10"], "until": ["2022-02-28"],
                                     "quad_class": ["4"]}
    bars, index = spec["vconcat"]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["href"] == {"field": "href"}
    assert index["encoding"]["y"]["field"] == "goldstein_sum"


def test_the_map_draws_the_packaged_world_outline_and_links_each_place():
    places = [{"name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52, "events": 3, "goldstein_mean": -4.7}]
    spec = specs.map_spec(places, EventFilter(cameo="19"))
    world, points = spec["layer"]
    assert world["data"]["url"].startswith("/static/vendor/") and world["mark"]["type"] == "geoshape"
    assert points["encoding"]["longitude"]["field"] == "lon"
    assert _query(points["data"]["values"][0]["href"]) == {"cameo": ["19"], "place": ["Kyiv"], "place_country": ["UKR"]}


@pytest.mark.parametrize(("score", "colour"), [(-10, "#b2182b"), (0, "#d0d0d0"), (10, "#2166ac"), (None, "#999999"),
                                               (-25, "#b2182b")])
def test_goldstein_colour_runs_from_conflict_red_to_cooperation_blue(score, colour):
    assert specs.goldstein_colour(score) == colour


def test_network_elements_link_nodes_to_what_they_send_and_edges_to_their_dyad():
    graph = {"nodes": [{"id": "RUS", "sent": 2, "received": 0}, {"id": "UKR", "sent": 0, "received": 2}],
             "edges": [{"source": "RUS", "target": "UKR", "events": 2, "goldstein_mean": -6.0}]}
    elements = specs.network_elements(graph, EventFilter(quad_class=4))
    nodes = [e["data"] for e in elements if e["group"] == "nodes"]
    edge = next(e["data"] for e in elements if e["group"] == "edges")
    assert [(n["id"], n["events"]) for n in nodes] == [("RUS", 2), ("UKR", 2)]
    assert _query(nodes[0]["href"]) == {"quad_class": ["4"], "source": ["RUS"]}
    assert _query(edge["href"]) == {"quad_class": ["4"], "source": ["RUS"], "target": ["UKR"]}
    assert edge["colour"] == specs.goldstein_colour(-6.0)
