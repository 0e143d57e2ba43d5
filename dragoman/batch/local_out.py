"""The local engine's Parquet writer: the same folders, partitions and columns as Spark writes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from dragoman.batch.tables import PARTITION_OF, arrow_schema, month_of
from dragoman.errors import InputError


class TableWriter:
    """Rows of one table, written in parts of ``rows_per_part`` under ``out/<table>/`` (Hive partitions
    ``published_month=`` / ``event_month=`` for articles and events, as Spark's ``partitionBy``)."""

    def __init__(self, out: Path, table: str, rows_per_part: int = 50_000) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise InputError("dragoman batch needs pyarrow: pip install 'dragoman[spark]'") from exc
        self.root = out / table
        self.table = table
        self.rows_per_part = rows_per_part
        self._rows: list[dict[str, Any]] = []
        self._parts = 0
        self.count = 0
        shutil.rmtree(self.root, ignore_errors=True)  # a new output replaces the table, as Spark's overwrite
        self.root.mkdir(parents=True)

    def add(self, rows: list[dict[str, Any]]) -> None:
        if self.table in PARTITION_OF:
            column, source = PARTITION_OF[self.table]
            rows = [{**row, column: month_of(row[source])} for row in rows]
        self._rows.extend(rows)
        self.count += len(rows)
        if len(self._rows) >= self.rows_per_part:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._rows:
            return
        data = pa.Table.from_pylist(self._rows, schema=arrow_schema(self.table))
        name = f"part-{self._parts:05d}-{{i}}.parquet"
        if self.table in PARTITION_OF:
            pq.write_to_dataset(data, self.root, partition_cols=[PARTITION_OF[self.table][0]],
                                basename_template=name)
        else:
            pq.write_table(data, self.root / name.format(i=0))
        self._parts += 1
        self._rows = []
