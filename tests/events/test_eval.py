"""The events evaluator reads each gold format and scores with the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import EvalError
from dragoman.eval import run
from dragoman.eval.events import datasets, read_cameo_manual, read_petr2, read_plover

FIXTURES = Path(__file__).parent / "fixtures"


def test_format_detection():
    kinds = {kind for kind, _ in datasets(FIXTURES)}
    assert kinds == {"cameo_manual", "petr2_gsr", "plover_gsr", "conflibert"}


def test_readers_parse_gold():
    assert [g.codes for g in read_petr2(FIXTURES / "petr2_mini.jsonl")] == [["163"], [], ["0333"]]
    assert read_cameo_manual(FIXTURES / "cameo_examples.csv")[1].text == "Ghana's president visited Togo on Tuesday."
    plover = read_plover(FIXTURES / "plover_mini.txt")
    assert plover[0].types == ["ASSAULT"] and plover[0].dyads == [("TUR", "IRQ", "ASSAULT")]


def test_wrong_path_is_an_eval_error(tmp_path: Path):
    (tmp_path / "notes.md").write_text("nothing here", encoding="utf-8")
    with pytest.raises(EvalError):
        datasets(tmp_path)


@pytest.mark.model
def test_evaluator_on_fixture():
    reports = {r.dataset: r for r in run("events", FIXTURES / "petr2_mini.jsonl")}
    report = reports["petr2_gsr"]
    assert report.size == 3
    assert set(report.metrics) >= {"root.f1", "plover.f1", "dyad.f1", "code.f1", "extra_per_sentence"}
    assert report.metrics["root.f1"] > 0.5
