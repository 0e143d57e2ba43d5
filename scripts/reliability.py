"""Full-size reliability run (issue 7): a 2,000-article mixed batch with ~5% bad inputs.

1. A clean ingest completes, stores every good article exactly once and names every skip with its reason.
2. An ingest killed with SIGKILL at a random moment, then rerun, ends with the same table counts.

Usage: .venv/bin/python scripts/reliability.py [--articles 2000] [--workers 2] [--seed 11] [--keep DIR]
Exit status 0 when both hold, 1 otherwise. The suite runs the same checks at small size
(tests/reliability, tests/store).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dragoman.bench.corpus import DEMO, generate, seed_articles  # noqa: E402
from dragoman.bench.mixed import write_mixed_batch  # noqa: E402
from dragoman.store import Store  # noqa: E402


def ingest(folder: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "dragoman", "ingest", str(folder), "--db", str(db), "--quiet", "--workers", str(workers)]


def counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="dragoman-reliability-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, COLUMNS="400")
    failures: list[str] = []
    try:
        batch = write_mixed_batch(work / "in", generate(seed_articles([str(DEMO)]), n=args.articles, seed=args.seed))
        print(f"batch: {batch.good} good articles, {len(batch.bad)} bad inputs, {batch.copies} exact copies in {batch.folder}")

        clean = work / "clean.duckdb"
        started = time.perf_counter()
        run = subprocess.run(ingest(batch.folder, clean, args.workers), check=False, capture_output=True, text=True, env=env)
        print(f"clean run: exit {run.returncode} in {time.perf_counter() - started:.0f}s; {next((x for x in run.stderr.splitlines() if ' stored' in x), run.stderr[-300:])}")
        if run.returncode != 0:
            failures.append(f"clean run failed: {run.stderr[-2000:]}")
        skips = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
        for name, reason in batch.bad.items():
            if not any(name in line and reason in line for line in skips):
                failures.append(f"{name}: no skip line containing {reason!r}")
        if len(skips) != len(batch.bad):
            failures.append(f"{len(skips)} skip lines for {len(batch.bad)} bad inputs")
        clean_counts = counts(clean)
        if clean_counts["articles"] != batch.good:
            failures.append(f"{clean_counts['articles']} articles stored, expected {batch.good}")

        killed = work / "killed.duckdb"
        delay = random.Random(args.seed).uniform(5, max(6.0, time.perf_counter() - started - 5))
        proc = subprocess.Popen(ingest(batch.folder, killed, args.workers), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        partial = counts(killed)["articles"] if killed.exists() else 0
        print(f"killed after {delay:.1f}s with {partial} articles stored; rerunning")
        rerun = subprocess.run(ingest(batch.folder, killed, args.workers), check=False, capture_output=True, text=True, env=env)
        if rerun.returncode != 0:
            failures.append(f"rerun failed: {rerun.stderr[-2000:]}")
        killed_counts = counts(killed)
        if killed_counts != clean_counts:
            failures.append(f"counts differ: clean {clean_counts} vs killed+rerun {killed_counts}")
        print(f"counts: {clean_counts}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"FAIL {failure}")
    print("OK" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
