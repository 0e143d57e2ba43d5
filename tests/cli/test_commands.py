"""Every command, driven as a user would, on small articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman import __version__
from dragoman.cli import app
from dragoman.schema import validate

runner = CliRunner()
README = Path(__file__).resolve().parents[2] / "README.md"

STORIES = [
    {
        "id": "w1",
        "published": "2019-03-14",
        "title": "Russia accuses Turkey",
        "text": "MOSCOW, March 14 (Meridian News) - Russia accused Turkey on Tuesday of shelling villages "
        "in northern Syria. Russian Foreign Minister Sergei Lavrov said Moscow would raise the matter at the UN.",
    },
    {
        "id": "w2",
        "published": "2019-03-15",
        "text": "ANKARA, March 15 (Meridian News) - Turkish President Recep Tayyip Erdogan visited Qatar on Friday "
        "and met the emir to discuss trade and the war in Syria.",
    },
]


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(s) for s in STORIES) + "\n", encoding="utf-8")
    return path


def _commands():
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"dragoman {__version__}"


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"dragoman {command}" in README.read_text(encoding="utf-8")


@pytest.mark.model
def test_code_jsonl_is_one_valid_record_per_input_in_order(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = runner.invoke(app, ["code", str(_corpus(tmp_path)), str(bad)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line.get("article", {}).get("external_id") for line in lines] == ["w1", "w2", None]
    assert lines[2]["error"]["reason"] == "file is empty"
    for record in lines[:2]:
        validate(record)
        for actor in record["actors"]:
            assert record["text"][actor["start"]:actor["end"]] == actor["text"]


@pytest.mark.model
def test_code_reads_stdin_and_prints_a_table():
    text = "Russia accused Turkey of shelling villages in Syria, Lavrov said on Tuesday."
    result = runner.invoke(app, ["code", "-", "--published", "2019-03-14", "--format", "table"], input=text)
    assert result.exit_code == 0, result.output
    assert "2019-03-14" in result.output


def test_bad_published_date_is_a_clear_error():
    result = runner.invoke(app, ["code", "-", "--published", "14/03/2019"], input="text")
    assert result.exit_code != 0
    assert "--published '14/03/2019'" in str(result.exception)


@pytest.mark.parametrize(
    ("flags", "config", "expected"),
    [
        ([], None, 3),  # every core (here: the 3 default_workers reports)
        (["--workers", "1"], None, 1),
        ([], "workers: 2\n", 2),  # a config file's choice stands
        (["--workers", "1"], "workers: 2\n", 1),  # and a flag beats the file
    ],
)
def test_ingest_workers_default_to_the_cores(tmp_path, monkeypatch, flags, config, expected):
    import dragoman.run.driver as driver

    chosen = []

    def recorder(coder, inputs, workers=1, linker=None, timings=None):
        chosen.append(workers)
        raise SystemExit(0)  # the choice is all this test needs

    monkeypatch.setattr(driver, "default_workers", lambda: 3)
    monkeypatch.setattr(driver, "Coder", lambda options: type("Stub", (), {"options": options})())
    monkeypatch.setattr(driver, "code_stream", recorder)
    if config is not None:
        (tmp_path / "dragoman.yaml").write_text(config, encoding="utf-8")
        flags = [*flags, "--config", str(tmp_path / "dragoman.yaml")]
    runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "d.duckdb"), *flags])
    assert chosen == [expected]


@pytest.mark.model
def test_ingest_is_idempotent_and_queryable(tmp_path):
    corpus, db = _corpus(tmp_path), tmp_path / "d.duckdb"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--quiet"])
    assert first.exit_code == 0, first.output
    assert "2 stored, 0 already present, 0 skipped" in first.output
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--quiet"])
    assert "0 stored, 2 already present, 0 skipped" in again.output

    events = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert events.exit_code == 0
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert all(row["article_id"] for row in rows)
    for fmt in ("csv", "table"):
        assert runner.invoke(app, ["events", "--db", str(db), "--format", fmt, "--code", "0"]).exit_code == 0
    assert runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "Lavrov"]).exit_code == 0

    out = tmp_path / "export"
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--out", str(out)])
    assert exported.exit_code == 0
    assert (out / "articles.parquet").exists() and (out / "events.parquet").exists()


@pytest.mark.model
def test_ingest_skips_bad_inputs_and_goes_on(tmp_path):
    corpus = _corpus(tmp_path)
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "nav.html").write_text("<html><body><nav>Home</nav></body></html>")
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0
    assert "2 stored, 0 already present, 2 skipped" in result.output
    assert "binary.txt: binary content" in result.output
    assert "nav.html: HTML has no article body" in result.output
    strict = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--strict"])
    assert strict.exit_code == 1
    assert corpus.exists()


def test_ingest_with_nothing_to_process_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "d.duckdb")])
    assert result.exit_code == 1
    assert "nothing could be processed" in result.output


def test_querying_a_missing_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code != 0
    assert "no such store" in str(result.exception)
