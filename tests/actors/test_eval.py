"""The actor evaluator reads both gold formats and scores country and country+sector."""

from pathlib import Path

import pytest

from dragoman.errors import EvalError
from dragoman.eval import run

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.model
@pytest.mark.parametrize(
    "name, dataset, size, gold, country, country_sector",
    [
        # Zelmor Quantrell is unknown: found, but no country, so wrong on both counts
        ("plover_actors.json", "plover_gsr", 3, 6, 5 / 6, 5 / 6),
        ("petr2_actors.jsonl", "petr2_gsr", 3, 4, 1.0, 1.0),
    ],
)
def test_evaluator_on_fixtures(name, dataset, size, gold, country, country_sector):
    (report,) = run("actors", FIXTURES / name)
    assert (report.dataset, report.size, report.counts["gold"]) == (dataset, size, gold)
    assert report.metrics["country.accuracy"] == pytest.approx(country, abs=1e-3)
    assert report.metrics["country_sector.accuracy"] == pytest.approx(country_sector, abs=1e-3)


def test_wrong_path_is_a_clear_error(tmp_path):
    with pytest.raises(EvalError, match="no such file"):
        run("actors", tmp_path / "missing.json")
    (tmp_path / "gold.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(EvalError, match="expected PLOVER"):
        run("actors", tmp_path / "gold.csv")
