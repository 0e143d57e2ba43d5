"""The benchmark corpus: distinct generated articles of the asked size, and a bench run's figures."""

from __future__ import annotations

import pytest

from dragoman.bench.corpus import generate
from dragoman.errors import InputError
from dragoman.ingest.dedup import Deduper

SEEDS = [
    (f"Story {k}", [f"CITY{k}, March {k + 1} (Meridian News) - Officials from country {k} met envoys on Monday."]
     + [f"Paragraph {k}.{j}: delegates from region {k * 7 + j} discussed trade, water rights and border posts "
        f"number {j} in talks that ran into the night of Tuesday, said spokesperson {k}{j}." for j in range(12)])
    for k in range(6)
]


def test_generated_articles_are_distinct_and_about_the_asked_length():
    articles = generate(SEEDS, n=60, words=300)
    assert len({a.text for a in articles}) == 60
    assert all(280 <= len(a.text.split()) <= 420 for a in articles)
    dedup = Deduper()
    assert [dedup.check(a.origin, a.text) for a in articles] == [None] * 60
    assert articles[0].text.startswith("CITY0") and articles[1].text.startswith("CITY1")


def test_generation_is_deterministic_and_needs_two_seeds():
    assert [a.text for a in generate(SEEDS, n=5)] == [a.text for a in generate(SEEDS, n=5)]
    with pytest.raises(InputError):
        generate(SEEDS[:1], n=5)


@pytest.mark.model
@pytest.mark.slow
def test_bench_command_reports_every_figure(tmp_path):
    """Two workers, so the parallel path and the bare spaCy n_process run are both exercised."""
    import json

    from typer.testing import CliRunner

    from dragoman.cli import app

    for k, (title, paragraphs) in enumerate(SEEDS[:3]):
        (tmp_path / f"seed{k}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    run = CliRunner().invoke(app, ["bench", str(tmp_path), "--articles", "8", "--words", "150", "--workers", "2",
                                   "--batch-size", "2", "--format", "json"])
    assert run.exit_code == 0, run.output
    result = json.loads(run.stdout)
    assert result["end_to_end"]["coded"] == 8 and result["end_to_end"]["near_duplicates"] == 0
    assert result["bare_spacy"]["tokens_per_s"] > 0 and result["ratio"] > 0
    assert result["tuned_spacy"]["tokens_per_s"] > 0 and result["ratio_to_tuned"] > 0
    assert {"ingest", "nlp", "actors", "events"} <= set(result["stage_seconds"])
    assert result["peak_memory_mb"]["end_to_end_pss_total"] > 0
