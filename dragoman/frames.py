"""Stored events, quotes and actors as dataframes: pandas by default, polars or Arrow on request.

    import dragoman
    events = dragoman.read_events("dragoman.duckdb", source="RUS", since="2022-01-01")
    quotes = dragoman.read_quotes("dragoman.duckdb", speaker="Lavrov", kind="polars")

The filters are the query layer's (``EventFilter``, ``QuoteFilter``, ``ActorFilter``) given as keyword
arguments; a wrong name or value is an ``InputError`` naming it. DuckDB converts the result itself
(``.df()``, ``.pl()``, Arrow), so a large selection never passes through Python rows. polars is
needed only for ``kind="polars"``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Union

from dragoman.store import EventFilter, QuoteFilter, Store
from dragoman.store.bulk import frame
from dragoman.store.query import ActorFilter, actor_query
from dragoman.store.query import event_query, parse_filter, quote_query

StoreLike = Union[str, Path, Store]


def _store(db: StoreLike) -> Store:
    return db if isinstance(db, Store) else Store(db, read_only=True)


def read_events(db: StoreLike, kind: str = "pandas", **filters: Any) -> Any:
    """Stored events (newest first) with their article's title, url and sentence; ``filters`` are
    ``EventFilter`` fields (source="RUS", cameo="11", since="2020-01-01", quad_class=4 ...)."""
    return frame(_store(db), event_query(parse_filter(EventFilter, filters)), kind)


def read_quotes(db: StoreLike, kind: str = "pandas", **filters: Any) -> Any:
    """Stored quotes (newest article first); ``filters`` are ``QuoteFilter`` fields (speaker, contains, kind ...).

    The quote kind filter is ``quote_kind`` here, since ``kind`` chooses the dataframe library.
    """
    if "quote_kind" in filters:
        filters["kind"] = filters.pop("quote_kind")
    return frame(_store(db), quote_query(parse_filter(QuoteFilter, filters)), kind)


def read_actors(db: StoreLike, kind: str = "pandas", **filters: Any) -> Any:
    """Stored actor mentions (newest article first); ``filters`` are ``ActorFilter`` fields
    (code, country, sector, name, article_id; ``actor_kind`` for person/organization/country ...)."""
    if "actor_kind" in filters:
        filters["kind"] = filters.pop("actor_kind")
    return frame(_store(db), actor_query(parse_filter(ActorFilter, filters)), kind)
