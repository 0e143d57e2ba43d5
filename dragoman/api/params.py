"""URL query parameters: the store's filter models read from a request, and described in OpenAPI.

The filters are the query layer's own pydantic models (``EventFilter``, ``QuoteFilter``,
``ActorFilter``), so a URL means what the same flags mean on the command line. An empty value (a
blank form field) means "not given"; an unknown name or a bad value is an ``InputError`` (a 400).
"""

from __future__ import annotations

from typing import Any, Optional, TypeVar
from urllib.parse import urlencode

from pydantic import BaseModel
from starlette.requests import Request

from dragoman.errors import InputError
from dragoman.store.query import parse_filter

F = TypeVar("F", bound=BaseModel)

LIMIT = {"name": "limit", "in": "query", "required": False, "description": "rows per page (1-1000, default 50)",
         "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}
AFTER = {"name": "after", "in": "query", "required": False,
         "description": "cursor of the next page, as returned in `next`", "schema": {"type": "string"}}
MAX_LIMIT = 1000


def read_filter(request: Request, model: type[F], own: tuple[str, ...] = ()) -> F:
    """The filter a request's query string describes; ``own`` names the view's other parameters."""
    values: dict[str, Any] = {}
    for name, value in request.query_params.multi_items():
        if name in own:
            continue
        if name not in model.model_fields:
            allowed = ", ".join([*model.model_fields, *own])
            raise InputError(f"unknown parameter {name[:40]!r}; this view takes {allowed}")
        values[name] = value
    return parse_filter(model, values)


def read_int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise InputError(f"{name}={raw[:40]!r}: not a whole number") from exc
    if not low <= value <= high:
        raise InputError(f"{name}={value}: choose {low} to {high}")
    return value


def read_choice(request: Request, name: str, default: str, choices: tuple[str, ...]) -> str:
    value = request.query_params.get(name, "") or default
    if value not in choices:
        raise InputError(f"{name}={value[:40]!r}: choose {', '.join(choices)}")
    return value


def read_after(request: Request) -> Optional[str]:
    return request.query_params.get("after") or None


def filter_query(f: BaseModel, **more: Any) -> str:
    """The query string of a filter (only the fields given) plus ``more``: links that keep the filter."""
    values = {k: _plain(v) for k, v in f.model_dump(exclude_none=True, exclude_defaults=True).items()}
    values.update({k: _plain(v) for k, v in more.items() if v is not None})
    return urlencode(values)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def openapi_parameters(model: type[BaseModel], *extra: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` listing every field of ``model`` as an optional query parameter."""
    schema = model.model_json_schema()
    parameters = []
    for name, prop in schema.get("properties", {}).items():
        prop = dict(prop)
        description = prop.pop("description", "")
        prop.pop("title", None)
        prop.pop("default", None)
        if "anyOf" in prop:  # Optional[X]: say X
            kinds = [p for p in prop.pop("anyOf") if p.get("type") != "null"]
            prop.update(kinds[0] if kinds else {})
        parameters.append({"name": name, "in": "query", "required": False, "description": description,
                           "schema": prop})
    return {"parameters": [*parameters, *extra]}
