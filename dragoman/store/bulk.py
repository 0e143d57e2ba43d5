"""Whole listings for exports and dataframes, read through the query layer's filters.

``Store.events`` pages suit screens; an export of millions of events reads keyset pages of
``EXPORT_PAGE`` rows (``Query.page_sql``: each page continues after the last row of the one before,
so a page costs the same wherever it is and memory stays bounded by the page), with each page's
merged-event counts and article lengths fetched for that page only. No connection is held between
pages, so an ingest writing the same store takes its turns in between. (One query over the whole
table, with the counts joined in, made DuckDB hold ~2 GB for 236,000 events; pages hold under 500 MB
at any size: see ``dragoman/bench/export.py`` and the README.) Dataframes go through DuckDB's own
conversion (``.df()``, ``.pl()``, ``.to_arrow_table()``), never row by row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Optional


from dragoman.errors import InputError
from dragoman.store.query import EventFilter, Query, SortKey, encode_cursor, event_query

if TYPE_CHECKING:
    from dragoman.store import Store

EXPORT_PAGE = 20_000  # events per page of an export: each page scans the table once, so not too small
FRAME_KINDS = ("pandas", "polars", "arrow")

# events with their article's provenance; keyset order on the primary key's neighbourhood
EXPORT_ORDER = (SortKey("e.article_id", "article_id"), SortKey("e.id", "id"))
EXPORT_KEYS_SQL = "SELECT e.article_id, e.id FROM events e JOIN articles a ON a.id = e.article_id"
EXPORT_ROWS_SQL = (
    "SELECT e.*, a.title AS article_title, a.url AS article_url, a.published AS article_published, "
    "a.source AS article_source, a.origin AS article_origin, a.ingested_at AS article_ingested_at, "
    "length(a.text) AS article_length "
    "FROM events e JOIN articles a ON a.id = e.article_id "
    "WHERE e.id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.article_id, e.id"
)
# the counts of the event_groups view (schema.py: same date, source, target and code across the
# store), computed only for the groups of the given events, so the work and memory are one page's
GROUP_KEY = ("date", "source_code", "target_code", "cameo")
PAGE_GROUP_COUNTS_SQL = """
WITH page AS (SELECT DISTINCT date, source_code, target_code, cameo FROM events
              WHERE id IN (SELECT unnest(?::VARCHAR[])))
SELECT p.date, p.source_code, p.target_code, p.cameo,
       sum(e.mentions) AS num_mentions,
       count(DISTINCT e.article_id) AS num_articles,
       count(DISTINCT coalesce(a.source, e.article_id)) AS num_sources
FROM page p
JOIN events e ON e.cameo = p.cameo AND e.date IS NOT DISTINCT FROM p.date
     AND e.source_code IS NOT DISTINCT FROM p.source_code AND e.target_code IS NOT DISTINCT FROM p.target_code
JOIN articles a ON a.id = e.article_id
GROUP BY p.date, p.source_code, p.target_code, p.cameo
"""


def export_event_query(f: EventFilter) -> Query:
    """The keys (article id, event id) of the events ``f`` chooses, in export order: a page of keys is
    a narrow sort, where a page of whole rows made DuckDB sort every column (5x slower)."""
    base = event_query(f)
    return Query(EXPORT_KEYS_SQL, EXPORT_ORDER, list(base.where), list(base.params))


def whole_sql(query: Query) -> tuple[str, list[Any]]:
    """The query's SQL and parameters in its listing order, without a page limit."""
    sql = query.sql + (" WHERE " + " AND ".join(query.where) if query.where else "")
    ordering = ", ".join(
        f"{k.expression} {'DESC' if k.descending else 'ASC'}{' NULLS LAST' if k.nullable else ''}"
        for k in query.order
    )
    return f"{sql} ORDER BY {ordering}", list(query.params)


def pages(store: Store, query: Query, size: int) -> Iterator[list[dict[str, Any]]]:
    """Every row of ``query`` in keyset pages of ``size`` rows (any size: not limited like a screen's)."""
    after: Optional[str] = None
    while True:
        sql, params = query.page_sql(after, size)
        rows = store.sql(sql, params)
        if len(rows) <= size:
            if rows:
                yield rows
            return
        rows = rows[:size]
        yield rows
        after = encode_cursor([rows[-1][key.name] for key in query.order])


def export_event_rows(store: Store, where: Optional[EventFilter] = None,
                      size: int = EXPORT_PAGE) -> Iterator[dict[str, Any]]:
    """Events chosen by ``where`` with their article's provenance and length and the counts of their
    merged group (``group_mentions``, ``group_sources``, ``group_articles``), a page at a time: the
    page's keys, then its rows, then its groups' counts."""
    for keys in pages(store, export_event_query(where or EventFilter()), size):
        ids = [key["id"] for key in keys]
        with store.connection() as conn:
            cursor = conn.execute(EXPORT_ROWS_SQL, [ids])
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            counts = {tuple(r[:4]): r[4:] for r in conn.execute(PAGE_GROUP_COUNTS_SQL, [ids]).fetchall()}
        for row in rows:
            mentions, articles, sources = counts.get(tuple(row[k] for k in GROUP_KEY), (None, None, None))
            row.update(group_mentions=mentions, group_articles=articles, group_sources=sources)
            yield row


def frame(store: Store, query: Query, kind: str = "pandas") -> Any:
    """Every row of ``query`` as a pandas or polars DataFrame or an Arrow table, converted by DuckDB."""
    if kind not in FRAME_KINDS:
        raise InputError(f"dataframe kind {kind!r}: choose {', '.join(FRAME_KINDS)}")
    sql, params = whole_sql(query)
    with store.connection() as conn:
        relation = conn.sql(sql, params=params)
        if kind == "pandas":
            return relation.df()
        if kind == "polars":
            return relation.pl()
        # DuckDB 2 names it to_arrow_table (fetch_arrow_table is deprecated); 1.x has only the latter
        to_arrow = getattr(relation, "to_arrow_table", None) or relation.fetch_arrow_table
        return to_arrow()
