"""The DuckDB store: idempotent batches, queries, exports, and survival of a killed ingest."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from dragoman.records import Actor, ArticleMeta, ArticleRecord, Event, Quote, Trigger
from dragoman.store import TABLES, VIEWS, EventFilter, QuoteFilter, Store
from dragoman.store.schema import MIGRATIONS


def _record(
    n: int, source: str | None = None, date: str = "2019-03-12", duplicate_of: str | None = None
) -> ArticleRecord:
    text = f"Russia accused Turkey of shelling village number {n}."
    russia = Actor("Russia", 0, 6, "Russia", "RUS", "RUS", None, "country")
    turkey = Actor("Turkey", 15, 21, "Turkey", "TUR", "TUR", None, "country")
    event = Event(
        id=f"a{n}-1",
        sentence=0,
        start=0,
        end=len(text),
        trigger=Trigger("accused", 7, 14),
        cameo="112",
        cameo_root="11",
        goldstein=-2.0,
        quad_class=3,
        source=russia,
        target=turkey,
        date=date,
        date_precision="day",
        rule="test",
        confidence=0.9,
    )
    quote = Quote("shelling village", 25, 41, "indirect", "accuse", russia)
    meta = ArticleMeta(id=f"a{n}", title=f"Story {n}", published="2019-03-14", source=source, duplicate_of=duplicate_of)
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
        assert len(store.events(EventFilter(source="RU")).rows) == 1
        assert store.events(EventFilter(source="TUR")).rows == []
        assert len(store.events(EventFilter(cameo="11", since="2019-03-01", until="2019-03-31")).rows) == 1
        assert store.events(EventFilter(since="2019-04-01")).rows == []
        row = store.events().rows[0]
        assert row["sentence_text"].startswith("Russia accused Turkey")
        assert store.quotes(QuoteFilter(speaker="russia")).rows[0]["speaker_code"] == "RUS"
        assert store.quotes(QuoteFilter(contains="nothing like this")).rows == []


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(tmp_path, fmt):
    with Store(tmp_path / "s.duckdb") as store:
        store.add([_record(1)])
        written = store.export(tmp_path / "out", fmt)
    assert sorted(p.name for p in written) == sorted(f"{t}.{fmt}" for t in (*TABLES, *VIEWS))
    reader = {"parquet": "read_parquet", "csv": "read_csv_auto", "jsonl": "read_json_auto"}[fmt]
    rows = duckdb.sql(f"SELECT count(*) FROM {reader}('{tmp_path}/out/events.{fmt}')").fetchall()[0][0]
    assert rows == 1


def test_reopening_keeps_schema_and_rows(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add([_record(1)])
    with Store(path) as store:
        assert store.counts()["articles"] == 1
        assert store.sql("SELECT max(version) AS v FROM schema_version")[0]["v"] == len(MIGRATIONS)


def test_a_first_version_store_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER)")
    conn.execute(MIGRATIONS[0])
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.close()
    with Store(path) as store:
        store.add([_record(1)], {"a1": b"sig"})
        assert store.counts()["article_signatures"] == 1


def test_near_duplicates_keep_their_link_and_signatures_commit_with_articles(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        first, copy = _record(1), ArticleRecord(ArticleMeta(id="a2", duplicate_of="a1"), "Russia accused Turkey.")
        assert store.add([first, copy], {"a1": b"\x01" * 8, "a9": b"not in this batch"}) == 2
        assert store.sql("SELECT duplicate_of FROM articles WHERE id = 'a2'") == [{"duplicate_of": "a1"}]
        assert list(store.signatures()) == [("a1", b"\x01" * 8)]


def test_signatures_come_oldest_first_and_limit_keeps_the_newest(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        for n in (1, 2, 3):  # one batch each, so each has its own ingested_at
            store.add([_record(n)], {f"a{n}": bytes([n]) * 8})
            with store.connection() as conn:
                conn.execute(
                    "UPDATE articles SET ingested_at = TIMESTAMP '2019-03-10 12:00:00' + ? * INTERVAL 1 HOUR "
                    "WHERE id = ?",
                    [n, f"a{n}"],
                )
        assert [a for a, _ in store.signatures()] == ["a1", "a2", "a3"]
        assert [a for a, _ in store.signatures(limit=2)] == ["a2", "a3"]


@pytest.mark.parametrize(
    "records, expected",
    [
        # the same (date, source, target, code) from three articles of two outlets: one event
        ([_record(1, "Meridian"), _record(2, "Meridian"), _record(3, "Harbor Post")], [(3, 3, 2)]),
        # another date is another event
        ([_record(1, "Meridian"), _record(2, "Meridian", date="2019-03-13")], [(1, 1, 1), (1, 1, 1)]),
        # articles without a named outlet count as their own source
        ([_record(1), _record(2)], [(2, 2, 2)]),
    ],
)
def test_events_merge_across_articles_with_gdelt_counts(tmp_path, records, expected):
    with Store(tmp_path / "s.duckdb") as store:
        store.add(records)
        groups = store.event_groups()
        assert [(g["num_mentions"], g["num_articles"], g["num_sources"]) for g in groups] == expected
        mentions = store.event_mentions(groups[0]["group_id"])
        assert len(mentions) == expected[0][1]
        assert {(m["trigger_start"], m["trigger_end"]) for m in mentions} == {(7, 14)}
        assert all(m["article_id"] and m["sentence"] == 0 for m in mentions)
        assert len(store.events().rows) == len(records)  # per-article events stay as they were


def _corpus(tmp_path, n: int):
    lines = []
    for i in range(n):
        lines.append(
            json.dumps(
                {
                    "id": f"k{i}",
                    "published": "2019-03-14",
                    "text": f"Officials in Ankara said on Tuesday that Turkey met Russia for talks round {i}. "
                    f"Russia accused Turkey of shelling villages near the border crossing number {i}.",
                }
            )
        )
        if i % 10 == 0:  # an updated version of the story: linked to the first copy, not coded again
            update = json.loads(lines[-1])
            update.update(id=f"k{i}-update", text=update["text"] + " (Updates with a correction.)")
            lines.append(json.dumps(update))
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _ingest(corpus, db, workers=1):
    return [
        sys.executable,
        "-m",
        "dragoman",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        "4",
        "--quiet",
        "--workers",
        str(workers),
    ]


def _counts(db):
    with Store(db, read_only=True) as store:
        return store.counts()


@pytest.mark.model
@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_matches_a_clean_run(tmp_path):
    corpus = _corpus(tmp_path, 80)
    clean = tmp_path / "clean.duckdb"
    subprocess.run(_ingest(corpus, clean), check=True, capture_output=True)

    killed = tmp_path / "killed.duckdb"
    # the killed run and the rerun use two workers: the parallel path must end in the same state
    proc = subprocess.Popen(_ingest(corpus, killed, 2), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    # kill once some batches are committed but (almost surely) not all
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if killed.exists() and killed.stat().st_size > 0:
            time.sleep(1.5)
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run(_ingest(corpus, killed, 2), check=False, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _counts(killed) == _counts(clean)
    assert _counts(clean)["articles"] == 88
    with Store(clean, read_only=True) as store:
        linked = store.sql("SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL")[0]["n"]
    assert linked == 8


@pytest.mark.parametrize(
    "value, day",
    [
        ("2019-03-12", "2019-03-12"),
        ("2016", "2016-01-01"),
        ("2016-03", "2016-03-01"),
        ("2019-W10", "2019-03-04"),
        ("PRESENT_REF", None),
        ("2019-02-30", None),
        (None, None),
    ],
)
def test_event_dates_of_any_precision_are_stored(tmp_path, value, day):
    from dragoman.store.rows import first_day

    assert first_day(value) == day
    with Store(tmp_path / "s.duckdb") as store:
        store.add([_record(1, date=value)])
        row = store.sql("SELECT CAST(date AS VARCHAR) AS day, date_value FROM events")[0]
        stored, exact = row["day"], row["date_value"]
    assert (stored, exact) == (day, value)


def test_batches_larger_than_one_insert_statement_are_stored_whole(tmp_path):
    records = [_record(n) for n in range(300)]  # 600 actor rows: more than one multi-row INSERT
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add(records) == 300
        counts = store.counts()
        assert (counts["articles"], counts["actors"], counts["events"]) == (300, 600, 300)
        assert store.sql("SELECT max(n) AS hi, min(n) AS lo FROM actors") == [{"hi": 1, "lo": 0}]
