"""The store a request reads: opened read-only for each request, so a running ingest's new
articles show without a restart (see ``store/access.py`` for how readers and writers take turns)."""

from __future__ import annotations

from starlette.requests import Request

from dragoman.store import Store


def request_store(request: Request) -> Store:
    return Store(request.app.state.db, read_only=True)
