"""``dragoman import``: a batch output into the store, through the store's own write side.

Each table is read in article order (DuckDB sorts the Parquet files, so memory holds one batch of
articles, not the output); an article's rows become its ArticleRecord again (``store/rows.py``) and
``Store.add`` stores batches of them in one transaction each. An article already in the store is
not stored again, so importing twice, or importing over an ingest, adds nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import duckdb

from dragoman.batch.manifest import Manifest, read_manifest
from dragoman.batch.tables import CODED_TABLES, SIGNATURES, column_types
from dragoman.records import ArticleRecord
from dragoman.store import Store
from dragoman.store.rows import record_from_rows

IMPORT_BATCH = 256
FETCH_ROWS = 2048


@dataclass
class ImportSummary:
    stored: int = 0
    present: int = 0  # already in the store
    manifest: Optional[Manifest] = None


def import_batch(directory: Path, store: Store, batch_size: int = IMPORT_BATCH) -> ImportSummary:
    """Store every article of the batch output at ``directory`` (with its rows and near-duplicate signature)."""
    manifest = read_manifest(directory)
    summary = ImportSummary(manifest=manifest)
    conn = duckdb.connect()
    try:
        articles = _sorted_rows(conn, directory, "articles", "id")
        coded = {table: _Peekable(_sorted_rows(conn, directory, table, "article_id, n")) for table in CODED_TABLES}
        signatures = _Peekable(_sorted_rows(conn, directory, SIGNATURES, "article_id"))
        records: list[ArticleRecord] = []
        marks: dict[str, bytes] = {}
        with store.session():
            for article in articles:
                aid = article["id"]
                rows = {table: coded[table].take(aid) for table in CODED_TABLES}
                for row in signatures.take(aid):
                    marks[aid] = bytes(row["minhash"])
                records.append(record_from_rows(article, rows))
                if len(records) >= batch_size:
                    _store(store, records, marks, manifest.coded_with, summary)
            _store(store, records, marks, manifest.coded_with, summary)
    finally:
        conn.close()
    return summary


def _store(store: Store, records: list[ArticleRecord], marks: dict[str, bytes], coded_with: Optional[str],
           summary: ImportSummary) -> None:
    if records:
        added = store.add(records, marks, coded_with)
        summary.stored += added
        summary.present += len(records) - added
    records.clear()
    marks.clear()


def _sorted_rows(conn: duckdb.DuckDBPyConnection, directory: Path, table: str, order: str) -> Iterator[dict[str, Any]]:
    """Rows of one output table in ``order``, a fetch at a time; none when the table has no files."""
    folder = directory / table
    if not any(folder.rglob("*.parquet")):
        return
    columns = [name for name, _ in column_types()[table]]
    quoted = ", ".join(f'"{c}"' for c in columns)
    pattern = str(folder / "**" / "*.parquet")
    cursor = conn.cursor()
    cursor.execute(f"SELECT {quoted} FROM read_parquet(?, hive_partitioning = false) ORDER BY {order}", [pattern])
    while True:
        rows = cursor.fetchmany(FETCH_ROWS)
        if not rows:
            return
        for row in rows:
            yield dict(zip(columns, row, strict=True))


class _Peekable:
    """Rows sorted by article id; ``take(aid)`` returns the next run of rows of that article."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, article_id: str) -> list[dict[str, Any]]:
        taken = []
        while self._next is not None and self._next["article_id"] <= article_id:
            if self._next["article_id"] == article_id:
                taken.append(self._next)
            self._next = next(self._rows, None)
        return taken
