"""The events evaluator reads each gold format and scores with the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import EvalError
from dragoman.eval import run
from dragoman.eval.events import (
    datasets,
    load_acled_families,
    read_case2021,
    read_cameo_manual,
    read_petr2,
    read_plover,
    score_datasets,
)

FIXTURES = Path(__file__).parent / "fixtures"


def test_format_detection():
    kinds = {kind for kind, _ in datasets(FIXTURES)}
    assert kinds == {"cameo_manual", "petr2_gsr", "plover_gsr", "conflibert", "case2021"}


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


def test_case2021_reader_keeps_quoted_snippets_and_subtypes():
    golds = read_case2021(FIXTURES / "case2021_mini.tsv")
    assert [g.category for g in golds] == ["ARREST", "GRENADE", "MAN_MADE_DISASTER", "PEACE_PROTEST", "OTHER"]
    assert 'chanting "pay us now" outside' in golds[3].text


def test_case2021_header_is_checked(tmp_path: Path):
    bad = tmp_path / "snippets.tsv"
    bad.write_text("id\ttext\tlabel\n1\tPolice arrested him.\tARREST\n", encoding="utf-8")
    with pytest.raises(EvalError, match="EventSnippet"):
        read_case2021(bad)


def test_acled_table_covers_every_subtype_once():
    families, quiet = load_acled_families()
    assert families["ARREST"] == {"17"} and families["PEACE_PROTEST"] == {"14"}
    assert quiet == {"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"}
    assert not quiet & set(families)


class _Coded:
    def __init__(self, root: str) -> None:
        self.cameo_root = root


def test_case2021_scores_family_coverage_and_quiet():
    answers = {"More than 40": ["17"], "A grenade": ["14"], "Twelve people": [], "Thousands of": ["14", "11"]}

    def code(text: str) -> list:  # type: ignore[type-arg]
        roots = next((v for k, v in answers.items() if text.startswith(k)), [])
        return [_Coded(r) for r in roots]

    [report] = score_datasets([("case2021", FIXTURES / "case2021_mini.tsv")], code, None)
    metrics = report.metrics
    # arrest right, grenade wrong (a protest), protest right; OTHER is not scored
    assert metrics["family.accuracy"] == round(2 / 3, 4)
    assert metrics["family.coverage"] == 1.0
    assert metrics["event.precision"] == round(2 / 4, 4)  # 4 events, the 14 and 11 off family
    assert metrics["quiet.rate"] == 1.0
    assert report.counts["unscored"] == 1
