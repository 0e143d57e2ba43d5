"""Forked workers: clean and code chunks in N processes while the parent links copies and stores.

Each chunk travels: clean and sketch (worker) -> link exact and near copies (parent, in input order)
-> parse and stages (worker) -> results in input order. Workers are forked after the coder is
loaded, so they share its memory pages instead of loading it again.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterator
from itertools import chain, islice
from typing import Any, Optional, Union

from threadpoolctl import threadpool_limits

from dragoman.coder import Cleaned, Coder, Result, Timings
from dragoman.records import RawArticle, Skipped

ARTICLES_PER_POOL = 20_000  # inputs coded by one pool of workers before it is replaced
Sketcher = Callable[[list[Cleaned]], dict[str, bytes]]
Linking = Callable[[list[Cleaned], dict[str, bytes]], list[Cleaned]]

# set in each worker by the pool's initializer; with the fork start method the coder is inherited, not pickled
_coder: Optional[Coder] = None
_sketch: Optional[Sketcher] = None


def _start_worker(coder: Coder, sketch: Optional[Sketcher]) -> None:
    global _coder, _sketch
    _coder, _sketch = coder, sketch


def _worker_coder() -> Coder:
    if _coder is None:
        raise RuntimeError("worker started without the parent's coder (fork start method required)")
    return _coder


def _clean_job(chunk: list[Union[RawArticle, Skipped]]) -> tuple[list[Cleaned], dict[str, bytes], float]:
    started = time.perf_counter()
    cleaned = _worker_coder().clean_many(chunk)
    signatures = _sketch(cleaned) if _sketch is not None else {}
    return cleaned, signatures, time.perf_counter() - started


def _code_job(cleaned: list[Cleaned]) -> tuple[list[Result], dict[str, float]]:
    timings: dict[str, float] = {}
    return list(_worker_coder().code_cleaned(cleaned, timings)), timings


def new_pool(workers: int, coder: Coder, sketch: Optional[Sketcher]) -> Any:
    """A pool of forked workers (a function of its own so tests can count pools)."""
    return multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker, initargs=(coder, sketch))


def code_parallel(
    coder: Coder,
    inputs: Iterator[Any],
    workers: int,
    timings: Timings,
    link: Optional[Linking] = None,
    sketch: Optional[Sketcher] = None,
    cleaned: bool = False,
) -> Iterator[Result]:
    """Code ``inputs`` (raw articles, or cleaned ones when ``cleaned``) in ``workers`` processes, in input order.

    A pool codes at most ``ARTICLES_PER_POOL`` inputs, then is replaced by a fresh fork of the parent:
    spaCy's string store and the stages' caches grow with every new word a worker meets, so a run
    of millions of articles would otherwise creep upwards in memory.
    """
    # objects made so far (model, dictionaries) are never collected: the collector would otherwise
    # touch their pages in every worker and turn shared copy-on-write memory into private copies
    gc.freeze()
    try:
        # one BLAS thread per process: the workers already fill the cores, more threads only contend
        with threadpool_limits(limits=1, user_api="blas"):
            while True:
                head = list(islice(inputs, 1))
                if not head:
                    return
                segment = chain(head, islice(inputs, ARTICLES_PER_POOL - 1))
                with new_pool(workers, coder, sketch) as pool:
                    yield from _code_with(pool, segment, workers, coder.options.batch_size, timings, link, cleaned)
    finally:
        gc.unfreeze()


def _code_with(
    pool: Any,
    inputs: Iterator[Any],
    workers: int,
    size: int,
    timings: Timings,
    link: Optional[Linking],
    cleaned: bool,
) -> Iterator[Result]:
    # chunks in flight: deep enough that workers never wait while the parent writes a batch to the
    # store, shallow enough to bound memory (each chunk is batch_size articles and their records)
    window = 4 * workers
    cleaning: deque = deque()
    coding: deque = deque()
    exhausted = False
    while True:
        while not exhausted and len(cleaning) + len(coding) < window:
            chunk = list(islice(inputs, size))
            if not chunk:
                exhausted = True
                break
            if cleaned:
                coding.append(pool.apply_async(_code_job, (chunk,)))
            else:
                cleaning.append(pool.apply_async(_clean_job, (chunk,)))
        if cleaning:
            items, signatures, seconds = cleaning.popleft().get()
            timings["ingest"] = timings.get("ingest", 0.0) + seconds
            if link is not None:
                started = time.perf_counter()
                items = link(items, signatures)
                timings["dedup"] = timings.get("dedup", 0.0) + time.perf_counter() - started
            coding.append(pool.apply_async(_code_job, (items,)))
        if coding and (len(coding) >= 2 * workers or coding[0].ready() or (exhausted and not cleaning)):
            results, stage_seconds = coding.popleft().get()
            for stage, seconds in stage_seconds.items():
                timings[stage] = timings.get(stage, 0.0) + seconds
            yield from results
        if exhausted and not cleaning and not coding:
            return
