"""Near-duplicates across a whole batch: MinHash bands joined in Spark, the first copy chosen in input order.

The rule is the local run's (``ingest/dedup.py``, ``run/link.py``): articles are taken in input
order; one whose sketch matches an earlier *first copy* (estimated Jaccard >= the threshold, best
match wins) is linked to it and not coded; any other becomes a first copy itself. Spark finds the
candidate pairs (same LSH bands as datasketch's index, so the same candidates) and scores them on
the executors; only pairs above the threshold come to the driver, where the rule is applied in
input order. Unlike a local run, a batch has no window: every earlier first copy counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from datasketch import MinHashLSH

from dragoman.ingest.dedup import NUM_PERM, THRESHOLD, Deduper

Pair = tuple[str, int, str, int, float]  # first id, its seq, later id, its seq, similarity


def band_shape(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) as datasketch's index chooses them for this threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def hash_bytes() -> int:
    """Bytes per hash value in a stored signature (4 with the affine32 scheme)."""
    return int(Deduper()._proto.hashvalues.dtype.itemsize)


def resolve_links(pairs: Iterable[Pair]) -> dict[str, str]:
    """later id -> first copy id, applying the first-copy rule in input order over the scored pairs."""
    earlier: dict[str, list[tuple[float, int, str]]] = {}
    order: dict[str, int] = {}
    for first_id, first_seq, later_id, later_seq, score in pairs:
        earlier.setdefault(later_id, []).append((score, first_seq, first_id))
        order[later_id] = later_seq
    links: dict[str, str] = {}
    for later_id in sorted(earlier, key=order.__getitem__):
        candidates = [(-score, seq, first_id) for score, seq, first_id in earlier[later_id] if first_id not in links]
        if candidates:
            links[later_id] = min(candidates)[2]  # best score; on a tie the earliest copy
    return links


def candidate_pairs(firsts: Any, threshold: float = THRESHOLD) -> Any:
    """Scored pairs (first_id, first_seq, later_id, later_seq, score) of ``firsts`` (id, seq, minhash)
    that share an LSH band and reach ``threshold``: a Spark DataFrame."""
    from pyspark.sql import functions as F
    from pyspark.sql.functions import pandas_udf

    from dragoman.batch.udfs import minhash_similarity

    bands, rows = band_shape(threshold)
    width = rows * hash_bytes()
    keyed = firsts.select(
        "id", "seq", "minhash",
        F.posexplode(F.array(*[F.substring("minhash", band * width + 1, width) for band in range(bands)])),
    ).withColumnRenamed("pos", "band").withColumnRenamed("col", "key")
    a, b = keyed.alias("a"), keyed.alias("b")
    joined = a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.key") == F.col("b.key"))
                    & (F.col("a.seq") < F.col("b.seq")))
    pairs = joined.select(
        F.col("a.id").alias("first_id"), F.col("a.seq").alias("first_seq"), F.col("a.minhash").alias("first_sig"),
        F.col("b.id").alias("later_id"), F.col("b.seq").alias("later_seq"), F.col("b.minhash").alias("later_sig"),
    ).dropDuplicates(["first_id", "later_id"])
    similarity = pandas_udf(minhash_similarity, "double")
    scored = pairs.withColumn("score", similarity("first_sig", "later_sig"))
    return scored.where(F.col("score") >= threshold).select("first_id", "first_seq", "later_id", "later_seq", "score")
