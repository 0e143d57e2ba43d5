"""The DuckDB store: idempotent batches, queries, exports, and survival of a killed ingest."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from dragoman.records import ArticleMeta, ArticleRecord, Event, Quote, Trigger, Actor
from dragoman.store import TABLES, Store


def _record(n: int) -> ArticleRecord:
    text = f"Russia accused Turkey of shelling village number {n}."
    russia = Actor("Russia", 0, 6, "Russia", "RUS", "RUS", None, "country")
    turkey = Actor("Turkey", 15, 21, "Turkey", "TUR", "TUR", None, "country")
    event = Event(
        id=f"a{n}-1", sentence=0, start=0, end=len(text), trigger=Trigger("accused", 7, 14),
        cameo="112", cameo_root="11", goldstein=-2.0, quad_class=3, source=russia, target=turkey,
        date="2019-03-12", date_precision="day", rule="test", confidence=0.9,
    )
    quote = Quote("shelling village", 25, 41, "indirect", "accuse", russia)
    meta = ArticleMeta(id=f"a{n}", title=f"Story {n}", published="2019-03-14")
    return ArticleRecord(meta, text, [russia, turkey], [quote], [event])


def test_add_is_idempotent(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add([_record(1), _record(2)]) == 2
        assert store.add([_record(2), _record(3)]) == 1
        assert store.counts()["articles"] == 3
        assert store.counts()["events"] == 3
        assert store.counts()["actors"] == 6


def test_event_and_quote_queries(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add([_record(1)])
        assert len(store.events(actor="RU")) == 1
        assert store.events(actor="TUR") == []
        assert len(store.events(code="11", since="2019-03-01", until="2019-03-31")) == 1
        assert store.events(since="2019-04-01") == []
        row = store.events()[0]
        assert row["sentence_text"].startswith("Russia accused Turkey")
        assert store.quotes(speaker="russia")[0]["speaker_code"] == "RUS"
        assert store.quotes(contains="nothing like this") == []


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(tmp_path, fmt):
    with Store(tmp_path / "s.duckdb") as store:
        store.add([_record(1)])
        written = store.export(tmp_path / "out", fmt)
    assert sorted(p.name for p in written) == sorted(f"{t}.{fmt}" for t in TABLES)
    reader = {"parquet": "read_parquet", "csv": "read_csv_auto", "jsonl": "read_json_auto"}[fmt]
    rows = duckdb.sql(f"SELECT count(*) FROM {reader}('{tmp_path}/out/events.{fmt}')").fetchall()[0][0]
    assert rows == 1


def test_reopening_keeps_schema_and_rows(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add([_record(1)])
    with Store(path) as store:
        assert store.counts()["articles"] == 1
        assert store.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 1


def _corpus(tmp_path, n: int):
    lines = []
    for i in range(n):
        lines.append(json.dumps({
            "id": f"k{i}", "published": "2019-03-14",
            "text": f"Officials in Ankara said on Tuesday that Turkey met Russia for talks round {i}. "
                    f"Russia accused Turkey of shelling villages near the border crossing number {i}.",
        }))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _ingest(corpus, db):
    return [sys.executable, "-m", "dragoman", "ingest", str(corpus), "--db", str(db), "--batch-size", "4", "--quiet"]


def _counts(db):
    with Store(db, read_only=True) as store:
        return store.counts()


@pytest.mark.model
@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_matches_a_clean_run(tmp_path):
    corpus = _corpus(tmp_path, 120)
    clean = tmp_path / "clean.duckdb"
    subprocess.run(_ingest(corpus, clean), check=True, capture_output=True)

    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(_ingest(corpus, killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    # kill once some batches are committed but (almost surely) not all
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if killed.exists() and killed.stat().st_size > 0:
            time.sleep(1.5)
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run(_ingest(corpus, killed), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _counts(killed) == _counts(clean)
    assert _counts(clean)["articles"] == 120
