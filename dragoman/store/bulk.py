"""Whole listings for exports and dataframes: the query layer's filters, read in one streamed query.

``Store.events`` pages suit screens; an export of millions of rows wants one query whose rows come
out in batches (``fetchmany``), so Python never holds more than one batch. Dataframes go through
DuckDB's own conversion (``.df()``, ``.pl()``, ``.to_arrow_table()``), never row by row.
A streamed query keeps its read connection open until the last batch: a writer waits behind it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Optional

from pydantic import BaseModel, ConfigDict, Field

from dragoman.errors import InputError
from dragoman.store.query import EVENT_ORDER, LIKE, EventFilter, Query, SortKey, _escape_like, event_query

if TYPE_CHECKING:
    from dragoman.store import Store

STREAM_BATCH = 2_000  # rows per fetchmany: bounded memory whatever the store's size
FRAME_KINDS = ("pandas", "polars", "arrow")

# events with what exports add: their article's provenance and the counts of their merged group
EXPORT_EVENTS_SQL = (
    "SELECT e.*, a.title AS article_title, a.url AS article_url, a.published AS article_published, "
    "a.source AS article_source, a.origin AS article_origin, a.ingested_at AS article_ingested_at, "
    "length(a.text) AS article_length, "
    "g.num_mentions AS group_mentions, g.num_sources AS group_sources, g.num_articles AS group_articles "
    "FROM events e JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN event_groups g ON g.date IS NOT DISTINCT FROM e.date "
    "AND g.source_code IS NOT DISTINCT FROM e.source_code "
    "AND g.target_code IS NOT DISTINCT FROM e.target_code AND g.cameo = e.cameo"
)


class ActorFilter(BaseModel):
    """Which actor mentions. Codes match as prefixes; ``name`` is a part of the name or text."""

    model_config = ConfigDict(extra="forbid")

    code: Optional[str] = Field(None, description="actor code prefix: RUS, RUSGOV, IGOUNO")
    country: Optional[str] = Field(None, description="country (ISO alpha-3, IGO, NGO, MNC)")
    sector: Optional[str] = Field(None, description="a sector code: GOV, MIL, REB ...")
    kind: Optional[str] = Field(None, description="person, organization, country, group or pronoun")
    name: Optional[str] = Field(None, description="name or text contains (case-insensitive)")
    article_id: Optional[str] = Field(None, description="actors of one article")


ACTOR_ORDER = (SortKey("a.published", "published", descending=True, nullable=True),
               SortKey("m.article_id", "article_id"), SortKey("m.n", "n"))
ACTORS_SQL = ("SELECT m.*, a.title AS article_title, a.url AS article_url, a.published "
              "FROM actors m JOIN articles a ON a.id = m.article_id")


def actor_query(f: ActorFilter) -> Query:
    query = Query(ACTORS_SQL, ACTOR_ORDER)
    if f.code:
        query.add("starts_with(m.code, ?)", f.code.upper())
    if f.country:
        query.add("m.country = ?", f.country.upper())
    if f.sector:
        query.add("list_contains(string_split(coalesce(m.sector, ''), ' '), ?)", f.sector.upper())
    if f.kind:
        query.add("m.kind = ?", f.kind.lower())
    if f.name:
        like = f"%{_escape_like(f.name)}%"
        query.add(f"(m.name {LIKE} OR m.text {LIKE})", like, like)
    if f.article_id:
        query.add("m.article_id = ?", f.article_id)
    return query


def export_event_query(f: EventFilter) -> Query:
    """``event_query``'s conditions over events joined with provenance and group counts."""
    base = event_query(f)
    return Query(EXPORT_EVENTS_SQL, EVENT_ORDER, list(base.where), list(base.params))


def whole_sql(query: Query) -> tuple[str, list[Any]]:
    """The query's SQL and parameters in its listing order, without a page limit."""
    sql = query.sql + (" WHERE " + " AND ".join(query.where) if query.where else "")
    ordering = ", ".join(
        f"{k.expression} {'DESC' if k.descending else 'ASC'}{' NULLS LAST' if k.nullable else ''}"
        for k in query.order
    )
    return f"{sql} ORDER BY {ordering}", list(query.params)


def stream_rows(store: Store, query: Query, batch: int = STREAM_BATCH) -> Iterator[dict[str, Any]]:
    """Every row of ``query`` as a dict, fetched ``batch`` rows at a time from one query."""
    sql, params = whole_sql(query)
    with store.connection() as conn:
        cursor = conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            for row in rows:
                yield dict(zip(names, row, strict=True))


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
