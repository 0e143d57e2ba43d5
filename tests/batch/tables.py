"""Rows of a batch output or of a store, in a comparable form (sorted, every column of the store's tables)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dragoman.batch.tables import CODED_TABLES, EVENT_GROUPS, SIGNATURES, column_types
from dragoman.store import Store
from dragoman.store.columns import COLUMNS, TABLES

GROUP_KEYS = ("group_id", "date", "source_code", "target_code", "cameo", "num_mentions", "num_articles",
              "num_sources", "first_event_id", "first_published")


def output_rows(out: Path, table: str, columns: tuple[str, ...] | None = None) -> list[tuple]:
    names = columns or tuple(name for name, _ in column_types()[table])
    if not any((out / table).rglob("*.parquet")):
        return []
    quoted = ", ".join(f'"{c}"' for c in names)
    with duckdb.connect() as conn:
        rows = conn.execute(f"SELECT {quoted} FROM read_parquet(?, hive_partitioning = false)",
                            [str(out / table / "**" / "*.parquet")]).fetchall()
    return sorted(rows, key=repr)


def store_rows(db: Path, table: str) -> list[tuple]:
    store = Store(db, read_only=True)
    names = GROUP_KEYS if table == "event_groups" else COLUMNS[table]
    quoted = ", ".join(f'"{c}"' for c in names)
    rows = store.sql(f"SELECT {quoted} FROM {table}")
    return sorted((tuple(row.values()) for row in rows), key=repr)


OUTPUT_TABLES = ("articles", *CODED_TABLES, SIGNATURES, EVENT_GROUPS)


def assert_same_outputs(first: Path, second: Path) -> None:
    for table in OUTPUT_TABLES:
        assert output_rows(first, table) == output_rows(second, table), f"{table} differs"


def assert_same_stores(first: Path, second: Path) -> None:
    for table in (*TABLES, "event_groups"):
        assert store_rows(first, table) == store_rows(second, table), f"{table} differs"
