"""A Python worker killed in the middle of coding: Spark tries the task again and the output equals a clean run."""

from __future__ import annotations

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")

# the batch modules need the optional [spark] dependencies, so they are imported after the checks
# ruff: noqa: E402

from dragoman.batch import read_manifest
from dragoman.batch.spark_job import run_spark
from dragoman.config import Options

from .conftest import DEMO
from .tables import assert_same_outputs

pytestmark = [pytest.mark.spark, pytest.mark.model]


def test_worker_killed_mid_task_neither_doubles_nor_loses_rows(spark, demo_outputs, tmp_path):
    options_json = Options().model_dump_json()
    attempts = tmp_path / "attempts"
    attempts.mkdir()

    def dies_once(frames, options_json=options_json, attempts=str(attempts)):
        import os
        from pathlib import Path

        from pyspark import TaskContext

        from dragoman.batch import udfs

        task = TaskContext.get()
        Path(attempts, f"{task.partitionId()}-{task.attemptNumber()}").touch()
        for n, frame in enumerate(udfs.code_articles(options_json, frames)):
            if n == 1 and task.partitionId() == 0 and task.attemptNumber() == 0:
                os._exit(1)  # the worker dies after handing over one batch of rows
            yield frame

    out = tmp_path / "retried"
    manifest = run_spark([str(DEMO)], out, Options(), spark=spark, partitions=2, code_function=dies_once)
    tried = sorted(path.name for path in attempts.iterdir())
    assert "0-0" in tried and "0-1" in tried  # partition 0 failed once and was tried again
    assert manifest.counts == read_manifest(demo_outputs["spark"]).counts
    assert_same_outputs(out, demo_outputs["spark"])
