"""`dragoman.read_events/read_quotes/read_actors`: the store's rows as pandas, polars or Arrow tables."""

from __future__ import annotations

import pyarrow as pa
import pytest

import dragoman
from dragoman.errors import InputError
from dragoman.store import EventFilter, QuoteFilter, Store

pytestmark = pytest.mark.model


def test_read_events_is_the_listing_as_a_pandas_dataframe(demo_db, demo_events):
    frame = dragoman.read_events(demo_db)
    assert len(frame) == len(demo_events)
    assert frame["id"].tolist() == [e["id"] for e in demo_events]  # same rows, same order
    assert frame["cameo"].str.fullmatch(r"\d{2,4}").all()  # codes stay text, zeros kept


def test_filters_are_the_query_layers(demo_db):
    store = Store(demo_db, read_only=True)
    russian = dragoman.read_events(demo_db, source="RUS", since="2020-01-01")
    expected = store.events(EventFilter(source="RUS", since="2020-01-01"), limit=1000).rows
    assert len(russian) == len(expected) > 0 and russian["source_code"].str.startswith("RUS").all()
    quotes = dragoman.read_quotes(store, speaker="Zakharova")
    assert len(quotes) == len(store.quotes(QuoteFilter(speaker="Zakharova"), limit=1000).rows) > 0


@pytest.mark.parametrize("kind, type_name", [("polars", "polars.DataFrame"), ("arrow", "pyarrow.Table")])
def test_polars_and_arrow(demo_db, kind, type_name):
    if kind == "polars":
        pl = pytest.importorskip("polars")
        frame = dragoman.read_events(demo_db, kind=kind, quad_class=4)
        assert isinstance(frame, pl.DataFrame)
    else:
        frame = dragoman.read_events(demo_db, kind=kind, quad_class=4)
        assert isinstance(frame, pa.Table)
    assert len(frame) == len(dragoman.read_events(demo_db, quad_class=4)) > 0


def test_read_actors_filters_by_code_and_kind(demo_db):
    people = dragoman.read_actors(demo_db, code="RUSGOV", actor_kind="person")
    assert len(people) > 0 and set(people["kind"]) == {"person"} and people["code"].str.startswith("RUSGOV").all()
    assert len(dragoman.read_actors(demo_db)) > len(people)


@pytest.mark.parametrize("call", [
    lambda db: dragoman.read_events(db, actor="RUS"),  # the field is `source`
    lambda db: dragoman.read_events(db, quad_class=9),
    lambda db: dragoman.read_events(db, kind="excel"),
])
def test_a_bad_filter_or_kind_is_a_clear_error(demo_db, call):
    with pytest.raises(InputError):
        call(demo_db)
