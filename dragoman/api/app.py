"""The explorer's application: the JSON API and the web pages over one store, read-only.

Security is the same for every response: a Content-Security-Policy that allows scripts, styles,
data and images from this server only (no inline script, no eval, no other origin), no framing,
no sniffing; a request for another host name is refused (a web page elsewhere cannot reach a
loopback server through DNS rebinding); errors are one message, never a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Optional

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from dragoman import __version__
from dragoman.api.downloads import json_response
from dragoman.api.routes import router as api_router
from dragoman.api.views import NotFound
from dragoman.errors import DragomanError, InputError, StoreError
from dragoman.store.shared import SharedReader

log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


def create_app(db: str | Path, allowed_hosts: Optional[Sequence[str]] = LOOPBACK_HOSTS) -> FastAPI:
    """The explorer over the store at ``db``; ``allowed_hosts=None`` accepts any Host header
    (for a server deliberately bound to a public address)."""
    from dragoman.web.pages import router as web_router  # the pages render what the API returns

    app = FastAPI(
        title="dragoman explorer",
        version=__version__,
        description="Read-only JSON API over a dragoman store: events, quotes, articles with every span, "
        "and the aggregates the explorer draws. Filters are query parameters, the same on every route "
        "and on the web pages (`/events` and `/events.json` take the same URL).",
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN; /api is served from here
        redoc_url=None,
    )
    app.state.db = str(db)
    app.state.store = SharedReader(db)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.add_exception_handler(NotFound, _error(404))
    app.add_exception_handler(InputError, _error(400))
    app.add_exception_handler(StoreError, _error(503))
    app.add_exception_handler(DragomanError, _error(400))
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
    return app


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith((".json", ".csv", ".geojson"))


def error_response(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return json_response({"error": message, "status": status}, status=status)
    from dragoman.web.pages import render_error

    return render_error(request, status, message)


def _error(status: int) -> Callable[[Request, Exception], Response]:
    def handle(request: Request, exc: Exception) -> Response:
        return error_response(request, status, str(exc))

    return handle


def _validation_error(request: Request, exc: Exception) -> Response:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in getattr(exc, "errors", list)()
    )
    return error_response(request, 400, f"bad request: {problems}")


def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    message = "no such page" if status == 404 else str(getattr(exc, "detail", "error"))
    response = error_response(request, status, message)
    for name, value in (getattr(exc, "headers", None) or {}).items():
        response.headers[name] = value
    return response


def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("explorer: unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "internal error: the server log has the details")
