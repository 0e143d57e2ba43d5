"""The accuracy gate: every evaluator on the dev data in ../shared, against the pinned floors.

Floors live in ``floors.yaml`` beside this file: ``metric: 0.70`` means the score must be at least
0.70; ``metric: {ceiling: 0.3}`` is for lower-is-better metrics. Raising a floor is a one-line change.
Pinning one below the issue's target, or lowering one, needs ``{floor: 0.62, note: "why"}``: the
note is required by ``test_floors_file_is_well_formed`` and reviewed with the change.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from dragoman import eval as evaluation

FLOORS_FILE = Path(__file__).with_name("floors.yaml")


def _floors() -> dict:
    return yaml.safe_load(FLOORS_FILE.read_text(encoding="utf-8")) or {}


def _cases():
    for evaluator, datasets in _floors().items():
        for dataset, metrics in datasets.items():
            for metric, floor in metrics.items():
                yield pytest.param(evaluator, dataset, metric, floor, id=f"{evaluator}-{dataset}-{metric}")


@lru_cache(maxsize=None)
def _reports(evaluator: str) -> dict:
    return {r.dataset: r for r in evaluation.run(evaluator)}


def test_floors_file_is_well_formed():
    floors = _floors()
    assert set(floors) <= set(evaluation.EVALUATORS)
    for evaluator, datasets in floors.items():
        for dataset, metrics in datasets.items():
            for metric, floor in metrics.items():
                if isinstance(floor, dict):
                    assert set(floor) in ({"floor", "note"}, {"ceiling"}, {"ceiling", "note"}), (dataset, metric)
                    assert "floor" not in floor or floor["note"].strip(), (evaluator, dataset, metric)
                else:
                    assert isinstance(floor, (int, float)), (evaluator, dataset, metric)


@pytest.mark.accuracy
@pytest.mark.model
@pytest.mark.parametrize("evaluator, dataset, metric, floor", list(_cases()))
def test_score_is_not_below_its_floor(shared, evaluator, dataset, metric, floor):
    reports = _reports(evaluator)
    assert dataset in reports, f"{evaluator} produced no report for {dataset}"
    score = reports[dataset].metrics.get(metric)
    assert score is not None, f"{evaluator}/{dataset} has no metric {metric}"
    if isinstance(floor, dict) and "ceiling" in floor:
        assert score <= floor["ceiling"], f"{evaluator}/{dataset} {metric} = {score:.3f} > ceiling {floor['ceiling']}"
    else:
        value_floor = floor["floor"] if isinstance(floor, dict) else floor
        assert score >= value_floor, f"{evaluator}/{dataset} {metric} = {score:.3f} < floor {value_floor}"
