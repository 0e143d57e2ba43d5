"""The store: an embedded DuckDB file with tables articles, actors, quotes, events, times, places.

Writes go one batch per transaction, so a killed process leaves every committed article whole and
nothing half-written; an article already stored (same text hash) is never stored twice.
Query functions return plain rows (dicts); the CLI, API and web pages only render them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Optional

import duckdb

from dragoman.errors import StoreError
from dragoman.records import ArticleRecord
from dragoman.store.rows import record_rows
from dragoman.store.schema import MIGRATIONS, TABLES, VIEWS

__all__ = ["Store", "TABLES", "VIEWS"]

EXPORT_FORMATS = {"parquet": "PARQUET", "csv": "CSV", "jsonl": "JSON"}


class Store:
    """One DuckDB file. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = "dragoman.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store; run `dragoman ingest` first")
        try:
            self.conn = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open store: {exc}") from exc
        if not read_only:
            self._migrate()
        self._columns = {t: self._table_columns(t) for t in TABLES}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # schema ---------------------------------------------------------------------------------

    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        row = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()
        version = row[0] if row and row[0] is not None else 0
        for target in range(version, len(MIGRATIONS)):
            try:
                self.conn.execute("BEGIN TRANSACTION")
                self.conn.execute(MIGRATIONS[target])
                self.conn.execute("INSERT INTO schema_version VALUES (?)", [target + 1])
                self.conn.execute("COMMIT")
            except duckdb.Error as exc:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration to schema {target + 1} failed: {exc}") from exc

    def _table_columns(self, table: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
        return [r[0] for r in rows if r[0] != "ingested_at"]

    # writing --------------------------------------------------------------------------------

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of ``article_ids`` are stored: one query for a whole batch (a query each costs ms)."""
        if not article_ids:
            return set()
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)]
        ).fetchall()
        return {row[0] for row in rows}

    def add(self, records: Sequence[ArticleRecord], signatures: Optional[Mapping[str, bytes]] = None) -> int:
        """Store a batch in one transaction; returns how many were new (already stored ones are skipped).

        ``signatures`` (article id -> MinHash bytes, see ingest/dedup.py) are saved in the same
        transaction, so the near-duplicate index never refers to an article that is not stored.
        """
        fresh: dict[str, ArticleRecord] = {}
        stored = self.stored_ids([record.article.id for record in records])
        for record in records:
            if record.article.id not in fresh and record.article.id not in stored:
                fresh[record.article.id] = record
        if not fresh:
            return 0
        batches: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
        for record in fresh.values():
            for table, rows in record_rows(record).items():
                batches[table].extend(rows)
        try:
            self.conn.execute("BEGIN TRANSACTION")
            for table, rows in batches.items():
                if rows:
                    self._insert(table, rows)
            marks = [(a, blob) for a, blob in (signatures or {}).items() if a in fresh]
            if marks:
                self.conn.executemany("INSERT INTO article_signatures VALUES (?, ?)", marks)
            self.conn.execute("COMMIT")
        except duckdb.Error as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not store batch: {exc}") from exc
        return len(fresh)

    def _insert(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        # Column-wise: each column goes in as one list parameter and unnest() zips them back into
        # rows. DuckDB is columnar, so this is >10x faster than multi-row VALUES or executemany.
        columns = self._columns[table]
        quoted = ", ".join(f'"{c}"' for c in columns)
        select = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
        self.conn.execute(
            f"INSERT INTO {table} ({quoted}) SELECT {select}", [list(c) for c in zip(*rows, strict=False)]
        )

    # reading --------------------------------------------------------------------------------

    def signatures(self, limit: Optional[int] = None) -> Iterator[tuple[str, bytes]]:
        """Stored near-duplicate signatures (article id, MinHash bytes) of first copies, oldest first;
        with ``limit``, only the most recently stored ones."""
        recent = f"LIMIT {int(limit)}" if limit is not None else ""
        cursor = self.conn.execute(
            "SELECT article_id, minhash FROM ("
            "  SELECT s.article_id, s.minhash, a.ingested_at FROM article_signatures s"
            "  JOIN articles a ON a.id = s.article_id"
            f"  ORDER BY a.ingested_at DESC, s.article_id DESC {recent}"
            ") ORDER BY ingested_at, article_id"
        )
        while True:
            rows = cursor.fetchmany(1000)
            if not rows:
                return
            for article_id, blob in rows:
                yield article_id, bytes(blob)

    def event_groups(
        self, min_articles: int = 1, code: Optional[str] = None, limit: Optional[int] = None
    ) -> list[dict[str, Any]]:
        """Events merged across articles: one row per (date, source, target, code) with GDELT-style counts."""
        sql = "SELECT * FROM event_groups WHERE num_articles >= ?"
        params: list[Any] = [min_articles]
        if code:
            sql += " AND cameo LIKE ?"
            params.append(code + "%")
        sql += " ORDER BY num_articles DESC, num_mentions DESC, date DESC NULLS LAST, group_id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._rows(sql, params)

    def event_mentions(self, group_id: str) -> list[dict[str, Any]]:
        """Every mention (article, sentence, offsets) of one merged event."""
        return self._rows(
            "SELECT * FROM event_mentions WHERE group_id = ? "
            "ORDER BY article_published NULLS LAST, article_id, sentence",
            [group_id],
        )

    def _select(
        self, sql: str, where: list[str], params: list[Any], order: str, limit: Optional[int]
    ) -> list[dict[str, Any]]:
        """Run ``sql`` with the filters ANDed, the order and an optional limit."""
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._rows(sql, params)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """Row count of every table, of the near-duplicate signatures and of the merged events."""
        names = (*TABLES, "article_signatures", "event_groups")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in names}

    def events(
        self,
        actor: Optional[str] = None,
        target: Optional[str] = None,
        code: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> list[dict[str, Any]]:
        """Stored events, newest first. ``actor``/``target`` and ``code`` match as prefixes."""
        where, params = [], []
        if actor:
            where.append("source_code LIKE ?")
            params.append(actor.upper() + "%")
        if target:
            where.append("target_code LIKE ?")
            params.append(target.upper() + "%")
        if code:
            where.append("cameo LIKE ?")
            params.append(code + "%")
        if since:
            where.append("e.date >= CAST(? AS DATE)")
            params.append(since)
        if until:
            where.append("e.date <= CAST(? AS DATE)")
            params.append(until)
        sql = (
            "SELECT e.*, a.title AS article_title, a.url AS article_url, "
            'substr(a.text, e.start + 1, e."end" - e.start) AS sentence_text '
            "FROM events e JOIN articles a ON a.id = e.article_id"
        )
        return self._select(sql, where, params, "e.date DESC NULLS LAST, e.article_id, e.sentence, e.id", limit)

    def quotes(
        self, speaker: Optional[str] = None, contains: Optional[str] = None, limit: Optional[int] = None
    ) -> list[dict[str, Any]]:
        """Stored quotes; ``speaker`` matches a name (case-insensitive part) or a code prefix."""
        where, params = [], []
        if speaker:
            where.append("(speaker_name ILIKE ? OR speaker_text ILIKE ? OR speaker_code LIKE ?)")
            params += [f"%{speaker}%", f"%{speaker}%", speaker.upper() + "%"]
        if contains:
            where.append("q.text ILIKE ?")
            params.append(f"%{contains}%")
        sql = "SELECT q.*, a.title AS article_title, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
        return self._select(sql, where, params, "a.published DESC NULLS LAST, q.article_id, q.n", limit)

    def export(self, out: str | Path, fmt: str) -> list[Path]:
        """Write every table to ``out/<table>.<ext>``; returns the files written."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
        out_dir = Path(out)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{out_dir}: cannot create export folder: {exc.strerror}") from exc
        written = []
        for table in (*TABLES, *VIEWS):
            target = out_dir / f"{table}.{fmt}"
            path_sql = str(target).replace("'", "''")
            options = f"FORMAT {EXPORT_FORMATS[fmt]}" + (", HEADER" if fmt == "csv" else "")
            self.conn.execute(f"COPY (SELECT * FROM {table}) TO '{path_sql}' ({options})")
            written.append(target)
        return written
