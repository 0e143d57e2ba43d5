"""What runs inside Spark's Python workers: read and clean files, code articles, compare sketches.

Spark pickles these functions by reference, so the workers import this module and keep its globals
between tasks (``spark.python.worker.reuse``, on by default): the coder is loaded lazily, once per
Python worker, on the first batch that needs it, and never on the driver.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

import pandas as pd

from dragoman.batch.tables import CODED_TABLES, typed_row
from dragoman.coder import Coder
from dragoman.config import Options
from dragoman.ingest.dedup import Deduper
from dragoman.ingest.prepare import prepare_with
from dragoman.ingest.readers import read_path
from dragoman.records import ArticleMeta, ArticleRecord, Skipped
from dragoman.store.rows import record_rows

log = logging.getLogger(__name__)

# the columns of a cleaned article between the read and code steps (see spark_job.CLEANED_SCHEMA)
META_FIELDS = ("id", "title", "url", "source", "byline", "published", "published_from", "dateline", "language",
               "external_id", "origin")
RECORDS_PER_FRAME = 256  # rows per pandas frame the read step hands back to Spark
SEQ_SHIFT = 32  # seq = file number << 32 | record number: the input order, which decides first copies

_coders: dict[str, Coder] = {}
_deduper: Optional[Deduper] = None
loads = 0  # coders loaded by this process: one per worker and set of options


def worker_coder(options_json: str) -> Coder:
    """This worker's coder for these options, loaded on first use and kept for the worker's life."""
    global loads
    coder = _coders.get(options_json)
    if coder is None:
        coder = _coders[options_json] = Coder(Options.model_validate_json(options_json))
        loads += 1
        log.info("coder loaded in Python worker %d", os.getpid())
    return coder


def _sketcher() -> Deduper:
    global _deduper
    if _deduper is None:
        _deduper = Deduper()
    return _deduper


# -- read and clean --------------------------------------------------------------------------------

def read_files(options_json: str, frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """(file_no, path) rows -> one row per article read: cleaned text, metadata and MinHash, or the skip reason."""
    options = Options.model_validate_json(options_json)
    rows: list[dict[str, Any]] = []
    for frame in frames:
        for file_no, path in zip(frame["file_no"], frame["path"], strict=True):
            for rec_no, raw in enumerate(read_path(Path(path), options.max_article_bytes)):
                rows.append(_cleaned_row((int(file_no) << SEQ_SHIFT) | rec_no, raw, options))
                if len(rows) >= RECORDS_PER_FRAME:
                    yield pd.DataFrame(rows, dtype=object)
                    rows = []
    if rows:
        yield pd.DataFrame(rows, dtype=object)


def _cleaned_row(seq: int, raw: Any, options: Options) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys((*META_FIELDS, "text", "minhash"))
    row["seq"] = seq
    cleaned = raw if isinstance(raw, Skipped) else prepare_with(raw, options)
    if isinstance(cleaned, Skipped):
        row.update(origin=cleaned.origin, reason=cleaned.reason)
        return row
    meta, text = cleaned
    row.update({name: getattr(meta, name) for name in META_FIELDS}, reason=None, text=text,
               minhash=_sketcher().signature(text))
    return row


# -- code ------------------------------------------------------------------------------------------

def code_articles(options_json: str, frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Cleaned articles (with ``duplicate_of`` decided) -> one row per article: its articles row and,
    in array columns, its rows of every coded table."""
    coder = None
    for frame in frames:
        if coder is None:
            coder = worker_coder(options_json)
        items = []
        for row in frame.to_dict("records"):
            meta = ArticleMeta(**{name: _none(row[name]) for name in META_FIELDS})
            meta.duplicate_of = _none(row["duplicate_of"])
            items.append((meta, row["text"]))
        records = list(coder.code_cleaned(items))
        yield coded_frame(list(frame["seq"]), records, coder.coded_with)  # type: ignore[arg-type]


def coded_frame(seqs: list[int], records: list[ArticleRecord], coded_with: str) -> pd.DataFrame:
    rows = []
    for seq, record in zip(seqs, records, strict=True):
        tables = record_rows(record, coded_with)
        row = typed_row("articles", tables["articles"][0])
        row["seq"] = int(seq)
        for table in CODED_TABLES:
            row[table] = [typed_row(table, item) for item in tables[table]]
        rows.append(row)
    return pd.DataFrame(rows, dtype=object)


def _none(value: Any) -> Any:
    """pandas hands missing strings back as None or NaN; the records want None."""
    return None if value is None or (isinstance(value, float) and value != value) else value


# -- near-duplicates --------------------------------------------------------------------------------

def minhash_similarity(first: pd.Series, later: pd.Series) -> pd.Series:
    """Estimated Jaccard similarity of two MinHash signatures (as datasketch's ``MinHash.jaccard``)."""
    import numpy as np

    dtype = _sketcher()._proto.hashvalues.dtype
    scores = []
    for a, b in zip(first, later, strict=True):
        values_a, values_b = np.frombuffer(a, dtype=dtype), np.frombuffer(b, dtype=dtype)
        scores.append(float(np.count_nonzero(values_a == values_b)) / len(values_a))
    return pd.Series(scores)
