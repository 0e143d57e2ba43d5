"""Batch throughput: the Spark engine on ``local[N]`` against the local engine (forked workers), same articles.

Measured: the Spark session's start (JVM) apart from the job; each job's articles/s end to end
(read, clean, copies, code, write Parquet); Spark at several partition counts; the peak resident
memory of each Spark Python worker (its ``VmHWM``, sampled while the job runs).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from dragoman.records import RawArticle


def write_corpus(articles: list[RawArticle], folder: Path, files: int = 4) -> list[str]:
    """The articles as ``files`` JSON Lines files (what a batch reads), in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    per_file = -(-len(articles) // files)
    for k in range(files):
        path = folder / f"part-{k:02d}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for article in articles[k * per_file:(k + 1) * per_file]:
                out.write(json.dumps({"title": article.title, "text": article.text}) + "\n")
        paths.append(str(path))
    return paths


class WorkerPeaks:
    """Peak RSS (MB) of every PySpark Python worker process seen while running (Linux /proc)."""

    def __init__(self, every: float = 0.5) -> None:
        self.every = every
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> WorkerPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.is_set():
            for entry in os.listdir("/proc"):
                if entry.isdigit():
                    self._sample(int(entry))
            self._stop.wait(self.every)

    def _sample(self, pid: int) -> None:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                command = fh.read()
            # the daemon and the workers it forks (they keep its command line); not the JVM, whose class
            # path also names pyspark
            if b"pyspark.daemon" not in command and b"pyspark.worker" not in command:
                return
            with open(f"/proc/{pid}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        self.peaks[pid] = max(self.peaks.get(pid, 0.0), int(line.split()[1]) / 1024)
        except (OSError, ValueError):
            return


def bench_batch(articles: list[RawArticle], cores: int = 2, partitions: tuple[int, ...] = (2, 4, 8)) -> dict[str, Any]:
    """Run the local engine and the Spark engine (``local[cores]``, each partition count) on ``articles``."""
    from dragoman.batch.local_job import run_local
    from dragoman.batch.session import spark_session
    from dragoman.batch.spark_job import run_spark
    from dragoman.config import Options

    result: dict[str, Any] = {"articles": len(articles), "cores": cores, "runs": []}
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-batch-") as tmp:
        root = Path(tmp)
        inputs = write_corpus(articles, root / "in")
        options = Options(workers=cores)
        manifest = run_local(inputs, root / "local", options)
        result["runs"].append({"engine": "local", "workers": cores, "seconds": manifest.seconds,
                               "articles_per_s": round(len(articles) / manifest.seconds, 2)})
        started = time.perf_counter()
        spark = spark_session(f"local[{cores}]", {"spark.ui.enabled": "false"})
        spark.range(1).collect()  # the JVM, the session and a first Python worker up
        result["spark_start_seconds"] = round(time.perf_counter() - started, 2)
        try:
            for count in partitions:
                with WorkerPeaks() as peaks:
                    manifest = run_spark(inputs, root / f"spark-{count}", options, spark=spark, partitions=count)
                result["runs"].append({
                    "engine": "spark", "master": f"local[{cores}]", "partitions": count,
                    "seconds": manifest.seconds, "articles_per_s": round(len(articles) / manifest.seconds, 2),
                    "peak_worker_mb": round(max(peaks.peaks.values(), default=0.0)),
                    "python_workers": len(peaks.peaks),
                })
        finally:
            spark.stop()
    local_rate = result["runs"][0]["articles_per_s"]
    best = max(run["articles_per_s"] for run in result["runs"][1:])
    result["spark_to_local"] = round(best / local_rate, 2)
    result["per_core_articles_per_s"] = round(best / cores, 2)
    return result
