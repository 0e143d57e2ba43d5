"""The explorer's HTML pages, each with its JSON twin (``/events`` and ``/events.json``) and a CSV
download (``/events.csv``), in the manner of datasette. Pages render the data of ``api.views``;
the filters are in the URL, so every view is a bookmark.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from dragoman import __version__
from dragoman.api import views
from dragoman.api.downloads import all_rows, csv_response, json_response
from dragoman.api.params import (
    MAX_LIMIT,
    filter_query,
    read_after,
    read_choice,
    read_filter,
    read_int,
)
from dragoman.api.store import request_store
from dragoman.store import EventFilter, QuoteFilter
from dragoman.store.aggregate import MAX_EDGES, PERIODS
from dragoman.store.query import ActorFilter
from dragoman.store import listing
from dragoman.web import specs
from dragoman.web.highlight import record_spans, runs

router = APIRouter(include_in_schema=False)

TEMPLATES = Path(__file__).resolve().parent / "templates"
environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
    trim_blocks=True, lstrip_blocks=True,
)
EVENT_VIEWS = (("/events", "Events"), ("/timeline", "Timeline"), ("/network", "Network"), ("/map", "Map"))
OTHER_VIEWS = (("/quotes", "Quotes"), ("/actors", "Actors"), ("/api", "API"))


def web_url(value: Optional[str]) -> Optional[str]:
    """An article's URL if it is an http(s) link, else None (the page then shows it as text only)."""
    if not value:
        return None
    return value if urlsplit(value.strip()).scheme.lower() in ("http", "https") else None


environment.filters["web_url"] = web_url
environment.globals.update(version=__version__, event_views=EVENT_VIEWS, other_views=OTHER_VIEWS,
                           quad_classes=views.QUAD_CLASSES)


def render(request: Request, template: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    html = environment.get_template(template).render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=http_status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", http_status=status, title=f"{status}", status=status, message=message,
                  query="")


def _values(f: Any) -> dict[str, str]:
    """A filter's given fields as form values."""
    dumped = f.model_dump(exclude_none=True, exclude_defaults=True)
    return {k: ("true" if v is True else "false" if v is False else str(v)) for k, v in dumped.items()}


@router.get("/")
def home() -> Response:
    return RedirectResponse("/events", status_code=302)


# -- events -----------------------------------------------------------------------------------------

def _events_request(request: Request) -> tuple[EventFilter, int, Optional[str]]:
    f = read_filter(request, EventFilter, ("limit", "after"))
    return f, read_int(request, "limit", 50, 1, MAX_LIMIT), read_after(request)


@router.get("/events.json")
def events_json(request: Request) -> Response:
    f, limit, after = _events_request(request)
    return json_response(views.events(request_store(request), f, limit, after))


@router.get("/events.csv")
def events_csv(request: Request) -> Response:
    f = read_filter(request, EventFilter)
    store = request_store(request)
    return csv_response(all_rows(lambda size, cursor: listing.events_page(store, f, size, cursor)), "events.csv")


@router.get("/events")
def events_page(request: Request) -> Response:
    f, limit, after = _events_request(request)
    data = views.events(request_store(request), f, limit, after)
    rows = [_event_row(row) for row in data["rows"]]
    query = filter_query(f)
    more = filter_query(f, limit=limit, after=data["next"]) if data["next"] else None
    if request.headers.get("HX-Request"):  # htmx asks for the next rows only
        return render(request, "events_rows.html", rows=rows, more=more)
    return render(request, "events.html", title="Events", f=f, values=_values(f), query=query, rows=rows,
                  more=more, continued=after is not None)


def _event_row(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event with its sentence cut around the trigger (offsets relative to the sentence)."""
    sentence = row.get("sentence_text") or ""
    start, end = row["trigger_start"] - row["start"], row["trigger_end"] - row["start"]
    if not 0 <= start <= end <= len(sentence):
        start = end = 0
    return {**row, "before": sentence[:start], "trigger": sentence[start:end], "after": sentence[end:]}


# -- one article -------------------------------------------------------------------------------------

@router.get("/articles/{article_id}.json")
def article_json(request: Request, article_id: str) -> Response:
    return json_response(views.article(request_store(request), article_id))


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> Response:
    record = views.article(request_store(request), article_id)
    return render(request, "article.html", title=record["article"].get("title") or article_id, record=record,
                  runs=runs(record["text"], record_spans(record)), query="")


# -- timeline, network, map ----------------------------------------------------------------------------

def _timeline_request(request: Request) -> tuple[EventFilter, str]:
    f = read_filter(request, EventFilter, ("period",))
    return f, read_choice(request, "period", "month", PERIODS)


def _timeline_data(request: Request) -> tuple[EventFilter, str, dict[str, Any]]:
    f, period = _timeline_request(request)
    data = views.timeline(request_store(request), f, period)
    forward = _dyad_title(f.source or f.source_country, f.target or f.target_country)
    data["spec"] = specs.timeline_spec(data["rows"], f, period, forward)
    if "reverse" in data:
        backward = _dyad_title(f.target or f.target_country, f.source or f.source_country)
        data["reverse_spec"] = specs.timeline_spec(data["reverse"], _reverse(f), period, backward)
    return f, period, data


def _reverse(f: EventFilter) -> EventFilter:
    from dragoman.store.aggregate import reverse_dyad

    return reverse_dyad(f)


def _dyad_title(source: Optional[str], target: Optional[str]) -> str:
    if source and target:
        return f"{source} → {target}"
    return "all events matching the filter"


@router.get("/timeline.json")
def timeline_json(request: Request) -> Response:
    return json_response(_timeline_data(request)[2])


@router.get("/timeline.csv")
def timeline_csv(request: Request) -> Response:
    f, period = _timeline_request(request)
    return csv_response(views.timeline(request_store(request), f, period)["rows"], "timeline.csv")


@router.get("/timeline")
def timeline_page(request: Request) -> Response:
    f, period, data = _timeline_data(request)
    return render(request, "timeline.html", title="Timeline", f=f, values=_values(f), query=filter_query(f),
                  period=period, periods=PERIODS, data=data, total=sum(r["events"] for r in data["rows"]))


def _network_request(request: Request) -> tuple[EventFilter, int]:
    f = read_filter(request, EventFilter, ("edges",))
    return f, read_int(request, "edges", 300, 1, MAX_EDGES)


@router.get("/network.json")
def network_json(request: Request) -> Response:
    f, edges = _network_request(request)
    graph = views.network(request_store(request), f, edges)
    return json_response({**graph, "elements": specs.network_elements(graph, f)})


@router.get("/network.csv")
def network_csv(request: Request) -> Response:
    f, edges = _network_request(request)
    return csv_response(views.network(request_store(request), f, edges)["edges"], "network.csv")


@router.get("/network")
def network_page(request: Request) -> Response:
    f, edges = _network_request(request)
    graph = views.network(request_store(request), f, edges)
    return render(request, "network.html", title="Network", f=f, values=_values(f), query=filter_query(f),
                  edges=edges, graph=graph)


def _map_request(request: Request) -> tuple[EventFilter, int]:
    f = read_filter(request, EventFilter, ("limit",))
    return f, read_int(request, "limit", 2000, 1, 10_000)


@router.get("/map.json")
def map_json(request: Request) -> Response:
    f, limit = _map_request(request)
    places = views.places(request_store(request), f, limit)
    return json_response({"places": places, "spec": specs.map_spec(places, f)})


@router.get("/map.geojson")
def map_geojson(request: Request) -> Response:
    f, limit = _map_request(request)
    geojson = views.places_geojson(views.places(request_store(request), f, limit))
    response = json_response(geojson, media_type="application/geo+json")
    response.headers["Content-Disposition"] = 'attachment; filename="places.geojson"'
    return response


@router.get("/map.csv")
def map_csv(request: Request) -> Response:
    f, limit = _map_request(request)
    return csv_response(views.places(request_store(request), f, limit), "places.csv")


@router.get("/map")
def map_page(request: Request) -> Response:
    f, limit = _map_request(request)
    places = views.places(request_store(request), f, limit)
    return render(request, "map.html", title="Map", f=f, values=_values(f), query=filter_query(f), places=places)


# -- quotes and actors -----------------------------------------------------------------------------------

@router.get("/quotes.json")
def quotes_json(request: Request) -> Response:
    f = read_filter(request, QuoteFilter, ("limit", "after"))
    limit = read_int(request, "limit", 50, 1, MAX_LIMIT)
    return json_response(views.quotes(request_store(request), f, limit, read_after(request)))


@router.get("/quotes.csv")
def quotes_csv(request: Request) -> Response:
    f = read_filter(request, QuoteFilter)
    store = request_store(request)
    return csv_response(all_rows(lambda size, cursor: store.quotes(f, size, cursor)), "quotes.csv")


@router.get("/quotes")
def quotes_page(request: Request) -> Response:
    f = read_filter(request, QuoteFilter, ("limit", "after"))
    limit = read_int(request, "limit", 50, 1, MAX_LIMIT)
    data = views.quotes(request_store(request), f, limit, read_after(request))
    query = filter_query(f)
    more = filter_query(f, limit=limit, after=data["next"]) if data["next"] else None
    return render(request, "quotes.html", title="Quotes", f=f, values=_values(f), query=query,
                  rows=data["rows"], more=more)


def _actors_request(request: Request) -> tuple[ActorFilter, int]:
    f = read_filter(request, ActorFilter, ("limit",))
    return f, read_int(request, "limit", 200, 1, 10_000)


@router.get("/actors.json")
def actors_json(request: Request) -> Response:
    f, limit = _actors_request(request)
    return json_response({"rows": views.actors(request_store(request), f, limit)})


@router.get("/actors.csv")
def actors_csv(request: Request) -> Response:
    f, limit = _actors_request(request)
    return csv_response(views.actors(request_store(request), f, limit), "actors.csv")


@router.get("/actors")
def actors_page(request: Request) -> Response:
    f, limit = _actors_request(request)
    rows = views.actors(request_store(request), f, limit)
    return render(request, "actors.html", title="Actors", f=f, values=_values(f), query=filter_query(f), rows=rows)


# -- the API's own page -------------------------------------------------------------------------------

@router.get("/api")
def api_page(request: Request) -> Response:
    schema = request.app.openapi()
    routes = [
        {"path": path, "method": method.upper(), "summary": op.get("summary", ""),
         "description": op.get("description", ""), "parameters": op.get("parameters", [])}
        for path, methods in schema["paths"].items() for method, op in methods.items()
    ]
    return render(request, "api.html", title="API", routes=routes, query="")
