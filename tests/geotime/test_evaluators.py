"""The date and place evaluators on tiny fixtures in the gold formats (own sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import EvalError
from dragoman.eval import run
from dragoman.eval.dates import read_timeml
from dragoman.eval.places import read_gold

FIXTURES = Path(__file__).parent / "fixtures"


def test_timeml_reader_keeps_offsets_and_creation_time() -> None:
    doc = read_timeml(FIXTURES / "wire_story.tml")
    assert doc.dct == "2019-03-14"
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["Tuesday", "on Saturday", "last June", "nine months"]


def test_geovirus_reader_keeps_offsets() -> None:
    dataset, articles = read_gold(FIXTURES / "geovirus_mini.xml")
    assert dataset == "geovirus"
    text = articles[0].text
    assert [text[p.start : p.end] for p in articles[0].places] == ["Geneva", "Paris", "Texas", "Lyon"]


def test_wrong_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        run("dates", tmp_path)
    with pytest.raises(EvalError):
        run("places", tmp_path)


@pytest.mark.model
def test_dates_evaluator_on_fixture() -> None:
    report = run("dates", FIXTURES / "wire_story.tml")[0]
    assert report.counts["gold"] == 4
    assert report.metrics["relaxed.recall"] == 1.0
    assert report.metrics["value.f1"] >= 0.75  # "on Saturday" vs "Saturday": relaxed match


@pytest.mark.model
def test_places_evaluator_on_fixture() -> None:
    report = run("places", FIXTURES / "geovirus_mini.xml")[0]
    assert report.counts["gold"] == 4
    assert report.metrics["ceiling"] == 1.0
    assert report.metrics["accuracy_161"] == 1.0
