"""Rows of a batch output or of a store, in a comparable form (sorted, every column of the store's tables)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dragoman.batch.tables import column_types
from dragoman.store import Store
from dragoman.store.columns import COLUMNS

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
