"""Vega-Lite specifications of the explorer's charts, built on the server from view data.

The browser only embeds them (``static/app.js``), so what a chart shows is testable here. Marks
carry an ``href`` to the events table filtered to what was clicked: a click in one view filters
the others.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional

from dragoman.api.downloads import plain
from dragoman.api.params import filter_query
from dragoman.api.views import QUAD_CLASSES
from dragoman.store import EventFilter

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # an identifier: Vega-Lite never fetches it
WORLD = "/static/vendor/world-atlas-2.0.2-countries-110m.json"
QUAD_COLOURS = ["#2c7fb8", "#41ab5d", "#fd8d3c", "#d7301f"]  # cooperation blue/green, conflict orange/red
GOLDSTEIN_SCALE = {"domain": [-10, 0, 10], "range": ["#b2182b", "#f7f7f7", "#2166ac"]}


def period_end(start: date, period: str) -> date:
    """The last day of the period that begins on ``start``."""
    if period == "day":
        return start
    if period == "week":
        return start + timedelta(days=6)
    if period == "month":
        following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(start.year, 12, 31)


def timeline_spec(rows: list[dict[str, Any]], f: EventFilter, period: str, title: str) -> dict[str, Any]:
    """Stacked event counts per period by quad class, above the Goldstein index (sum per period)."""
    values = []
    for row in rows:
        start = row["period"]
        until = period_end(start, period)
        narrowed = f.model_copy(update={"since": max(start, f.since or start), "until": min(until, f.until or until),
                                        "quad_class": row["quad_class"]})
        values.append({**{k: plain(v) for k, v in row.items()},
                       "quad": f"{row['quad_class']} {QUAD_CLASSES.get(row['quad_class'], '?')}",
                       "href": "/events?" + filter_query(narrowed)})
    x = {"field": "period", "type": "temporal", "title": None, "timeUnit": _time_unit(period)}
    return {
        "$schema": SCHEMA,
        "title": title,
        "data": {"values": values},
        "resolve": {"scale": {"x": "shared"}},
        "vconcat": [
            {"height": 180, "width": 800, "mark": {"type": "bar", "cursor": "pointer"},
             "encoding": {"x": x, "y": {"aggregate": "sum", "field": "events", "title": "events"},
                          "color": {"field": "quad", "title": "quad class",
                                    "scale": {"domain": [f"{q} {n}" for q, n in QUAD_CLASSES.items()],
                                              "range": QUAD_COLOURS}},
                          "href": {"field": "href"},
                          "tooltip": [{"field": "period", "type": "temporal"}, {"field": "quad"},
                                      {"field": "events", "type": "quantitative"}]}},
            {"height": 120, "width": 800, "mark": {"type": "line", "point": True},
             "encoding": {"x": x, "y": {"aggregate": "sum", "field": "goldstein_sum", "title": "Goldstein sum"},
                          "tooltip": [{"field": "period", "type": "temporal"},
                                      {"aggregate": "sum", "field": "goldstein_sum", "title": "Goldstein sum"}]}},
        ],
    }


def _time_unit(period: str) -> str:
    return {"day": "yearmonthdate", "week": "yearmonthdate", "month": "yearmonth", "year": "year"}[period]


def map_spec(places: list[dict[str, Any]], f: EventFilter) -> dict[str, Any]:
    """Event locations on the world outline (served from the package), sized by count and coloured
    by mean Goldstein. The Equal Earth projection cuts shapes at the antimeridian, and the
    longitudes are already in [-180, 180)."""
    values = [{**row, "href": "/events?" + filter_query(f.model_copy(update=_place_filter(row)))} for row in places]
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": 460,
        "projection": {"type": "equalEarth"},
        "layer": [
            {"data": {"url": WORLD, "format": {"type": "topojson", "feature": "countries"}},
             "mark": {"type": "geoshape", "fill": "#e6e6e6", "stroke": "#ffffff", "strokeWidth": 0.5}},
            {"data": {"values": values},
             "mark": {"type": "circle", "opacity": 0.8, "stroke": "#333333", "strokeWidth": 0.5, "cursor": "pointer"},
             "encoding": {
                 "longitude": {"field": "lon", "type": "quantitative"},
                 "latitude": {"field": "lat", "type": "quantitative"},
                 "size": {"field": "events", "type": "quantitative", "scale": {"range": [20, 900]}, "title": "events"},
                 "color": {"field": "goldstein_mean", "type": "quantitative", "title": "mean Goldstein",
                           "scale": GOLDSTEIN_SCALE},
                 "href": {"field": "href"},
                 "tooltip": [{"field": "name"}, {"field": "country"}, {"field": "events", "type": "quantitative"},
                             {"field": "goldstein_mean", "type": "quantitative", "title": "mean Goldstein"}]}},
        ],
    }


def _place_filter(row: dict[str, Any]) -> dict[str, Optional[str]]:
    return {"place": row["name"], "place_country": row["country"]}


def goldstein_colour(score: Optional[float]) -> str:
    """A hex colour from red (-10, conflict) through light grey (0) to blue (+10, cooperation)."""
    if score is None:
        return "#999999"
    t = max(-1.0, min(1.0, score / 10))
    low, mid, high = (0xB2, 0x18, 0x2B), (0xD0, 0xD0, 0xD0), (0x21, 0x66, 0xAC)
    end = high if t > 0 else low
    mixed = [round(m + (e - m) * abs(t)) for m, e in zip(mid, end, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def network_elements(graph: dict[str, list[dict[str, Any]]], f: EventFilter) -> list[dict[str, Any]]:
    """Cytoscape.js elements: nodes sized by events, edges weighted by count and coloured by mean
    Goldstein; each carries the events-table link a click opens."""
    elements: list[dict[str, Any]] = []
    for node in graph["nodes"]:
        total = node["sent"] + node["received"]
        elements.append({"group": "nodes", "data": {
            "id": node["id"], "label": node["id"], "events": total,
            "href": "/events?" + filter_query(f.model_copy(update={"source": node["id"]}))}})
    for n, edge in enumerate(graph["edges"]):
        elements.append({"group": "edges", "data": {
            "id": f"e{n}", "source": edge["source"], "target": edge["target"], "events": edge["events"],
            "goldstein_mean": edge["goldstein_mean"], "colour": goldstein_colour(edge["goldstein_mean"]),
            "href": "/events?" + filter_query(f.model_copy(update={"source": edge["source"],
                                                                   "target": edge["target"]}))}})
    return elements
