"""A read-only store shared by many threads (the explorer): overlapping reads share one connection,
an idle reader holds nothing, and a writer in another process still gets its turns."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dragoman.store import EventFilter, Store
from dragoman.store import shared as shared_module
from dragoman.store.shared import SharedReader

sys.path.insert(0, str(Path(__file__).parent))
from test_read_side import INGEST_SLOWLY, _record  # noqa: E402


@pytest.fixture()
def db(tmp_path) -> str:
    store = Store(tmp_path / "shared.duckdb")
    store.add([_record(n) for n in range(1, 41)], coded_with="test")
    return store.path


def test_overlapping_reads_share_one_connection_and_an_idle_reader_holds_none(db, monkeypatch):
    opened = []

    def counting_connect(*args, **kwargs):
        opened.append(1)
        return shared_module.connect.__wrapped__(*args, **kwargs)

    counting_connect.__wrapped__ = shared_module.connect  # type: ignore[attr-defined]
    monkeypatch.setattr(shared_module, "connect", counting_connect)
    reader = SharedReader(db, linger=0)
    inside = threading.Barrier(6)
    results = []

    def read() -> None:
        with reader.connection() as conn:
            inside.wait(timeout=10)  # all six are in at once
            results.append(conn.execute("SELECT count(*) FROM events").fetchone()[0])

    threads = [threading.Thread(target=read) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert results == [80] * 6
    assert len(opened) == 1  # six overlapping operations, one open file
    assert reader._anchor is None  # nothing held once idle
    writer = Store(db)  # so a writer (even in this process) opens the file at once
    writer.add([_record(41)])
    assert reader.counts()["articles"] == 41 and len(opened) == 2


def test_pages_through_a_shared_reader_are_the_stores_pages(db):
    assert SharedReader(db).events(EventFilter(source="RUS"), limit=7).rows == Store(db, read_only=True).events(
        EventFilter(source="RUS"), limit=7).rows


@pytest.mark.parametrize("session", [False, True])
def test_a_writer_in_another_process_gets_its_turns_while_threads_keep_reading(db, session):
    script = INGEST_SLOWLY.format(tests=str(Path(__file__).parent), db=db, session=session)
    writer = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)
    reader = SharedReader(db, timeout=60, linger=1.0)
    seen: list[int] = []
    failures: list[BaseException] = []

    def keep_reading() -> None:
        try:
            while writer.poll() is None:
                seen.append(reader.counts()["articles"])
                reader.events(EventFilter(source="RUS"), limit=5)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=keep_reading) for _ in range(3)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=30)
    assert writer.returncode == 0, writer.stderr.read()
    assert failures == []
    assert len(seen) > 10 and max(seen) >= 40
    assert reader.counts()["articles"] == 100


def test_an_idle_connection_lingers_for_the_next_request_then_closes(db):
    reader = SharedReader(db, linger=0.3)
    reader.counts()
    held = reader._anchor
    assert held is not None  # kept for the next click
    reader.counts()
    assert reader._anchor is held  # and used by it
    time.sleep(0.6)
    assert reader._anchor is None  # then let go


def test_a_lingering_connection_lets_a_waiting_writer_in_at_once(db):
    reader = SharedReader(db, linger=30)
    reader.counts()
    assert reader._anchor is not None
    script = "from dragoman.store import Store; Store({db!r}, timeout=20)".format(db=db)
    started = time.monotonic()
    writer = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert writer.returncode == 0, writer.stderr
    assert time.monotonic() - started < 15  # not the 30 s linger: it let go when the writer waited
    assert reader._anchor is None
