"""The Spark session a batch runs in, with the settings the job relies on."""

from __future__ import annotations

import os
import sys
from typing import Any, Optional

from dragoman.errors import InputError

# Arrow batches handed to one mapInPandas call: small enough that a worker's memory holds a batch of
# parsed articles beside the model, large enough to amortise the JVM <-> Python hand-over
ARROW_BATCH = 256
SETTINGS = {
    "spark.python.worker.reuse": "true",  # keep Python workers, and so their loaded coder, between tasks
    "spark.sql.execution.arrow.maxRecordsPerBatch": str(ARROW_BATCH),
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.shuffle.partitions": "8",
    "spark.ui.showConsoleProgress": "false",
}


def spark_session(master: Optional[str] = None, settings: Optional[dict[str, str]] = None) -> Any:
    """A Spark session (the running one when there is one, as under ``spark-submit``) with the batch settings.

    ``PYSPARK_PYTHON`` defaults to this interpreter, so workers import the same dragoman.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise InputError("the Spark engine needs pyspark: pip install 'dragoman[spark]'") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("dragoman batch")
    if master:
        builder = builder.master(master)
    for key, value in {**SETTINGS, **(settings or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
