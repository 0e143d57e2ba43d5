"""Parquet files of articles: one RawArticle per row, read a batch of rows at a time.

A row is read like a JSON object (``json_fields``): a ``text`` or ``html`` column (or one of their
aliases) is needed; title, url, source, byline, published and id columns are used when present.
DuckDB, already the store's engine, reads the file, so no other Parquet library is needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Union

import duckdb

from dragoman.ingest.json_fields import JSON_ALIASES, article_from_json
from dragoman.ingest.streams import format_size, over_the_limit
from dragoman.records import RawArticle, Skipped

Result = Union[RawArticle, Skipped]
ROWS_PER_FETCH = 512


def read_parquet(path: Path, max_article_bytes: int) -> Iterator[Result]:
    """Every row of the file as a raw article (``origin`` is ``path#row``), or a Skipped saying why not."""
    origin = str(path)
    conn = duckdb.connect()
    try:
        try:
            cursor = conn.execute("SELECT * FROM read_parquet(?)", [origin])
        except duckdb.Error as exc:
            yield Skipped(origin, f"not a readable Parquet file: {str(exc).splitlines()[0]}")
            return
        names = [d[0] for d in cursor.description]
        if not set(names) & {*JSON_ALIASES["text"], *JSON_ALIASES["html"]}:
            yield Skipped(origin, f"Parquet file has no text or html column (columns: {', '.join(names)})")
            return
        row_no = 0
        while True:
            rows = cursor.fetchmany(ROWS_PER_FETCH)
            if not rows:
                break
            for row in rows:
                row_no += 1
                yield _article(dict(zip(names, row, strict=True)), f"{origin}#{row_no}", max_article_bytes)
        if row_no == 0:
            yield Skipped(origin, "Parquet file has no rows")
    finally:
        conn.close()


def _article(item: dict, where: str, max_article_bytes: int) -> Result:  # type: ignore[type-arg]
    size = sum(len(v.encode("utf-8")) for v in item.values() if isinstance(v, str))
    if size > max_article_bytes:
        return Skipped(where, f"row is {format_size(size)}, {over_the_limit(max_article_bytes)}")
    return article_from_json(item, where)
