"""The batch job without Spark: the run driver's forked workers, the same output as the Spark engine.

read -> clean -> language filter -> copies linked (exact and near, first copy wins) -> code ->
rows of every table -> Parquet, events merged across articles, manifest. Everything but the writing
is ``dragoman.run``'s, as ``dragoman ingest`` runs it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

from dragoman.batch.groups import EventGroups
from dragoman.batch.local_out import TableWriter
from dragoman.batch.manifest import Manifest, prepare_out
from dragoman.batch.tables import CODED_TABLES, EVENT_GROUPS, SIGNATURES, typed_row
from dragoman.coder import Coder
from dragoman.config import Options
from dragoman.ingest.dedup import Deduper
from dragoman.records import ArticleRecord, Skipped
from dragoman.run import Linker, code_stream, raw_articles, run_workers
from dragoman.store.rows import record_rows

FLUSH_EVERY = 512  # records whose near-duplicate signatures are taken at once


def run_local(
    inputs: Sequence[str], out: Path, options: Optional[Options] = None, coder: Optional[Coder] = None
) -> Manifest:
    """Code ``inputs`` into a batch output at ``out`` with forked workers; returns the manifest written."""
    options = options or (coder.options if coder is not None else Options())
    started = time.perf_counter()
    prepare_out(out)
    coder = coder or Coder(options)
    manifest = Manifest(engine="local", inputs=[str(i) for i in inputs], coded_with=coder.coded_with)
    # nothing is stored yet, and a batch has no window: every first copy of the run is kept for linking
    linker = Linker(lambda _ids: set(), Deduper(window=10**9), remember=10**12)
    writers = {t: TableWriter(out, t) for t in ("articles", *CODED_TABLES, SIGNATURES)}
    groups = EventGroups()
    pending: list[str] = []

    def take_signatures() -> None:
        signatures = linker.take_signatures(pending)
        writers[SIGNATURES].add([{"article_id": a, "minhash": signatures[a]} for a in pending if a in signatures])
        pending.clear()

    for result in code_stream(coder, raw_articles(inputs, options), run_workers(options), linker):
        if isinstance(result, Skipped):
            if result.duplicate_of:
                manifest.articles_read += 1
                manifest.exact_duplicates += 1
            else:
                manifest.skip(result)
            continue
        manifest.articles_read += 1
        manifest.near_duplicates += result.article.duplicate_of is not None
        _write_record(result, coder.coded_with, writers, groups)
        pending.append(result.article.id)
        if len(pending) >= FLUSH_EVERY:
            take_signatures()
    take_signatures()
    group_writer = TableWriter(out, EVENT_GROUPS)
    group_writer.add(groups.rows())
    for writer in (*writers.values(), group_writer):
        writer.flush()
        manifest.counts[writer.table] = writer.count
    manifest.seconds = round(time.perf_counter() - started, 2)
    manifest.write(out)
    return manifest


def _write_record(record: ArticleRecord, coded_with: str, writers: dict[str, TableWriter], groups: EventGroups) -> None:
    tables = record_rows(record, coded_with)
    article = typed_row("articles", tables["articles"][0])
    writers["articles"].add([article])
    typed = {t: [typed_row(t, row) for row in tables[t]] for t in CODED_TABLES}
    for table in CODED_TABLES:
        writers[table].add(typed[table])
    groups.add(article, typed["events"])
