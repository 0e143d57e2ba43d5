"""The demo articles ingested once per test session: what every export test reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import run
from dragoman.config import Options
from dragoman.store import Store

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, coder) -> Path:
    db = tmp_path_factory.mktemp("export-demo") / "demo.duckdb"
    summary = run.ingest([str(DEMO)], Store(db), Options(workers=1), coder=coder)
    assert summary.stored > 20
    return db


@pytest.fixture(scope="session")
def demo_events(demo_db) -> list[dict]:
    """Every stored event of the demo store, as `Store.events` pages give them."""
    store, rows, cursor = Store(demo_db, read_only=True), [], None
    while True:
        page = store.events(limit=1000, after=cursor)
        rows.extend(page.rows)
        if page.next is None:
            return rows
        cursor = page.next
