"""Aggregations over the events a filter selects: what the explorer's timeline, network, map and
actors views draw.

Each function takes the same ``EventFilter`` the listings take (its conditions come from
``query.event_query``, so a filter means one thing everywhere) and returns plain rows. Everything
the caller gives is a bound parameter; the only SQL text chosen from input is one of the fixed
period names below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


from dragoman.errors import InputError
from dragoman.store.query import ActorFilter, EventFilter, actor_query, event_query

if TYPE_CHECKING:
    from dragoman.store import Store

PERIODS = ("day", "week", "month", "year")
MAX_EDGES = 2000
EVENTS_ONLY = "FROM events e"
EVENTS_WITH_TEXT = "FROM events e JOIN articles a ON a.id = e.article_id"  # for the text filter only


def _where(f: EventFilter, *extra: str) -> tuple[str, list[Any]]:
    """``FROM ... WHERE ...`` of the events a filter selects, and its parameters."""
    query = event_query(f)
    conditions = [*query.where, *extra]
    source = EVENTS_WITH_TEXT if f.text else EVENTS_ONLY
    return source + (" WHERE " + " AND ".join(conditions) if conditions else ""), list(query.params)


def reverse_dyad(f: EventFilter) -> EventFilter:
    """The same filter with source and target swapped: B→A beside A→B."""
    swapped = {
        "source": f.target, "target": f.source,
        "source_country": f.target_country, "target_country": f.source_country,
        "source_sector": f.target_sector, "target_sector": f.source_sector,
    }
    return f.model_copy(update=swapped)


def timeline(store: Store, f: EventFilter, period: str = "month") -> list[dict[str, Any]]:
    """Dated events per period and quad class: count, Goldstein sum (the index) and mean.

    An event dated only to a month or year counts in the first day of that period (its DATE column).
    """
    if period not in PERIODS:
        raise InputError(f"period {period!r}: choose {', '.join(PERIODS)}")
    where, params = _where(f, "e.date IS NOT NULL")
    sql = (
        f"SELECT CAST(date_trunc('{period}', e.date) AS DATE) AS period, e.quad_class, count(*) AS events, "
        "round(sum(e.goldstein), 2) AS goldstein_sum, round(avg(e.goldstein), 3) AS goldstein_mean "
        f"{where} GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return store.sql(sql, params)


def network(store: Store, f: EventFilter, limit: int = 300) -> dict[str, list[dict[str, Any]]]:
    """Dyads as a graph: an edge per (source code, target code) with its count and mean Goldstein,
    the ``limit`` heaviest edges, and their nodes with the events each sends and receives."""
    if not 1 <= limit <= MAX_EDGES:
        raise InputError(f"edge limit {limit}: choose 1 to {MAX_EDGES}")
    where, params = _where(f, "e.source_code IS NOT NULL", "e.target_code IS NOT NULL",
                           "e.source_code <> e.target_code")
    edges = store.sql(
        "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events, "
        "round(avg(e.goldstein), 3) AS goldstein_mean "
        f"{where} GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT {int(limit)}",
        params,
    )
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for role, other in (("source", "sent"), ("target", "received")):
            node = nodes.setdefault(edge[role], {"id": edge[role], "sent": 0, "received": 0})
            node[other] += edge["events"]
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": edges}


def places(store: Store, f: EventFilter, limit: int = 2000) -> list[dict[str, Any]]:
    """Event locations with coordinates: count and mean Goldstein per place, the busiest first.

    Longitudes are brought into [-180, 180) so that a place across the antimeridian is one point.
    """
    if not 1 <= limit <= 10_000:
        raise InputError(f"place limit {limit}: choose 1 to 10000")
    where, params = _where(f, "e.lat IS NOT NULL", "e.lon IS NOT NULL")
    return store.sql(
        "SELECT e.location_name AS name, e.location_country AS country, "
        "round(e.lat, 4) AS lat, round(((e.lon + 180) % 360 + 360) % 360 - 180, 4) AS lon, "
        "count(*) AS events, round(avg(e.goldstein), 3) AS goldstein_mean "
        f"{where} GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name LIMIT {int(limit)}",
        params,
    )


def top_actors(store: Store, f: ActorFilter, limit: int = 200) -> list[dict[str, Any]]:
    """Who appears most: one row per (name, code) with mentions, articles, and the first and last
    publication dates in which that code was used, so dated roles show as separate rows."""
    if not 1 <= limit <= 10_000:
        raise InputError(f"actor limit {limit}: choose 1 to 10000")
    chosen = actor_query(f)
    where = " AND ".join(["m.code IS NOT NULL", *chosen.where])
    return store.sql(
        "SELECT coalesce(m.name, m.text) AS name, m.code, any_value(m.country) AS country, "
        "any_value(m.sector) AS sector, any_value(m.kind) AS kind, count(*) AS mentions, "
        "count(DISTINCT m.article_id) AS articles, min(a.published) AS first_seen, max(a.published) AS last_seen "
        "FROM actors m JOIN articles a ON a.id = m.article_id "
        f"WHERE {where} GROUP BY 1, 2 ORDER BY mentions DESC, name, code LIMIT {int(limit)}",
        chosen.params,
    )


def event_count(store: Store, f: EventFilter) -> int:
    """How many events the filter selects."""
    where, params = _where(f)
    return int(store.sql(f"SELECT count(*) AS n {where}", params)[0]["n"])
