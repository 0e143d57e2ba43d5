"""The store's read side: the schema matches the column list, pages continue without gaps or repeats,
filters are parameters, and readers in other processes never meet a lock error."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from dragoman.errors import InputError
from dragoman.records import Actor, ArticleMeta, ArticleRecord, Event, Trigger
from dragoman.store import EventFilter, QuoteFilter, Store
from dragoman.store.columns import COLUMNS
from dragoman.store.query import parse_filter

COUNTRIES = [("Russia", "RUS"), ("Turkey", "TUR"), ("Iran", "IRN"), ("France", "FRA")]


def _record(n: int) -> ArticleRecord:
    """Article n: one sentence, two events; every fourth article's events are undated."""
    (source_name, source), (target_name, target) = COUNTRIES[n % 4], COUNTRIES[(n + 1) % 4]
    text = f"{source_name} accused {target_name} of shelling village {n}, and {source_name} threatened it."
    src = Actor(source_name, 0, len(source_name), source_name, source, source, None, "country", "dictionary")
    tgt_start = text.index(target_name)
    tgt = Actor(target_name, tgt_start, tgt_start + len(target_name), target_name, target, target, None, "country")
    date = None if n % 4 == 0 else f"2019-03-{n % 28 + 1:02d}"
    events = []
    for k, (word, cameo) in enumerate((("accused", "112"), ("threatened", "138"))):
        start = text.index(word)
        events.append(Event(
            id=f"a{n:03d}-{k}", sentence=0, start=0, end=len(text), trigger=Trigger(word, start, start + len(word)),
            cameo=cameo, cameo_root=cameo[:2], goldstein=-2.0, quad_class=3, source=src, target=tgt,
            date=date, date_precision="day" if date else None, rule=f"test.{word}", confidence=0.5 + k / 10,
        ))
    meta = ArticleMeta(id=f"a{n:03d}", title=f"Story {n}", published="2019-03-14" if n % 3 else None)
    return ArticleRecord(meta, text, [src, tgt], [], events)


@pytest.fixture()
def store(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.add([_record(n) for n in range(1, 41)], coded_with="test")
    return store


def test_the_migrated_schema_has_exactly_the_listed_columns(store):
    for table, columns in COLUMNS.items():
        rows = store.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table])
        assert {r["column_name"] for r in rows} - {"ingested_at"} == set(columns), table


@pytest.mark.parametrize("where", [EventFilter(), EventFilter(source="RUS"), EventFilter(cameo="13"),
                                   EventFilter(until="2019-03-10"), EventFilter(min_confidence=0.55)])
@pytest.mark.parametrize("size", [1, 3, 7])
def test_pages_cover_every_row_once_in_order(store, where, size):
    everything = store.events(where, limit=1000).rows
    seen, cursor = [], None
    while True:
        page = store.events(where, limit=size, after=cursor)
        seen.extend(row["id"] for row in page.rows)
        if page.next is None:
            break
        assert len(page.rows) == size
        cursor = page.next
    assert seen == [row["id"] for row in everything]
    assert len(seen) == len(set(seen))
    dated = [row["date"] for row in everything if row["date"] is not None]
    assert dated == sorted(dated, reverse=True)  # newest first
    assert all(row["date"] is None for row in everything[len(dated):])  # undated last


def test_filters_select_what_they_say(store):
    russian = store.events(EventFilter(source="RUS"), limit=1000).rows
    assert russian and all(r["source_code"] == "RUS" for r in russian)
    threats = store.events(EventFilter(cameo="138", target_country="tur"), limit=1000).rows
    assert threats and all(r["cameo"] == "138" and r["target_country"] == "TUR" for r in threats)
    assert store.events(EventFilter(text="village 17,"), limit=1000).rows[0]["article_id"] == "a017"
    assert store.events(EventFilter(rule="test.threat"), limit=1000).rows[0]["rule"] == "test.threatened"
    # a search is text, never a pattern or SQL
    assert store.events(EventFilter(text="%"), limit=10).rows == []
    assert store.events(EventFilter(text="'; DROP TABLE events; --"), limit=10).rows == []
    assert store.counts()["events"] == 80
    assert store.articles(limit=1000).rows[0]["text_length"] > 0
    assert store.events(EventFilter(lede=1), limit=1000).rows  # every event is in its article's first sentence
    assert store.events(EventFilter(background=True), limit=1000).rows == []


def test_bad_filters_and_cursors_are_input_errors(store):
    with pytest.raises(InputError, match="since"):
        parse_filter(EventFilter, {"since": "last Tuesday"})
    with pytest.raises(InputError, match="cameo"):
        parse_filter(EventFilter, {"cameo": "1; DROP"})
    with pytest.raises(InputError, match="not a page cursor"):
        store.events(after="bm90IGEgY3Vyc29y")
    with pytest.raises(InputError, match="page size"):
        store.quotes(QuoteFilter(), limit=0)


def test_replace_swaps_an_articles_rows_in_one_go(store):
    changed = _record(5)
    changed.events = changed.events[:1]
    assert store.replace([changed, _record(99)], coded_with="new") == 1  # a99 is not stored: ignored
    assert [e.id for e in store.article("a005").events] == ["a005-0"]
    assert store.sql("SELECT coded_with FROM articles WHERE id = 'a005'") == [{"coded_with": "new"}]
    assert store.counts()["events"] == 79
    assert store.article("a404") is None


def test_recode_selection_skips_current_articles_and_near_copies(store):
    store.add([ArticleRecord(ArticleMeta(id="a900", duplicate_of="a001"), "copy")], coded_with="old")
    store.replace([_record(7)], coded_with="current")
    stale = [meta.id for meta, _ in store.articles_to_recode("current")]
    assert len(stale) == 39 and "a007" not in stale and "a900" not in stale
    assert [m.id for m, _ in store.articles_to_recode(None, "id IN ('a007', 'a008')")] == ["a007", "a008"]


INGEST_SLOWLY = """
import contextlib, sys, time
from dragoman.store import Store
sys.path.insert(0, {tests!r})
from test_read_side import _record
store = Store({db!r})
with store.session() if {session} else contextlib.nullcontext():
    for n in range(100, 160):
        store.stored_ids([f"a{{n}}"])
        store.add([_record(n)])
        time.sleep(0.02)
"""


@pytest.mark.parametrize("session", [False, True])
def test_readers_never_meet_a_lock_error_while_a_writer_commits(store, session):
    """Another process commits 60 batches while this one reads as fast as it can; a writer in a
    session (keeping its connection between batches) lets go whenever a reader waits."""
    from pathlib import Path

    script = INGEST_SLOWLY.format(tests=str(Path(__file__).parent), db=store.path, session=session)
    writer = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
    counts, reads = [], 0
    reader = Store(store.path, read_only=True)
    while writer.poll() is None:
        counts.append(reader.counts()["articles"])
        reader.events(EventFilter(source="RUS"), limit=5)
        reads += 1
        time.sleep(0.005)
    assert writer.returncode == 0, writer.stderr.read()
    assert reads > 5  # the reads really overlapped the writes
    assert counts == sorted(counts) and counts[0] >= 40
    assert reader.counts()["articles"] == 100
