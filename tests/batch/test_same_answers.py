"""The Spark engine, the local engine and ``dragoman ingest`` give the same rows, on the demo corpus and on
300 generated articles with copies in them; an output imported into a store equals an ingested one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")

# the batch modules need the optional [spark] dependencies, so they are imported after the checks
# ruff: noqa: E402
from typer.testing import CliRunner

from dragoman import run
from dragoman.batch import import_batch, read_manifest
from dragoman.batch.local_job import run_local
from dragoman.batch.spark_job import run_spark
from dragoman.batch.tables import EVENT_GROUPS
from dragoman.cli import app
from dragoman.config import Options
from dragoman.store import Store

from .conftest import DEMO
from .tables import GROUP_KEYS, assert_same_outputs, assert_same_stores, output_rows, store_rows

pytestmark = [pytest.mark.spark, pytest.mark.model]


def test_demo_spark_equals_local_and_ingest(demo_outputs, tmp_path):
    spark_out, local_out = demo_outputs["spark"], demo_outputs["local"]
    assert_same_outputs(spark_out, local_out)
    manifest = read_manifest(spark_out)
    assert manifest.counts["articles"] == 34 and manifest.counts["events"] > 300
    assert manifest.coded_with == read_manifest(local_out).coded_with

    imported, ingested = tmp_path / "imported.duckdb", tmp_path / "ingested.duckdb"
    result = CliRunner().invoke(app, ["import", str(spark_out), "--db", str(imported)])
    assert result.exit_code == 0, result.output
    run.ingest([str(DEMO)], Store(ingested), Options(workers=2))
    assert_same_stores(imported, ingested)
    # the Spark aggregation of merged events is the store's own view of the same events
    assert output_rows(spark_out, EVENT_GROUPS, GROUP_KEYS) == store_rows(imported, "event_groups")


def test_import_twice_adds_nothing(demo_outputs, tmp_path):
    db = tmp_path / "twice.duckdb"
    first = import_batch(demo_outputs["spark"], Store(db))
    counts = Store(db, read_only=True).counts()
    second = import_batch(demo_outputs["spark"], Store(db))
    assert (first.stored, second.stored, second.present) == (34, 0, 34)
    assert Store(db, read_only=True).counts() == counts


def test_generated_articles_with_copies(spark, generated_corpus, tmp_path):
    """300 generated articles, 10 updated versions (near copies) and 3 exact copies: the same rows from
    Spark (4 partitions), the local engine and ingest; the coder loaded once per Python worker."""
    options = Options(workers=2)
    loads_dir = tmp_path / "loads"
    loads_dir.mkdir()
    options_json = options.model_dump_json()

    def counting_code(frames, options_json=options_json, loads_dir=str(loads_dir)):
        from pyspark import TaskContext

        from dragoman.batch import udfs

        before = udfs.loads
        yield from udfs.code_articles(options_json, frames)
        task = TaskContext.get()
        Path(loads_dir, f"task-{task.partitionId()}-{task.attemptNumber()}").write_text(
            f"{os.getpid()} {udfs.loads - before}")

    spark_out, local_out = tmp_path / "spark", tmp_path / "local"
    manifest = run_spark([str(generated_corpus)], spark_out, options, spark=spark, partitions=4,
                         code_function=counting_code)
    local = run_local([str(generated_corpus)], local_out, options)
    copies = (manifest.articles_read, manifest.near_duplicates, manifest.exact_duplicates)
    assert copies == (local.articles_read, local.near_duplicates, local.exact_duplicates)
    # the generator recombines 34 seeds, so some of its articles are copies too, besides the 13 placed
    assert manifest.articles_read == 313 and manifest.near_duplicates >= 10 and manifest.exact_duplicates >= 3
    assert manifest.counts == local.counts
    assert manifest.counts["articles"] == manifest.articles_read - manifest.exact_duplicates
    assert_same_outputs(spark_out, local_out)

    imported, ingested = tmp_path / "imported.duckdb", tmp_path / "ingested.duckdb"
    import_batch(spark_out, Store(imported))
    run.ingest([str(generated_corpus)], Store(ingested), options)
    assert_same_stores(imported, ingested)
    linked = Store(imported, read_only=True).sql(
        "SELECT u.external_id, f.external_id AS first FROM articles u JOIN articles f ON f.id = u.duplicate_of "
        "WHERE u.external_id LIKE '%-update'")
    assert len(linked) == 10  # every updated version is linked to a first copy (its original or an earlier twin)

    reports = [path.read_text().split() for path in loads_dir.iterdir()]
    assert len(reports) == 4  # one per coding partition: adaptive execution did not merge them
    loads_per_worker: dict[str, int] = {}
    for pid, loads in reports:
        loads_per_worker[pid] = loads_per_worker.get(pid, 0) + int(loads)
    # each Python worker loaded the coder for this job's options at most once, whichever tasks it ran
    # (none when an earlier test's job had already loaded it in that worker)
    assert all(loads <= 1 for loads in loads_per_worker.values()), reports
    assert len(loads_per_worker) <= 4

    from dragoman.batch import udfs
    assert udfs.loads == 0  # never on the driver
