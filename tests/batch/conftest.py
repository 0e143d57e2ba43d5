"""Batch fixtures: one local Spark session for every Spark test, and a generated corpus with copies in it."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo"


@pytest.fixture(scope="session")
def spark():
    """``local[2,3]``: two cores, and a failed task is tried up to three times (the retry test needs it).

    Small Arrow batches, so the workers' iterators run over several batches per task.
    """
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime: the Spark engine needs one (openjdk-17-jre-headless)")
    from dragoman.batch.session import spark_session

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = spark_session("local[2,3]", {
        "spark.ui.enabled": "false",
        "spark.sql.execution.arrow.maxRecordsPerBatch": "8",
        "spark.sql.shuffle.partitions": "4",
        "spark.driver.memory": "1g",
    })
    yield session
    session.stop()


def write_jsonl(path: Path, items: list[dict]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def generated_corpus(tmp_path_factory) -> Path:
    """300 generated wire stories over two JSON Lines files (one gzipped), with near copies (an
    updated version: a sentence added) and exact copies placed after their originals."""
    from dragoman.bench.corpus import generate, seed_articles

    folder = tmp_path_factory.mktemp("generated")
    articles = generate(seed_articles([str(DEMO)]), n=300, words=260, seed=11)
    items = [{"id": f"gen-{k}", "title": a.title, "text": a.text, "source": f"wire-{k % 7}"}
             for k, a in enumerate(articles)]
    updates = [{**items[k], "id": f"gen-{k}-update",
                "text": items[k]["text"] + "\n\nThe ministry did not respond to a request for comment."}
               for k in range(0, 60, 6)]
    copies = [{**items[k], "id": f"gen-{k}-copy"} for k in range(3, 30, 9)]
    write_jsonl(folder / "a-first.jsonl", items[:150])
    write_jsonl(folder / "b-second.jsonl.gz", items[150:] + updates + copies)
    return folder


@pytest.fixture(scope="session")
def demo_outputs(spark, tmp_path_factory) -> dict[str, Path]:
    """The demo corpus through both engines with the CLI, as a user runs them."""
    folder = tmp_path_factory.mktemp("demo-batch")
    from dragoman.cli import app

    runner = CliRunner()
    for engine in ("spark", "local"):
        result = runner.invoke(app, ["batch", str(DEMO), "--out", str(folder / engine), "--engine", engine,
                                     "--master", "local[2]", "--workers", "2"])
        assert result.exit_code == 0, result.output
    return {"spark": folder / "spark", "local": folder / "local"}
