"""The JSON API under ``/api``: the documented face of the explorer (OpenAPI at ``/openapi.json``).

Each route is a thin adapter: query parameters to a filter (``params``), the view's data function
(``views``), JSON out. The web pages' ``.json`` twins return the same payloads.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from dragoman.api import views
from dragoman.api.downloads import json_response
from dragoman.api.params import (
    AFTER,
    LIMIT,
    MAX_LIMIT,
    openapi_parameters,
    read_after,
    read_choice,
    read_filter,
    read_int,
)
from dragoman.api.store import request_store
from dragoman.store import EventFilter, QuoteFilter
from dragoman.store.aggregate import MAX_EDGES, PERIODS
from dragoman.store.query import ActorFilter

router = APIRouter(prefix="/api", tags=["api"])

PERIOD = {"name": "period", "in": "query", "required": False, "description": "day, week, month (default) or year",
          "schema": {"type": "string", "enum": list(PERIODS)}}
EDGES = {"name": "edges", "in": "query", "required": False,
         "description": f"the heaviest N dyads (1-{MAX_EDGES}, default 300)", "schema": {"type": "integer"}}
PLACES = {"name": "limit", "in": "query", "required": False,
          "description": "the busiest N places (1-10000, default 2000)", "schema": {"type": "integer"}}
ACTORS = {"name": "limit", "in": "query", "required": False,
          "description": "the N most mentioned (1-10000, default 200)", "schema": {"type": "integer"}}


@router.get("/events", summary="Events, newest first, one page at a time",
            openapi_extra=openapi_parameters(EventFilter, LIMIT, AFTER))
def api_events(request: Request) -> Response:
    """A page of events with their article's title and url and the sentence they came from;
    ``next`` is the cursor of the following page (null on the last)."""
    f = read_filter(request, EventFilter, ("limit", "after"))
    limit = read_int(request, "limit", 50, 1, MAX_LIMIT)
    return json_response(views.events(request_store(request), f, limit, read_after(request)))


@router.get("/quotes", summary="Quotes, newest article first",
            openapi_extra=openapi_parameters(QuoteFilter, LIMIT, AFTER))
def api_quotes(request: Request) -> Response:
    f = read_filter(request, QuoteFilter, ("limit", "after"))
    limit = read_int(request, "limit", 50, 1, MAX_LIMIT)
    return json_response(views.quotes(request_store(request), f, limit, read_after(request)))


@router.get("/articles/{article_id}",
            summary="One article's stored record: text, actors, quotes, events, times, places")
def api_article(request: Request, article_id: str) -> Response:
    """All offsets are character (code point) offsets into ``text``. 404 for an id not stored."""
    return json_response(views.article(request_store(request), article_id))


@router.get("/timeline", summary="Event counts per period and quad class, with the Goldstein index",
            openapi_extra=openapi_parameters(EventFilter, PERIOD))
def api_timeline(request: Request) -> Response:
    """Rows of (period, quad_class, events, goldstein_sum, goldstein_mean); when both a source and
    a target are given, ``reverse`` holds the same for target→source."""
    f = read_filter(request, EventFilter, ("period",))
    period = read_choice(request, "period", "month", PERIODS)
    return json_response(views.timeline(request_store(request), f, period))


@router.get("/network", summary="Dyads as a graph: nodes and weighted edges",
            openapi_extra=openapi_parameters(EventFilter, EDGES))
def api_network(request: Request) -> Response:
    """Edges (source code → target code) with their event count and mean Goldstein score."""
    f = read_filter(request, EventFilter, ("edges",))
    limit = read_int(request, "edges", 300, 1, MAX_EDGES)
    return json_response(views.network(request_store(request), f, limit))


@router.get("/places", summary="Event locations as GeoJSON points with counts and mean Goldstein",
            openapi_extra=openapi_parameters(EventFilter, PLACES))
def api_places(request: Request) -> Response:
    f = read_filter(request, EventFilter, ("limit",))
    limit = read_int(request, "limit", 2000, 1, 10_000)
    rows = views.places(request_store(request), f, limit)
    return json_response(views.places_geojson(rows), media_type="application/geo+json")


@router.get("/actors", summary="Actors who appear most, one row per name and code used",
            openapi_extra=openapi_parameters(ActorFilter, ACTORS))
def api_actors(request: Request) -> Response:
    f = read_filter(request, ActorFilter, ("limit",))
    limit = read_int(request, "limit", 200, 1, 10_000)
    return json_response({"rows": views.actors(request_store(request), f, limit)})


@router.get("/stats", summary="Row counts of the store's tables")
def api_stats(request: Request) -> Response:
    return json_response(views.stats(request_store(request)))
