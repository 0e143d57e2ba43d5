"""A mixed batch with every class of bad input completes, stores each good article once, names each skip."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dragoman.bench.corpus import generate
from dragoman.bench.mixed import write_mixed_batch
from dragoman.store import Store

SEEDS = [
    (
        f"Envoys meet in city {k}",
        [
            f"CITY{k}, April {k + 2} (Harbor Post) - The foreign ministers of two neighbours "
            f"met on Monday in city {k} to settle a dispute over river water, officials said."
        ]
        + [
            f"Section {k}.{j}: the delegations from province {k * 5 + j} agreed to reopen crossing {j}, and the "
            f"minister thanked mediators from the regional bloc for their patience, a spokesman added."
            for j in range(8)
        ],
    )
    for k in range(5)
]


def _ingest(folder, db, workers):
    env = dict(os.environ, COLUMNS="400")  # keep each skip on one line
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "dragoman",
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--quiet",
            "--workers",
            str(workers),
        ],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_mixed_batch_completes_and_accounts_for_every_input(tmp_path, workers):
    batch = write_mixed_batch(tmp_path / "in", generate(SEEDS, n=16, words=100))
    db = tmp_path / "s.duckdb"
    run = _ingest(batch.folder, db, workers)
    assert run.returncode == 0, run.stderr
    skips = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
    for name, reason in batch.bad.items():
        assert any(name in line and reason in line for line in skips), f"{name}: no skip line with {reason!r}"
    assert len(skips) == len(batch.bad)
    with Store(db, read_only=True) as store:
        ids = [row["id"] for row in store.sql("SELECT id FROM articles")]
        assert len(ids) == batch.good == len(set(ids))
    again = _ingest(batch.folder, db, workers)
    assert f"0 stored, {batch.good + batch.copies} already present" in again.stderr
