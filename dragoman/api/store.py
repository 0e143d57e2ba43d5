"""The store requests read: one ``SharedReader`` per application, so requests in flight share one
open connection and none is held while the server is idle or a writer waits (see
``store/shared.py``); a running ingest's new articles show without a restart."""

from __future__ import annotations

from starlette.requests import Request

from dragoman.store import Store


def request_store(request: Request) -> Store:
    return request.app.state.store
