"""The batch job on Apache Spark: the same coder over many articles, on ``local[N]`` or a cluster.

    input files --mapInPandas--> read, clean (trafilatura), language filter, MinHash
      --> exact copies: the first in input order wins (a window over the article id)
      --> near copies: LSH bands joined, pairs scored, the first-copy rule applied (neardup.py)
      --mapInPandas--> coded: one row per article with its rows of every table (the coder is
          loaded once per Python worker, see udfs.py) -> staged as Parquet, so a retried task
          never doubles or loses rows (Spark commits each task's files once)
      --> the store's tables, events merged across articles as a Spark aggregation, the manifest.

Paths are listed on the driver and read by the executors with dragoman's own readers, so on a
cluster they must be visible to both (a shared file system, or object storage mounted as one).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any, Optional

from dragoman.batch import udfs
from dragoman.batch.groups import TAKEN
from dragoman.batch.manifest import Manifest, prepare_out
from dragoman.batch.neardup import candidate_pairs, resolve_links
from dragoman.batch.session import spark_session
from dragoman.batch.tables import CODED_TABLES, EVENT_GROUPS, GROUP_COLUMNS, PARTITION_OF, SIGNATURES, spark_struct
from dragoman.config import Options
from dragoman.ingest.readers import iter_paths
from dragoman.records import Skipped

CLEANED_SCHEMA = (
    "seq long, origin string, reason string, id string, title string, url string, source string, byline string, "
    "published string, published_from string, dateline string, language string, external_id string, "
    "text string, minhash binary"
)
CodeFunction = Callable[[Iterator[Any]], Iterator[Any]]
STAGING = "_staging"


def coded_schema() -> Any:
    """One row per coded article: its articles columns, its input order, and an array per coded table."""
    from pyspark.sql import types as T

    return T.StructType([
        *spark_struct("articles").fields,
        T.StructField("seq", T.LongType()),
        *(T.StructField(table, T.ArrayType(spark_struct(table))) for table in CODED_TABLES),
    ])


def list_files(inputs: Sequence[str]) -> tuple[list[str], list[tuple[int, Skipped]]]:
    """Every file under ``inputs`` (folders recursively, globs expanded), in order, and the inputs that
    could not be listed, each with the number of files listed before it (its place in input order)."""
    files: list[str] = []
    unlisted: list[tuple[int, Skipped]] = []
    for item in iter_paths(inputs):
        if isinstance(item, Skipped):
            unlisted.append((len(files), item))
        elif str(item) == "-":
            unlisted.append((len(files), Skipped("-", "a batch job cannot read stdin; give files")))
        else:
            files.append(str(item))
    return files, unlisted


def run_spark(
    inputs: Sequence[str],
    out: Path,
    options: Optional[Options] = None,
    *,
    spark: Any = None,
    master: Optional[str] = None,
    partitions: Optional[int] = None,
    code_function: Optional[CodeFunction] = None,
) -> Manifest:
    """Code ``inputs`` into a batch output at ``out`` on Spark; returns the manifest written.

    ``code_function`` replaces the coding step's function (tests wrap it to count loads or fail a task).
    """
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    options = options or Options()
    started = time.perf_counter()
    prepare_out(out)
    spark = spark or spark_session(master)
    # coding is slow per row and small in bytes: adaptive execution would merge the partitions into one
    spark.conf.set("spark.sql.adaptive.coalescePartitions.enabled", "false")
    manifest = Manifest(engine="spark", inputs=[str(i) for i in inputs])
    files, unlisted = list_files(inputs)
    parts = partitions or spark.sparkContext.defaultParallelism
    options_json = options.model_dump_json()

    listed = spark.createDataFrame(list(enumerate(files)), "file_no long, path string")
    listed = listed.repartition(max(1, min(len(files), parts)), "file_no")
    cleaned = listed.mapInPandas(partial(udfs.read_files, options_json), CLEANED_SCHEMA)
    cleaned = cleaned.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        unread = cleaned.where(F.col("reason").isNotNull()).select("seq", "origin", "reason").collect()
        skipped = [((n, -1), item) for n, item in unlisted]
        skipped += [((r["seq"] >> udfs.SEQ_SHIFT, r["seq"]), Skipped(r["origin"], r["reason"])) for r in unread]
        for _, item in sorted(skipped, key=lambda pair: pair[0]):
            manifest.skip(item)
        readable = cleaned.where(F.col("reason").isNull()).drop("reason")
        firsts = (readable.withColumn("copy", F.row_number().over(Window.partitionBy("id").orderBy("seq")))
                  .where(F.col("copy") == 1).drop("copy"))
        manifest.articles_read = readable.count()
        manifest.exact_duplicates = manifest.articles_read - firsts.count()

        pairs = candidate_pairs(firsts.select("id", "seq", "minhash")).collect()
        links = resolve_links((r["first_id"], r["first_seq"], r["later_id"], r["later_seq"], r["score"]) for r in pairs)
        manifest.near_duplicates = len(links)
        linked = spark.createDataFrame(sorted(links.items()), "id string, duplicate_of string")

        to_code = firsts.join(F.broadcast(linked), "id", "left").repartition(parts, "id").sortWithinPartitions("seq")
        code = code_function or partial(udfs.code_articles, options_json)
        staging = out / STAGING
        to_code.drop("minhash").mapInPandas(code, coded_schema()).write.mode("overwrite").parquet(str(staging))
        signatures = firsts.join(F.broadcast(linked), "id", "left_anti").select(
            F.col("id").alias("article_id"), "minhash")
        manifest.counts[SIGNATURES] = _write(signatures, out, SIGNATURES)
    finally:
        cleaned.unpersist()

    coded = spark.read.parquet(str(staging))
    articles = coded.select(*spark_struct("articles").fieldNames())
    manifest.counts["articles"] = _write(articles, out, "articles")
    for table in CODED_TABLES:
        manifest.counts[table] = _write(coded.select(F.explode(table).alias("row")).select("row.*"), out, table)
    events = coded.select(F.explode("events").alias("row")).select("row.*")
    manifest.counts[EVENT_GROUPS] = _write(event_groups(events, articles), out, EVENT_GROUPS)
    first = articles.select("coded_with").where(F.col("coded_with").isNotNull()).first()
    manifest.coded_with = first["coded_with"] if first else None
    shutil.rmtree(staging, ignore_errors=True)
    manifest.seconds = round(time.perf_counter() - started, 2)
    manifest.write(out)
    return manifest


def _write(frame: Any, out: Path, table: str) -> int:
    """Write one table (partitioned by month for articles and events); its row count."""
    from pyspark.sql import functions as F

    writer_frame = frame
    if table in PARTITION_OF:
        column, source = PARTITION_OF[table]
        writer_frame = frame.withColumn(column, F.date_format(source, "yyyy-MM"))
    writer = writer_frame.write.mode("overwrite")
    if table in PARTITION_OF:
        writer = writer.partitionBy(PARTITION_OF[table][0])
    writer.parquet(str(out / table))
    return int(frame.count())


def event_groups(events: Any, articles: Any) -> Any:
    """Events merged across articles (the store's ``event_groups`` view) as a Spark aggregation."""
    from pyspark.sql import functions as F

    articles = articles.select(
        F.col("id").alias("article_id"), F.coalesce("source", "id").alias("source_key"),
        F.col("published").alias("article_published"))
    group_id = F.md5(F.concat_ws(
        "|", F.coalesce(F.col("date").cast("string"), F.lit("")), F.coalesce("source_code", F.lit("")),
        F.coalesce("target_code", F.lit("")), F.col("cameo")))
    merged = events.join(articles, "article_id").withColumn("group_id", group_id).groupBy(
        "group_id", "date", "source_code", "target_code", "cameo").agg(
        *(F.min(name).alias(name) for name in TAKEN),
        F.sum("mentions").cast("long").alias("num_mentions"),
        F.countDistinct("article_id").alias("num_articles"),
        F.countDistinct("source_key").alias("num_sources"),
        F.min("id").alias("first_event_id"),
        F.min("article_published").alias("first_published"),
    )
    return merged.select(*(name for name, _ in GROUP_COLUMNS))
