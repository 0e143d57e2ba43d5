"""The scaling benchmark reports both timings and their ratio (speed itself is not asserted)."""

import pytest

from dragoman.bench.actors import bench_actor_scaling, synthetic_entries


def test_synthetic_entries_are_valid_dictionary_entries():
    entries = synthetic_entries(8)
    assert len(entries) == 8
    assert all("roles" in e or "code" in e for e in entries)


@pytest.mark.model
@pytest.mark.slow
def test_bench_grows_the_dictionary():
    result = bench_actor_scaling(["Kenyan police said on Monday that Washington had been told."], factor=2, repeat=1)
    assert result["grown_entries"] >= 2 * result["base_entries"] * 0.95
    assert set(result) >= {"base_seconds", "grown_seconds", "ratio"}
