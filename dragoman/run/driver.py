"""The run driver: inputs -> coder (one process or forked workers) -> store, with a Summary.

``code_stream`` codes without storing (``dragoman code``); ``ingest`` codes and stores, linking
copies first (``dragoman ingest``, ``dragoman bench``); ``recode`` codes stored articles again with
the current knowledge (``dragoman recode``). Every surface that runs the coder over many articles
comes through here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Optional, Union

from dragoman.coder import CleanArticle, Cleaned, Coder, Result, Timings
from dragoman.config import Options, default_workers
from dragoman.ingest import read_inputs
from dragoman.ingest.dedup import Deduper
from dragoman.records import ArticleRecord, RawArticle, Skipped
from dragoman.run.link import Linker
from dragoman.run.workers import code_parallel
from dragoman.store import Store

Input = Union[str, Path, RawArticle, Skipped]
OnResult = Callable[[Result], None]


@dataclass
class Summary:
    """What a run did. ``present`` counts inputs already stored; ``linked`` near-copies stored uncoded."""

    stored: int = 0
    present: int = 0
    linked: int = 0
    recoded: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds, summed over workers

    @property
    def processed(self) -> int:
        """Inputs that were stored, found already stored, or coded again."""
        return self.stored + self.present + self.recoded


def raw_articles(inputs: Iterable[Input], options: Options) -> Iterator[Union[RawArticle, Skipped]]:
    """Paths are read (files, folders, globs, ``-``); raw articles and Skipped pass through; lazily."""
    for item in inputs:
        if isinstance(item, (str, Path)):
            yield from read_inputs([str(item)], options.max_article_bytes)
        else:
            yield item


def run_workers(options: Options) -> int:
    """The options' worker count when one was chosen (flag or config file), else every usable core."""
    return options.workers if "workers" in options.model_fields_set else default_workers()


def code_stream(
    coder: Coder,
    inputs: Iterable[Union[RawArticle, Skipped]],
    workers: int = 1,
    linker: Optional[Linker] = None,
    timings: Optional[Timings] = None,
) -> Iterator[Result]:
    """Code raw articles in input order, in one process or ``workers`` forked ones; bad inputs come out Skipped.

    With a ``linker``, exact copies come out Skipped (``duplicate_of`` set) and near-copies uncoded.
    """
    timings = timings if timings is not None else {}
    iterator = iter(inputs)
    if workers > 1:
        yield from code_parallel(
            coder, iterator, workers, timings,
            link=linker.link if linker else None, sketch=linker.signatures if linker else None,
        )
        return
    while True:
        chunk = list(islice(iterator, coder.options.batch_size))
        if not chunk:
            return
        started = time.perf_counter()
        cleaned = coder.clean_many(chunk)
        if linker is not None:
            cleaned = linker.link(cleaned)
        timings["ingest"] = timings.get("ingest", 0.0) + time.perf_counter() - started
        yield from coder.code_cleaned(cleaned, timings)


def ingest(
    inputs: Iterable[Input],
    store: Store,
    options: Optional[Options] = None,
    *,
    coder: Optional[Coder] = None,
    on_result: Optional[OnResult] = None,
) -> Summary:
    """Code ``inputs`` (paths, or raw articles) and store them, idempotently; returns the Summary.

    An article already stored (same normalized text) is counted as present, not stored again; a
    near-copy of a stored or earlier article is stored uncoded, linked to its first copy. Every batch
    is one transaction, so an interrupted run loses nothing already stored and a rerun completes it.
    ``on_result`` sees every result as it comes (a progress bar, skip messages).
    """
    options = options or (coder.options if coder is not None else Options())
    coder = coder or Coder(options)
    summary = Summary()
    timings = summary.timings
    started = time.perf_counter()
    deduper = Deduper(window=options.dedup_window)
    deduper.load(store.signatures(limit=options.dedup_window))
    linker = Linker(store.stored_ids, deduper)
    pending: list[ArticleRecord] = []

    def flush() -> None:
        if pending:
            write_started = time.perf_counter()
            added = store.add(pending, linker.take_signatures([r.article.id for r in pending]), coder.coded_with)
            timings["store"] = timings.get("store", 0.0) + time.perf_counter() - write_started
            summary.stored += added
            summary.present += len(pending) - added
            pending.clear()

    results = code_stream(coder, raw_articles(inputs, options), run_workers(options), linker, timings)
    with store.session():
        for result in results:
            if on_result is not None:
                on_result(result)
            if isinstance(result, Skipped):
                if result.duplicate_of:
                    summary.present += 1
                else:
                    summary.skipped.append(result)
                continue
            pending.append(result)
            summary.linked += result.article.duplicate_of is not None
            if len(pending) >= options.batch_size:
                flush()
        flush()
    summary.seconds = time.perf_counter() - started
    return summary


def recode(
    store: Store,
    options: Optional[Options] = None,
    *,
    coder: Optional[Coder] = None,
    everything: bool = False,
    where: Optional[str] = None,
    on_result: Optional[OnResult] = None,
) -> Summary:
    """Code stored articles again from their stored text with the current knowledge; returns the Summary.

    Only articles whose ``coded_with`` differs from the coder's, unless ``everything``; ``where`` is
    an SQL condition on the ``articles`` table. Each batch replaces its articles' rows in one
    transaction (event ids are stable, so an unchanged event keeps its id), so an interrupted recode
    leaves every article either as it was or fully recoded, and a rerun finishes the rest.
    """
    options = options or (coder.options if coder is not None else Options())
    coder = coder or Coder(options)
    summary = Summary()
    started = time.perf_counter()
    stale = None if everything else coder.coded_with
    todo: Iterator[CleanArticle] = store.articles_to_recode(stale, where)
    results = _code_stored(coder, todo, run_workers(options), summary.timings)
    pending: list[ArticleRecord] = []
    with store.session():
        for result in results:
            if on_result is not None:
                on_result(result)
            if isinstance(result, Skipped):  # not expected from stored text; reported, never dropped silently
                summary.skipped.append(result)
                continue
            pending.append(result)
            if len(pending) >= options.batch_size:
                summary.recoded += store.replace(pending, coder.coded_with)
                pending.clear()
        if pending:
            summary.recoded += store.replace(pending, coder.coded_with)
    summary.seconds = time.perf_counter() - started
    return summary


def _code_stored(coder: Coder, todo: Iterator[CleanArticle], workers: int, timings: Timings) -> Iterator[Result]:
    if workers > 1:
        yield from code_parallel(coder, todo, workers, timings, cleaned=True)
        return
    while True:
        chunk: list[Cleaned] = list(islice(todo, coder.options.batch_size))
        if not chunk:
            return
        yield from coder.code_cleaned(chunk, timings)
