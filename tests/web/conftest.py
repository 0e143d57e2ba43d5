"""Fixtures of the explorer's tests: the demo store (``dragoman ingest demo/``) and a store of hostile
articles, both built once per session through the normal ingest path; an app client; a live server
on a free loopback port for the browser tests."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.api import create_app
from dragoman.run import ingest
from dragoman.store import Store

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo"

HOSTILE_TEXT = (
    "<script>window.__pwned = 1; alert('text')</script> Russia warns Turkey\n\n"
    "MOSCOW, March 14 (Meridian News) - Russia accused Turkey on Tuesday of shelling villages in northern "
    "Syria <img src=x onerror=\"window.__pwned=2\"> near the border.\n\n"
    "\"<script>window.__pwned = 3</script>We will not accept this,\" Russian Foreign Minister Sergei Lavrov "
    "told reporters, adding that <a href=\"javascript:window.__pwned=4\">Moscow</a> would raise the matter.\n\n"
    "Odd text: \u202eevil\u202c, zero\u200bwidth, e\u0301, \U0001F600, {{ 7*7 }} and ${7*7} and </textarea>.\n"
)
HOSTILE_RECORD = {
    "id": "hostile-2",
    "published": "2019-03-15",
    "title": "<script>window.__pwned = 5</script>Turkey <b onmouseover=\"window.__pwned=6\">replies</b>",
    "url": "javascript:window.__pwned=7",
    "source": "<iframe src=\"https://example.org\"></iframe>Evil Wire",
    "text": "ANKARA, March 15 (Meridian News) - Turkish President Recep Tayyip Erdogan criticized Russia on "
            "Friday and met the emir of Qatar to discuss the war in Syria. \"</span><script>window.__pwned=8"
            "</script>\" was the headline of a leaflet, Erdogan said.",
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory, coder) -> Path:
    """The demo store: the 34 demo articles ingested as `make demo` does."""
    path = tmp_path_factory.mktemp("explorer") / "demo.duckdb"
    ingest([str(DEMO)], Store(path), coder=coder)
    return path


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory, coder) -> Path:
    """Articles with hostile HTML, script, javascript: URLs and odd Unicode, ingested as a user would."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile-1.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "hostile-2.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    path = folder / "hostile.duckdb"
    summary = ingest([str(folder / "hostile-1.txt"), str(folder / "hostile-2.jsonl")], Store(path), coder=coder)
    assert summary.stored == 2, summary.skipped
    return path


def _client(path: Path):
    warnings.filterwarnings("ignore", message=".*httpx.*")
    from fastapi.testclient import TestClient

    return TestClient(create_app(path), base_url="http://127.0.0.1")


@pytest.fixture(scope="session")
def client(demo_store):
    return _client(demo_store)


@pytest.fixture(scope="session")
def hostile_client(hostile_store):
    return _client(hostile_store)


@contextlib.contextmanager
def serving(db: Path) -> Iterator[str]:
    """The explorer over ``db``, served by uvicorn in a thread on a free loopback port."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the explorer did not start within 30 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(demo_store) -> Iterator[str]:
    with serving(demo_store) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_server(hostile_store) -> Iterator[str]:
    with serving(hostile_store) as url:
        yield url
