"""The store: an embedded DuckDB file with tables articles, actors, quotes, events, times, places.

Write side: ``add`` (new articles, one transaction per batch; an article already stored is never
stored twice), ``replace`` (``recode``'s new rows for stored articles, one transaction per batch).
Read side: ``article(id)`` gives back the ArticleRecord that was stored, and ``events``, ``quotes``
and ``articles`` take a filter from ``store.query`` and return a ``Page``.

No connection stays open between operations: see ``store/access.py`` for how readers and writers
in several processes take turns at one file without lock errors.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Optional

import duckdb

from dragoman.errors import StoreError
from dragoman.records import ArticleRecord
from dragoman.store.access import LOCK_TIMEOUT, connect, someone_waiting
from dragoman.store.columns import ARTICLE_TABLES, COLUMNS, TABLES, VIEWS
from dragoman.store.query import (
    ArticleFilter,
    EventFilter,
    Page,
    Query,
    QuoteFilter,
    article_query,
    check_limit,
    encode_cursor,
    event_query,
    quote_query,
)
from dragoman.store.rows import as_tuple, coded_rows, meta_from_row, record_from_rows, record_rows
from dragoman.store.schema import MIGRATIONS

__all__ = ["ArticleFilter", "EventFilter", "Page", "QuoteFilter", "Store", "TABLES", "VIEWS"]

EXPORT_FORMATS = {"parquet": "PARQUET", "csv": "CSV", "jsonl": "JSON"}
RECODE_BATCH = 256  # stored articles read per query while recoding


class Store:
    """One DuckDB file. A ``read_only`` store never writes (and can be opened beside a running ingest).

    Usable as a context manager; connections last one operation (or a ``session``).
    """

    def __init__(self, path: str | Path = "dragoman.duckdb", read_only: bool = False,
                 timeout: float = LOCK_TIMEOUT) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.timeout = timeout
        self._in_session = False
        self._held: Optional[duckdb.DuckDBPyConnection] = None  # kept between a session's operations
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store; run `dragoman ingest` first")
        if not read_only:
            with self.connection() as conn:
                self._migrate(conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the file if a session still holds it."""
        if self._held is not None:
            self._held.close()
            self._held = None

    @contextlib.contextmanager
    def session(self) -> Iterator[Store]:
        """Keep the connection between operations while nobody else waits for the file.

        For one long writer in one thread (``run.ingest``, ``run.recode``): it saves opening and
        closing the file for every batch, and lets go after the operation in progress as soon as a
        reader or another writer waits (see ``store/access.py``).
        """
        self._in_session = True
        try:
            yield self
        finally:
            self._in_session = False
            self.close()

    @contextlib.contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one operation, opened when the store's turn comes and closed after
        (in a session, kept unless someone waits)."""
        conn, self._held = self._held or connect(self.path, self.read_only, self.timeout), None
        try:
            yield conn
        finally:
            if self._in_session and not someone_waiting(self.path):
                self._held = conn
            else:
                conn.close()

    # schema ---------------------------------------------------------------------------------

    def _migrate(self, conn: duckdb.DuckDBPyConnection) -> None:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        version = row[0] if row and row[0] is not None else 0
        for target in range(version, len(MIGRATIONS)):
            try:
                conn.execute("BEGIN TRANSACTION")
                conn.execute(MIGRATIONS[target])
                conn.execute("INSERT INTO schema_version VALUES (?)", [target + 1])
                conn.execute("COMMIT")
            except duckdb.Error as exc:
                conn.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration to schema {target + 1} failed: {exc}") from exc

    # writing --------------------------------------------------------------------------------

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of ``article_ids`` are stored: one query for a whole batch (a query each costs ms)."""
        if not article_ids:
            return set()
        with self.connection() as conn:
            return _stored_ids(conn, article_ids)

    def add(
        self,
        records: Sequence[ArticleRecord],
        signatures: Optional[Mapping[str, bytes]] = None,
        coded_with: Optional[str] = None,
    ) -> int:
        """Store a batch in one transaction; returns how many were new (already stored ones are skipped).

        ``signatures`` (article id -> MinHash bytes, see ingest/dedup.py) are saved in the same
        transaction, so the near-duplicate index never refers to an article that is not stored.
        ``coded_with`` names the dragoman version and knowledge the records were coded with.
        """
        if not records:
            return 0
        with self.connection() as conn:
            stored = _stored_ids(conn, [record.article.id for record in records])
            fresh: dict[str, ArticleRecord] = {}
            for record in records:
                if record.article.id not in fresh and record.article.id not in stored:
                    fresh[record.article.id] = record
            if not fresh:
                return 0
            batches: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
            for record in fresh.values():
                for table, rows in record_rows(record, coded_with).items():
                    batches[table].extend(as_tuple(table, row) for row in rows)
            marks = [(a, blob) for a, blob in (signatures or {}).items() if a in fresh]
            with self._transaction(conn, "could not store batch"):
                for table, rows in batches.items():
                    _insert(conn, table, rows)
                if marks:
                    conn.executemany("INSERT INTO article_signatures VALUES (?, ?)", marks)
        return len(fresh)

    def replace(self, records: Sequence[ArticleRecord], coded_with: Optional[str] = None) -> int:
        """New coding for stored articles: their coded rows are replaced and ``coded_with`` updated,
        in one transaction. Articles not stored are ignored; returns how many were replaced."""
        if not records:
            return 0
        with self.connection() as conn:
            stored = _stored_ids(conn, [record.article.id for record in records])
            chosen = {r.article.id: r for r in records if r.article.id in stored}
            if not chosen:
                return 0
            ids = list(chosen)
            batches: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ARTICLE_TABLES}
            for record in chosen.values():
                for table, rows in coded_rows(record).items():
                    batches[table].extend(as_tuple(table, row) for row in rows)
            with self._transaction(conn, "could not replace batch"):
                for table in ARTICLE_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
                    _insert(conn, table, batches[table])
                conn.execute("UPDATE articles SET coded_with = ? WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                             [coded_with, ids])
        return len(chosen)

    @contextlib.contextmanager
    def _transaction(self, conn: duckdb.DuckDBPyConnection, what: str) -> Iterator[None]:
        try:
            conn.execute("BEGIN TRANSACTION")
            yield
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {what}: {exc}") from exc

    def articles_to_recode(
        self, coded_with: Optional[str] = None, where: Optional[str] = None
    ) -> Iterator[tuple[Any, str]]:
        """(metadata, text) of every stored first copy to code again, in id order, read a batch at a time.

        Those whose ``coded_with`` differs from ``coded_with`` (all when it is None); ``where`` is an
        SQL condition on the ``articles`` table (the store owner's own expression, e.g.
        ``published >= '2020-01-01'``). No connection is held between batches, so the writes of a
        recode take their turns in between.
        """
        conditions, params = ["duplicate_of IS NULL"], []
        if coded_with is not None:
            conditions.append("coded_with IS DISTINCT FROM ?")
            params.append(coded_with)
        if where:
            conditions.append(f"({where})")
        last = ""
        while True:
            sql = (f"SELECT * FROM articles WHERE {' AND '.join(conditions)} AND id > ? "
                   f"ORDER BY id LIMIT {RECODE_BATCH}")
            try:
                rows = self._rows(sql, [*params, last])
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot select articles to recode (--where {where!r}?): {exc}") from exc
            if not rows:
                return
            for row in rows:
                yield meta_from_row(row), row["text"]
            last = rows[-1]["id"]

    # reading --------------------------------------------------------------------------------

    def article(self, article_id: str) -> Optional[ArticleRecord]:
        """The stored record of one article (as ``dragoman code`` printed it), or None if not stored."""
        with self.connection() as conn:
            found = _dicts(conn.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
            if not found:
                return None
            rows = {}
            for table in ARTICLE_TABLES:
                order = "n NULLS LAST, trigger_start, id" if table == "events" else "n"
                rows[table] = _dicts(conn.execute(
                    f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", [article_id]
                ))
        return record_from_rows(found[0], rows)

    def events(self, where: Optional[EventFilter] = None, limit: int = 100, after: Optional[str] = None) -> Page:
        """A page of stored events, newest first (undated last), with their article's title, url and sentence."""
        return self._page(event_query(where or EventFilter()), limit, after)

    def quotes(self, where: Optional[QuoteFilter] = None, limit: int = 100, after: Optional[str] = None) -> Page:
        """A page of stored quotes, newest article first."""
        return self._page(quote_query(where or QuoteFilter()), limit, after)

    def articles(self, where: Optional[ArticleFilter] = None, limit: int = 100, after: Optional[str] = None) -> Page:
        """A page of stored articles (metadata and text length, not the text), newest first."""
        return self._page(article_query(where or ArticleFilter()), limit, after)

    def _page(self, query: Query, limit: int, after: Optional[str]) -> Page:
        sql, params = query.page_sql(after, check_limit(limit))
        rows = self._rows(sql, params)
        if len(rows) <= limit:
            return Page(rows)
        rows = rows[:limit]
        return Page(rows, encode_cursor([rows[-1][key.name] for key in query.order]))

    def signatures(self, limit: Optional[int] = None) -> Iterator[tuple[str, bytes]]:
        """Stored near-duplicate signatures (article id, MinHash bytes) of first copies, oldest first;
        with ``limit``, only the most recently stored ones."""
        recent = f"LIMIT {int(limit)}" if limit is not None else ""
        rows = self._tuples(
            "SELECT article_id, minhash FROM ("
            "  SELECT s.article_id, s.minhash, a.ingested_at FROM article_signatures s"
            "  JOIN articles a ON a.id = s.article_id"
            f"  ORDER BY a.ingested_at DESC, s.article_id DESC {recent}"
            ") ORDER BY ingested_at, article_id"
        )
        for article_id, blob in rows:
            yield article_id, bytes(blob)

    def event_groups(
        self, min_articles: int = 1, code: Optional[str] = None, limit: Optional[int] = None
    ) -> list[dict[str, Any]]:
        """Events merged across articles: one row per (date, source, target, code) with GDELT-style counts."""
        sql = "SELECT * FROM event_groups WHERE num_articles >= ?"
        params: list[Any] = [min_articles]
        if code:
            sql += " AND starts_with(cameo, ?)"
            params.append(code)
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

    def counts(self) -> dict[str, int]:
        """Row count of every table, of the near-duplicate signatures and of the merged events."""
        names = (*TABLES, "article_signatures", "event_groups")
        with self.connection() as conn:
            return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in names}

    def sql(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read query of the caller's own (tests, notebooks); surfaces use the filters above."""
        return self._rows(query, params)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.connection() as conn:
            return _dicts(conn.execute(sql, list(params)))

    def _tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.connection() as conn:
            return conn.execute(sql, list(params)).fetchall()

    def export(self, out: str | Path, fmt: str) -> list[Path]:
        """Write every table and view to ``out/<name>.<ext>``; returns the files written."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
        out_dir = export_folder(out)
        written = []
        options = f"FORMAT {EXPORT_FORMATS[fmt]}" + (", HEADER" if fmt == "csv" else "")
        with self.connection() as conn:
            for name in (*TABLES, *VIEWS):
                target = out_dir / f"{name}.{fmt}"
                path_sql = str(target).replace("'", "''")
                columns = ", ".join(f'"{c}"' for c in COLUMNS[name]) if name in COLUMNS else "*"
                conn.execute(f"COPY (SELECT {columns} FROM {name}) TO '{path_sql}' ({options})")
                written.append(target)
        return written


def _stored_ids(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    rows = conn.execute(
        "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)]
    ).fetchall()
    return {row[0] for row in rows}


def _insert(conn: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    # Column-wise: each column goes in as one list parameter and unnest() zips them back into
    # rows. DuckDB is columnar, so this is >10x faster than multi-row VALUES or executemany.
    if not rows:
        return
    columns = COLUMNS[table]
    quoted = ", ".join(f'"{c}"' for c in columns)
    select = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    conn.execute(f"INSERT INTO {table} ({quoted}) SELECT {select}", [list(c) for c in zip(*rows, strict=True)])


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def export_folder(out: str | Path) -> Path:
    """The folder ``out``, created when missing; StoreError naming it when it cannot be."""
    out_dir = Path(out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{out_dir}: cannot create export folder: {exc.strerror}") from exc
    return out_dir
