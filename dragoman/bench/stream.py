"""``dragoman bench stream``: a JSON Lines file of any size is read in flat memory.

Writes a JSON Lines file of the requested size into a temporary folder (deleted after): wire-style
articles recombined from demo/ by ``corpus.generate``, repeated with fresh ids, and a bad line every
``BAD_EVERY`` lines. Then two passes through ``read_inputs``: reading alone over the whole file, and
reading plus ``prepare`` (the cleaning step) over a prefix, since cleaning runs at a few MB/s where
reading runs at a hundred. Each pass samples this process's resident memory (RSS) at 10%, 50% and
100% of its lines and every 0.1 s in between: flat figures mean memory does not grow with the file.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from dragoman.bench.corpus import DEMO, generate, seed_articles
from dragoman.bench.run import PeakSampler
from dragoman.config import MAX_ARTICLE_BYTES
from dragoman.errors import InputError
from dragoman.ingest import prepare, read_inputs
from dragoman.records import RawArticle, Skipped

BAD_EVERY = 1000
# one of each problem a real dump has: cut short, a Latin-1 byte, not an object, no text field
BAD_LINES = (
    b'{"id": "cut", "text": "Police in the capital said',
    b'{"id": "latin", "text": "Caf\xe9 owners protest new tax"}',
    b'["not", "an", "article"]',
    b'{"id": "headline-only", "title": "Ministers meet in Brussels"}',
)
CHECKPOINTS = (0.1, 0.5, 1.0)
SEED_ARTICLES = 500  # distinct generated articles; the file repeats them with new ids


def rss_mb() -> float:
    """This process's resident memory now (Linux /proc), else its peak so far (getrusage)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class WrittenCorpus:
    path: Path
    bytes: int
    lines: int
    bad_lines: int
    prefix_bytes: int = 0  # the first prefix_lines lines, at least the requested prefix size
    prefix_lines: int = 0


def _article_lines(articles: Sequence[RawArticle]) -> list[bytes]:
    """Each article as the tail of a JSON object, so a line is an id then the tail: no dumps per line."""
    tails = []
    for article in articles:
        body = json.dumps({"title": article.title, "source": "Meridian News", "text": article.text})
        tails.append((", " + body[1:] + "\n").encode("utf-8"))
    return tails


def write_corpus(path: Path, target_bytes: int, prefix_bytes: int, articles: Sequence[RawArticle]) -> WrittenCorpus:
    """Write at least ``target_bytes`` of JSON Lines to ``path``; note where the prefix ends."""
    tails = _article_lines(articles)
    corpus = WrittenCorpus(path=path, bytes=0, lines=0, bad_lines=0)
    with path.open("wb", buffering=1 << 20) as out:
        while corpus.bytes < target_bytes:
            corpus.lines += 1
            if corpus.lines % BAD_EVERY == 0:
                line = BAD_LINES[corpus.bad_lines % len(BAD_LINES)] + b"\n"
                corpus.bad_lines += 1
            else:
                line = b'{"id": "bench-%d"' % corpus.lines + tails[corpus.lines % len(tails)]
            out.write(line)
            corpus.bytes += len(line)
            if not corpus.prefix_lines and corpus.bytes >= prefix_bytes:
                corpus.prefix_lines, corpus.prefix_bytes = corpus.lines, corpus.bytes
    if not corpus.prefix_lines:  # the prefix asked for is the whole file or more
        corpus.prefix_lines, corpus.prefix_bytes = corpus.lines, corpus.bytes
    return corpus


def _checkpoints(lines: int) -> dict[int, str]:
    return {max(1, int(lines * share)): f"{share:.0%}" for share in CHECKPOINTS}


def read_pass(path: Path, lines: int, size: int, with_prepare: bool) -> dict[str, Any]:
    """Read the first ``lines`` lines (``size`` bytes) through read_inputs, and prepare when asked."""
    checkpoints = _checkpoints(lines)
    samples: dict[str, float] = {}
    records = skipped = not_prepared = 0
    started = time.perf_counter()
    with PeakSampler(rss_mb, interval=0.1) as sampler:
        for result in read_inputs([str(path)], MAX_ARTICLE_BYTES):
            records += 1
            if isinstance(result, Skipped):
                skipped += 1
            elif with_prepare and isinstance(prepare(result), Skipped):
                not_prepared += 1
            if records in checkpoints:
                samples[checkpoints[records]] = round(rss_mb(), 1)
            if records >= lines:
                break
    seconds = time.perf_counter() - started
    return {
        "bytes": size,
        "records": records,
        "skipped": skipped,
        **({"skipped_by_prepare": not_prepared} if with_prepare else {}),
        "seconds": round(seconds, 2),
        "mb_per_s": round(size / seconds / 1e6, 1),
        "rss_mb": {**samples, "max": round(sampler.peak, 1)},
    }


def bench_stream(gigabytes: float = 2.0, prepare_megabytes: float = 100.0, folder: Optional[Path] = None) -> dict:
    """Generate, read and prepare a JSON Lines file of ``gigabytes``; the figures of both passes."""
    seeds = seed_articles([str(DEMO)])
    if not seeds:
        raise InputError(f"no readable articles in {DEMO} to build the benchmark file from")
    articles = generate(seeds, n=SEED_ARTICLES, words=600)
    rss_before = round(rss_mb(), 1)
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-stream-", dir=folder) as tmp:
        started = time.perf_counter()
        corpus = write_corpus(
            Path(tmp) / "articles.jsonl", int(gigabytes * 1e9), int(prepare_megabytes * 1e6), articles
        )
        write_seconds = time.perf_counter() - started
        read = read_pass(corpus.path, corpus.lines, corpus.bytes, with_prepare=False)
        prepared = read_pass(corpus.path, corpus.prefix_lines, corpus.prefix_bytes, with_prepare=True)
    return {
        "file": {
            "bytes": corpus.bytes,
            "lines": corpus.lines,
            "bad_lines": corpus.bad_lines,
            "write_seconds": round(write_seconds, 1),
        },
        "rss_mb_before_reading": rss_before,
        "read": read,
        "read_and_prepare": prepared,
        "max_article_bytes": MAX_ARTICLE_BYTES,
        "peak_rss_mb_process": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
