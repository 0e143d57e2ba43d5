"""The two-step events listing gives exactly ``Store.events``' pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dragoman.store import EventFilter, Store
from dragoman.store.listing import events_page

sys.path.insert(0, str(Path(__file__).parent))
from test_read_side import _record  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("listing") / "s.duckdb")
    store.add([_record(n) for n in range(1, 41)], coded_with="test")
    return store


@pytest.mark.parametrize("where", [EventFilter(), EventFilter(source="RUS"), EventFilter(text="village 1"),
                                   EventFilter(until="2019-03-10", cameo="13"), EventFilter(source="XXX")])
@pytest.mark.parametrize("size", [11, 100])
def test_every_page_is_the_stores_page(store, where, size):
    after = None
    while True:
        expected = store.events(where, size, after)
        got = events_page(store, where, size, after)
        assert got.rows == expected.rows
        assert got.next == expected.next
        if expected.next is None:
            break
        after = expected.next
