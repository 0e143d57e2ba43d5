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
    """A Spark session with the batch settings: the running one when there is one (a notebook, a test
    suite), left as its owner configured it; else a new one (under ``spark-submit``, the ``--master``
    and ``--conf`` given there win over ``master`` and the defaults here).

    ``PYSPARK_PYTHON`` defaults to this interpreter, so workers import the same dragoman.
    """
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise InputError("the Spark engine needs pyspark: pip install 'dragoman[spark]'") from exc
    running = SparkSession.getActiveSession()
    if running is not None:
        return running
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    given = SparkConf()  # what spark-submit (or spark-defaults.conf) already set
    builder = SparkSession.builder.appName("dragoman batch")
    if master and not given.contains("spark.master"):
        builder = builder.master(master)
    for key, value in {**SETTINGS, **(settings or {})}.items():
        if settings and key in settings or not given.contains(key):
            builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
