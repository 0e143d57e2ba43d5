"""The batch output's tables: the store's columns and types, as Arrow and Spark schemas.

The column names come from ``store/columns.py`` and their types from the store's own migrations
(applied to an in-memory DuckDB), so a batch output always has the columns ``dragoman import``
and the store expect. Two more tables: ``signatures`` (the near-duplicate sketches of first copies,
saved with them on import) and ``event_groups`` (events merged across articles).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Optional

import duckdb

from dragoman.store.columns import COLUMNS, TABLES
from dragoman.store.rows import Row
from dragoman.store.schema import MIGRATIONS

CODED_TABLES = TABLES[1:]  # actors, quotes, events, times, places: rows of one article each
SIGNATURES = "signatures"
EVENT_GROUPS = "event_groups"
PARTITION_OF = {"articles": ("published_month", "published"), "events": ("event_month", "date")}
GROUP_COLUMNS: tuple[tuple[str, str], ...] = (
    ("group_id", "VARCHAR"), ("date", "DATE"), ("source_code", "VARCHAR"), ("target_code", "VARCHAR"),
    ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("cameo_label", "VARCHAR"), ("goldstein", "DOUBLE"),
    ("quad_class", "INTEGER"), ("source_name", "VARCHAR"), ("target_name", "VARCHAR"), ("plover_type", "VARCHAR"),
    ("num_mentions", "BIGINT"), ("num_articles", "BIGINT"), ("num_sources", "BIGINT"),
    ("first_event_id", "VARCHAR"), ("first_published", "DATE"),
)


@lru_cache(maxsize=1)
def column_types() -> dict[str, tuple[tuple[str, str], ...]]:
    """table -> ((column, DuckDB type), ...) in ``COLUMNS`` order, read from the migrated schema."""
    conn = duckdb.connect()
    try:
        for migration in MIGRATIONS:
            conn.execute(migration)
        found = {}
        for table, columns in COLUMNS.items():
            types = {row[0]: row[1] for row in conn.execute(f"DESCRIBE {table}").fetchall()}
            found[table] = tuple((name, types[name]) for name in columns)
    finally:
        conn.close()
    found[SIGNATURES] = (("article_id", "VARCHAR"), ("minhash", "BLOB"))
    found[EVENT_GROUPS] = GROUP_COLUMNS
    return found


def date_columns(table: str) -> tuple[str, ...]:
    return tuple(name for name, kind in column_types()[table] if kind == "DATE")


def typed_row(table: str, row: Row) -> dict[str, Any]:
    """A store row with its DATE columns as dates (the store takes ISO strings, Parquet wants dates)."""
    out = {name: row[name] for name, _ in column_types()[table]}
    for name in date_columns(table):
        out[name] = _as_date(out[name])
    return out


def month_of(value: Optional[date]) -> Optional[str]:
    """The partition value of a date: "2022-05"; None for an undated row."""
    return value.strftime("%Y-%m") if value is not None else None


def _as_date(value: Any) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# -- Arrow (local engine) and Spark (Spark engine) schemas of the same columns ------------------------

def arrow_schema(table: str, partition: bool = True) -> Any:
    import pyarrow as pa

    kinds = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
             "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "BLOB": pa.binary()}
    fields = [pa.field(name, kinds[kind]) for name, kind in column_types()[table]]
    if partition and table in PARTITION_OF:
        fields.append(pa.field(PARTITION_OF[table][0], pa.string()))
    return pa.schema(fields)


def spark_struct(table: str) -> Any:
    from pyspark.sql import types as T

    kinds = {"VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "BIGINT": T.LongType(),
             "DOUBLE": T.DoubleType(), "BOOLEAN": T.BooleanType(), "DATE": T.DateType(), "BLOB": T.BinaryType()}
    return T.StructType([T.StructField(name, kinds[kind]) for name, kind in column_types()[table]])
