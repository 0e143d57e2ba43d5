"""Export memory: ``python -m dragoman.bench.export --db SEED.duckdb --copies 2500``.

Makes a large store by storing the seed store's articles many times over under fresh ids (events,
actors and quotes with them), then exports it in each event format at two sizes (a quarter of the
copies, then all) while sampling this process's resident memory (DuckDB runs in-process, so its
memory counts too). Peak memory that stays flat while the store grows four times is what
"bounded memory" means. The store is written to a temporary folder and deleted after.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

from dragoman.bench.run import PeakSampler
from dragoman.bench.stream import rss_mb
from dragoman.export import EVENT_FORMATS, export_events
from dragoman.records import ArticleRecord
from dragoman.store import ArticleFilter, Store

BATCH = 200  # articles stored per transaction


def _copy(record: ArticleRecord, k: int) -> ArticleRecord:
    """Copy ``k`` of an article: a fresh id, and event dates moved back ``k`` years, so that copies are
    distinct events (as a real store's mostly are) rather than ever larger merged groups."""
    new_id = hashlib.sha256(f"{record.article.id}:{k}".encode()).hexdigest()
    events = [dataclasses.replace(e, id=new_id[:16] + e.id[16:], date=_years_back(e.date, k)) for e in record.events]
    return dataclasses.replace(record, article=dataclasses.replace(record.article, id=new_id), events=events)


def _years_back(date: Optional[str], years: int) -> Optional[str]:
    if not date or not date[:4].isdigit():
        return date
    year = int(date[:4]) - years % 1500
    return f"{year:04d}{date[4:]}".replace("-02-29", "-02-28")


def grow(seed: Store, target: Store, first: int, copies: int) -> int:
    """Store copies ``first``..``copies - 1`` of every seed article in ``target``; returns events stored."""
    ids, cursor = [], None
    while True:
        page = seed.articles(ArticleFilter(duplicates=False), limit=1000, after=cursor)
        ids.extend(row["id"] for row in page.rows)
        if page.next is None:
            break
        cursor = page.next
    records = [r for r in (seed.article(i) for i in ids) if r is not None]
    batch: list[ArticleRecord] = []
    events = 0
    with target.session():
        for k in range(first, copies):
            for record in records:
                batch.append(_copy(record, k))
                events += len(record.events)
                if len(batch) >= BATCH:
                    target.add(batch, coded_with="bench")
                    batch = []
        target.add(batch, coded_with="bench")
    return events


def bench_export(seed_db: str, copies: int) -> dict[str, Any]:
    seed = Store(seed_db, read_only=True)
    result: dict[str, Any] = {"seed": seed_db, "copies": copies, "runs": []}
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-export-") as tmp:
        store = Store(Path(tmp) / "big.duckdb")
        done = 0
        for size in (max(1, copies // 4), copies):
            started = time.perf_counter()
            grow(seed, store, done, size)
            done = size
            build_s = round(time.perf_counter() - started, 1)
            events = store.counts()["events"]
            for fmt in EVENT_FORMATS:
                out = Path(tmp) / f"{fmt}-{size}"
                before = rss_mb()
                started = time.perf_counter()
                with PeakSampler(rss_mb, interval=0.05) as peak:
                    exported = export_events(Store(store.path, read_only=True), fmt, out)
                seconds = time.perf_counter() - started
                result["runs"].append({
                    "copies": size, "events": events, "store_build_s": build_s, "format": fmt,
                    "seconds": round(seconds, 1), "events_per_s": round(exported.events / seconds),
                    "rss_before_mb": round(before), "rss_peak_mb": round(peak.peak),
                    "output_mb": round(sum(p.stat().st_size for p in exported.paths) / 1e6, 1),
                })
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="seed store (e.g. the demo store of `make demo`)")
    parser.add_argument("--copies", type=int, default=2500, help="times each seed article is stored")
    args = parser.parse_args()
    print(json.dumps(bench_export(args.db, args.copies), indent=2))


if __name__ == "__main__":
    main()
