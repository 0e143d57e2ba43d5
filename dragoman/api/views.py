"""What each view shows, as data: one function per view, shared by the JSON API and the web pages.

Every function reads through the store's query layer (``Store.events`` ..., ``store.aggregate``)
and returns plain JSON-ready dictionaries; the HTML pages render the same dictionaries.
"""

from __future__ import annotations

from typing import Any, Optional

from dragoman.errors import InputError
from dragoman.store import EventFilter, QuoteFilter, Store
from dragoman.store import aggregate
from dragoman.store.query import ActorFilter
from dragoman.store.listing import events_page

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


class NotFound(InputError):
    """A path names a record that is not stored (a 404, not a 400)."""


def events(store: Store, f: EventFilter, limit: int, after: Optional[str]) -> dict[str, Any]:
    page = events_page(store, f, limit, after)
    return {"rows": page.rows, "next": page.next}


def quotes(store: Store, f: QuoteFilter, limit: int, after: Optional[str]) -> dict[str, Any]:
    page = store.quotes(f, limit, after)
    return {"rows": page.rows, "next": page.next}


def article(store: Store, article_id: str) -> dict[str, Any]:
    """The stored record of one article (as ``dragoman code`` prints it)."""
    if not 8 <= len(article_id) <= 128 or not article_id.isalnum():
        raise NotFound(f"article {article_id[:80]!r}: not an article id")
    record = store.article(article_id)
    if record is None:
        raise NotFound(f"article {article_id}: not in this store")
    return record.to_dict()


def timeline(store: Store, f: EventFilter, period: str) -> dict[str, Any]:
    """Counts per period and quad class with the Goldstein index; for a dyad (source and target
    both given) also the reverse direction, B→A beside A→B."""
    result: dict[str, Any] = {"period": period, "rows": aggregate.timeline(store, f, period)}
    if _is_dyad(f):
        result["reverse"] = aggregate.timeline(store, aggregate.reverse_dyad(f), period)
    return result


def _is_dyad(f: EventFilter) -> bool:
    return bool((f.source or f.source_country) and (f.target or f.target_country))


def network(store: Store, f: EventFilter, limit: int) -> dict[str, Any]:
    return aggregate.network(store, f, limit)


def places(store: Store, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    return aggregate.places(store, f, limit)


def places_geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Places as a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude])."""
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
         "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")}}
        for row in rows
    ]
    return {"type": "FeatureCollection", "features": features}


def actors(store: Store, f: ActorFilter, limit: int) -> list[dict[str, Any]]:
    return aggregate.top_actors(store, f, limit)


def stats(store: Store) -> dict[str, int]:
    return store.counts()
