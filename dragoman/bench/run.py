"""``dragoman bench``: end-to-end throughput against the bare spaCy pipeline on the same texts.

Both runs use the same number of processes. End to end means reading from memory, cleaning,
language check, deduplication, parse, every stage and the DuckDB writes (into a throwaway store).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

from threadpoolctl import threadpool_limits

from dragoman.config import Options
from dragoman.ingest import prepare
from dragoman.records import RawArticle, Skipped


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _family(root: int) -> list[int]:
    """``root`` and every process descended from it (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def family_pss_kb() -> int:
    """Summed proportional set size (PSS: shared pages split between sharers) of this process and its
    workers; 0 where /proc is absent."""
    if not os.path.isdir("/proc"):
        return 0
    return sum(_pss_kb(p) for p in _family(os.getpid()))


class PeakSampler:
    """The highest value of ``measure()`` seen while the block runs: sampled on entry, every
    ``interval`` seconds on a thread, and on exit."""

    def __init__(self, measure: Callable[[], float], interval: float = 0.5) -> None:
        self.measure, self.interval = measure, interval
        self.peak = measure()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.measure())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.measure())


def _peak_mb() -> dict[str, float]:
    """Peak resident memory of this process and of the largest finished child (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main": round(own, 1), "largest_worker": round(child, 1)}


_BARE: tuple[Optional[str], bool] = (None, False)  # (model, tuned) for the forked workers


def _bare_job(chunk: list[str]) -> int:
    from dragoman.nlp import load_nlp

    model, tuned = _BARE
    return sum(len(doc) for doc in load_nlp(model, tuned=tuned).pipe(chunk, batch_size=len(chunk)))


def bare_spacy(
    texts: list[str], workers: int, batch_size: int, model: Optional[str] = None, tuned: bool = False
) -> dict[str, float]:
    """Seconds and tokens for ``nlp.pipe`` alone over ``texts``: the pipeline as shipped, or as dragoman tunes it.

    With several workers the texts go to forked processes in chunks, as the pipeline's own do, and
    only token counts come back: faster than ``nlp.pipe(n_process=N)``, which ships every Doc back
    to the parent, so the ratio is measured against the stronger baseline.
    """
    global _BARE
    from dragoman.nlp import load_nlp

    _BARE = (model, tuned)
    load_nlp(model, tuned=tuned)  # loaded before forking, so workers share it
    chunks = [texts[i : i + batch_size] for i in range(0, len(texts), batch_size)]
    started = time.perf_counter()
    if workers > 1:
        with threadpool_limits(limits=1, user_api="blas"), multiprocessing.get_context("fork").Pool(workers) as pool:
            tokens = sum(pool.imap(_bare_job, chunks))
    else:
        tokens = sum(_bare_job(chunk) for chunk in chunks)
    return {"seconds": time.perf_counter() - started, "tokens": tokens}


def end_to_end(raws: list[RawArticle], options: Options) -> dict[str, Any]:
    """Seconds, article counts and per-stage seconds for the whole pipeline writing to a fresh store."""
    from dragoman import run
    from dragoman.coder import Coder
    from dragoman.store import Store

    coder = Coder(options)
    events = 0

    def count(result: object) -> None:
        nonlocal events
        events += len(getattr(result, "events", ()))

    with tempfile.TemporaryDirectory() as tmp:
        summary = run.ingest(raws, Store(Path(tmp) / "bench.duckdb"), options, coder=coder, on_result=count)
    return {
        "seconds": summary.seconds,
        "articles": summary.stored,
        "skipped": len(summary.skipped),
        "near_duplicates": summary.linked,
        "events": events,
        "stages": {k: round(v, 3) for k, v in summary.timings.items()},
    }


def _end_to_end_with_rss(raws: list[RawArticle], options: Options) -> dict[str, Any]:
    result = end_to_end(raws, options)
    result["peak_rss_mb"] = _peak_mb()  # read in the process that ran the ingest, after its workers ended
    return result


def _run_child(connection: Any, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        with PeakSampler(family_pss_kb) as memory:
            result = function(*args)
        connection.send((True, result, memory.peak))
    except Exception as exc:  # reported to the parent, which raises it
        connection.send((False, f"{type(exc).__name__}: {exc}", 0))
    finally:
        connection.close()


def _isolated(function: Callable[..., Any], *args: Any) -> tuple[Any, int]:
    """``function(*args)`` in a forked process of its own, with the peak PSS of that process and its workers.

    Each run loads only its own pipeline, so no run's memory figure carries another's model.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run_child, args=(sender, function, args))
    child.start()
    sender.close()
    try:
        ok, result, peak_kb = receiver.recv()
    except EOFError as exc:
        raise RuntimeError(f"benchmark run {function.__name__} died (exit code {child.exitcode})") from exc
    finally:
        child.join()
    if not ok:
        raise RuntimeError(f"benchmark run {function.__name__} failed: {result}")
    return result, peak_kb


def bench(
    raws: list[RawArticle], workers: int = 2, batch_size: int = 32, model: Optional[str] = None
) -> dict[str, Any]:
    """The three runs over the same articles; figures as a plain dict for the CLI to print.

    ``bare_spacy`` is the spaCy pipeline as shipped (the target's baseline); ``tuned_spacy`` the same
    pipeline as dragoman loads it, so ``ratio_to_tuned`` is what dragoman's own stages cost.
    """
    options = Options(workers=workers, batch_size=batch_size, model=model)
    texts = [p[1] for p in (prepare(r) for r in raws) if not isinstance(p, Skipped)]
    words = sum(len(t.split()) for t in texts)
    bare, bare_kb = _isolated(bare_spacy, texts, workers, batch_size, model)
    tuned, _ = _isolated(bare_spacy, texts, workers, batch_size, model, True)
    full, full_kb = _isolated(_end_to_end_with_rss, raws, options)
    full_rate = full["articles"] / full["seconds"] if full["seconds"] else 0.0
    bare_rate = len(texts) / bare["seconds"] if bare["seconds"] else 0.0
    tuned_rate = len(texts) / tuned["seconds"] if tuned["seconds"] else 0.0
    return {
        "articles": len(raws),
        "words_per_article": round(words / max(len(texts), 1)),
        "workers": workers,
        "batch_size": batch_size,
        "end_to_end": {
            "seconds": round(full["seconds"], 2),
            "articles_per_s": round(full_rate, 2),
            "tokens_per_s": round(bare["tokens"] / full["seconds"], 1) if full["seconds"] else 0.0,
            "coded": full["articles"],
            "skipped": full["skipped"],
            "near_duplicates": full["near_duplicates"],
            "events": full["events"],
        },
        "bare_spacy": {
            "seconds": round(bare["seconds"], 2),
            "articles_per_s": round(bare_rate, 2),
            "tokens_per_s": round(bare["tokens"] / bare["seconds"], 1) if bare["seconds"] else 0.0,
        },
        "tuned_spacy": {
            "seconds": round(tuned["seconds"], 2),
            "articles_per_s": round(tuned_rate, 2),
            "tokens_per_s": round(tuned["tokens"] / tuned["seconds"], 1) if tuned["seconds"] else 0.0,
        },
        "ratio": round(full_rate / bare_rate, 3) if bare_rate else 0.0,
        "ratio_to_tuned": round(full_rate / tuned_rate, 3) if tuned_rate else 0.0,
        "stage_seconds": full["stages"],
        "peak_memory_mb": {
            **full["peak_rss_mb"],
            "end_to_end_pss_total": round(full_kb / 1024, 1),
            "bare_spacy_pss_total": round(bare_kb / 1024, 1),
        },
    }
