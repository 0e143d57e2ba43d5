"""Batch: the same coder over many articles, into Parquet tables shaped like the store's.

``run_batch(inputs, out, options, engine="spark"|"local")`` codes a batch on Apache Spark (PySpark,
``mapInPandas``, the coder loaded once per Python worker) or with the run driver's forked workers;
both write the same output: one Parquet folder per store table, ``event_groups``, ``signatures`` and
the ``_dragoman.json`` manifest. ``import_batch(directory, store)`` loads an output into a store.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Optional

from dragoman.batch.importer import ImportSummary, import_batch
from dragoman.batch.manifest import MANIFEST, Manifest, read_manifest
from dragoman.config import Options
from dragoman.errors import InputError

ENGINES = ("spark", "local")

__all__ = ["ENGINES", "MANIFEST", "ImportSummary", "Manifest", "import_batch", "read_manifest", "run_batch"]


def run_batch(
    inputs: Sequence[str],
    out: Path,
    options: Optional[Options] = None,
    *,
    engine: str = "spark",
    master: Optional[str] = None,
    partitions: Optional[int] = None,
) -> Manifest:
    """Code ``inputs`` (files, folders, globs) into the batch output folder ``out``; returns its manifest."""
    if engine == "spark":
        from dragoman.batch.spark_job import run_spark

        return run_spark(inputs, out, options, master=master, partitions=partitions)
    if engine == "local":
        from dragoman.batch.local_job import run_local

        return run_local(inputs, out, options)
    raise InputError(f"--engine {engine!r}: choose {' or '.join(ENGINES)}")
