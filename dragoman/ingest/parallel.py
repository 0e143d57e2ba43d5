"""``--workers N``: clean and code chunks in N forked processes; the caller (the store writer) stays single.

Each chunk travels: prepare and sketch for near-duplicates (worker) -> link exact and near copies
(parent, in input order, so a first copy is always seen before its copies) -> parse and stages
(worker) -> results in input order.
Workers are forked after the model is loaded, so they share its memory pages instead of loading it again.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections import deque
from collections.abc import Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Optional

from threadpoolctl import threadpool_limits

if TYPE_CHECKING:
    from dragoman.pipeline import Pipeline, Prepared, Result, StoredCheck

_PIPELINE: Optional[Pipeline] = None  # the parent's pipeline, inherited by every forked worker
ARTICLES_PER_POOL = 20_000  # inputs coded by one pool of workers before it is replaced


def _worker() -> Pipeline:
    if _PIPELINE is None:
        raise RuntimeError("worker started without the parent's pipeline (fork start method required)")
    return _PIPELINE


def _prepare_job(chunk: list[Any]) -> tuple[list[Prepared], dict[str, bytes], float]:
    started = time.perf_counter()
    pipeline = _worker()
    prepared = pipeline.prepare_chunk(chunk)
    return prepared, pipeline.signatures(prepared), time.perf_counter() - started


def _code_job(prepared: list[Prepared]) -> tuple[list[Result], dict[str, float]]:
    pipeline = _worker()
    pipeline.timings.clear()
    results = list(pipeline.parse_and_code(prepared))
    return results, dict(pipeline.timings)


def code_parallel(
    pipeline: Pipeline, inputs: Iterator[Any], is_stored: Optional[StoredCheck]
) -> Iterator[Result]:
    """Like ``Pipeline.code`` with ``options.workers`` processes; results in input order.

    A pool of workers codes at most ``ARTICLES_PER_POOL`` inputs, then is replaced by a fresh fork of
    the parent: spaCy's string store and the stages' caches grow with every new word a worker meets,
    so a run of millions of articles would otherwise creep upwards in memory.
    """
    global _PIPELINE
    _PIPELINE = pipeline
    inputs = iter(inputs)
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
                with new_pool(pipeline.options.workers) as pool:
                    yield from _code_with(pool, pipeline, segment, is_stored)
    finally:
        gc.unfreeze()


def new_pool(workers: int) -> Any:
    """A pool of forked workers (a function of its own so tests can count pools)."""
    return multiprocessing.get_context("fork").Pool(workers)


def _code_with(
    pool: Any, pipeline: Pipeline, inputs: Iterator[Any], is_stored: Optional[StoredCheck]
) -> Iterator[Result]:
    workers, size = pipeline.options.workers, pipeline.options.batch_size
    # chunks in flight: deep enough that workers never wait while the parent writes a batch to the
    # store, shallow enough to bound memory (each chunk is batch_size articles and their records)
    window = 4 * workers
    preparing: deque = deque()
    coding: deque = deque()
    exhausted = False
    while True:
        while not exhausted and len(preparing) + len(coding) < window:
            chunk = list(islice(inputs, size))
            if not chunk:
                exhausted = True
                break
            preparing.append(pool.apply_async(_prepare_job, (chunk,)))
        if preparing:
            prepared, signatures, seconds = preparing.popleft().get()
            pipeline.timings["ingest"] += seconds
            started = time.perf_counter()
            linked = pipeline.link(prepared, is_stored, signatures)
            pipeline.timings["dedup"] += time.perf_counter() - started
            coding.append(pool.apply_async(_code_job, (linked,)))
        if coding and (len(coding) >= 2 * workers or coding[0].ready() or (exhausted and not preparing)):
            results, timings = coding.popleft().get()
            for stage, seconds in timings.items():
                pipeline.timings[stage] += seconds
            yield from results
        if exhausted and not preparing and not coding:
            return
