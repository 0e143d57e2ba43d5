"""`dragoman eval`: one command over every evaluator, on fixtures written in each public format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman.cli import app

runner = CliRunner()
TESTS = Path(__file__).resolve().parents[1]

FIXTURES = [
    ("actors", TESTS / "actors/fixtures/plover_actors.json"),
    ("events", TESTS / "events/fixtures/petr2_mini.jsonl"),
    ("quotes", TESTS / "quotes/fixtures/polnear"),
    ("dates", TESTS / "geotime/fixtures/wire_story.tml"),
    ("places", TESTS / "geotime/fixtures/geovirus_mini.xml"),
    ("extraction", TESTS / "eval/fixtures/extraction"),
]


@pytest.mark.model
@pytest.mark.parametrize("name, data", FIXTURES)
def test_json_output_has_the_documented_keys(name, data):
    result = runner.invoke(app, ["eval", name, "--data", str(data), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"version", "reports"}
    assert payload["reports"], f"{name} produced no report"
    for report in payload["reports"]:
        assert set(report) == {"evaluator", "dataset", "path", "size", "metrics", "counts", "notes", "version"}
        assert report["evaluator"] == name and report["size"] > 0
        assert all(isinstance(v, (int, float)) for v in report["metrics"].values())


@pytest.mark.model
def test_markdown_output_is_a_table():
    data = TESTS / "actors/fixtures/plover_actors.json"
    result = runner.invoke(app, ["eval", "actors", "--data", str(data), "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout.startswith("| evaluator | dataset | size | metric | value |")


@pytest.mark.parametrize(
    "args, message",
    [
        (["eval", "events", "--data", "/nonexistent/gold.jsonl"], "no such file or directory"),
        (["eval", "sentiment"], "unknown evaluator 'sentiment'"),
        (["eval", "all", "--data", "x"], "use it with a single evaluator"),
    ],
)
def test_bad_arguments_are_clear_errors(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert message in str(result.exception)


def test_a_file_in_the_wrong_format_is_a_clear_error(tmp_path):
    wrong = tmp_path / "notes.txt"
    wrong.write_text("just some notes, not gold annotations\n")
    result = runner.invoke(app, ["eval", "events", "--data", str(wrong)])
    assert result.exit_code != 0
    assert str(wrong) in str(result.exception)
