"""Article extraction evaluator: the Zyte benchmark format, scored on our own prepare() path."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import EvalError
from dragoman.eval import run
from dragoman.eval.extraction import overlap, shingle_bag

FIXTURE = Path(__file__).parent / "fixtures" / "extraction"


@pytest.mark.parametrize(
    "gold, predicted, expected",
    [
        ("one two three four five", "one two three four five", (2, 0, 0)),
        ("one two three four five", "one two three four", (1, 0, 1)),
        ("one two three four", "", (0, 0, 1)),
        ("", "menu home login about", (0, 1, 0)),
        ("One, two; THREE four!", "one two three four", (1, 0, 0)),
    ],
)
def test_shingle_overlap(gold, predicted, expected):
    assert overlap(gold, predicted) == expected


def test_short_texts_are_one_shingle():
    assert shingle_bag("just two") == {("just", "two"): 1}


def test_fixture_pages_are_extracted_without_navigation():
    (report,) = run("extraction", FIXTURE)
    assert report.size == 2 and report.evaluator == "extraction"
    assert report.metrics["f1"] >= 0.95 and report.metrics["empty_rate"] == 0.0
    assert report.counts["fp"] <= 2  # neither the menu nor the footer is article text


def test_a_folder_in_another_format_is_a_clear_error(tmp_path):
    with pytest.raises(EvalError, match="not a Zyte-format benchmark"):
        run("extraction", tmp_path)
