"""Code -> store -> read back gives the record; recode keeps event ids and never doubles rows;
``dragoman.code`` is the CLI's record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dragoman
from dragoman import run
from dragoman.cli import app
from dragoman.config import Options
from dragoman.records import Skipped
from dragoman.store import Store

DEMO = Path(__file__).resolve().parents[2] / "demo"
runner = CliRunner()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, coder):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    summary = run.ingest([str(DEMO)], Store(db), Options(workers=1), coder=coder)
    assert summary.stored > 20 and not summary.present
    return db


@pytest.mark.model
def test_a_stored_article_reads_back_as_the_record_that_was_coded(demo_store, coder):
    store = Store(demo_store, read_only=True)
    records = [r for r in coder.code_many(run.raw_articles([str(DEMO)], coder.options)) if not isinstance(r, Skipped)]
    assert len(records) == store.counts()["articles"]
    for record in records:
        assert store.article(record.article.id).to_dict() == record.to_dict(), record.article.origin


@pytest.mark.model
def test_recode_all_keeps_every_event_id_and_row_count(demo_store, coder):
    store = Store(demo_store)
    before = store.counts()
    ids = {r["id"] for r in store.sql("SELECT id FROM events")}
    summary = run.recode(store, Options(workers=1), coder=coder, everything=True)
    assert summary.recoded == before["articles"] - store.sql(
        "SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL")[0]["n"]
    assert store.counts() == before
    assert {r["id"] for r in store.sql("SELECT id FROM events")} == ids
    # nothing changed since: a plain recode finds nothing to do
    assert run.recode(store, Options(workers=1), coder=coder).recoded == 0


@pytest.mark.model
def test_recode_picks_up_a_new_dictionary_entry(tmp_path, coder):
    story = ("ANKARA, May 3 (Harbor Post) - Selim Karaduman accused Greece on Tuesday of violating "
             "Turkish airspace over the Aegean, the foreign ministry said.")
    db = tmp_path / "s.duckdb"
    run.ingest([dragoman.coder.to_raw(story, origin="story.txt")], Store(db), Options(workers=1), coder=coder)
    before = Store(db).sql("SELECT source_code FROM events WHERE cameo LIKE '11%'")
    assert all(row["source_code"] != "TURGOV" for row in before)
    people = tmp_path / "people.yaml"
    people.write_text("- name: Selim Karaduman\n  roles:\n    - {code: TURGOV, start: 2010-01-01}\n", encoding="utf-8")
    result = runner.invoke(app, ["recode", "--db", str(db), "--actors", str(people), "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) recoded" in result.output
    after = Store(db).sql("SELECT source_code FROM events WHERE cameo LIKE '11%'")
    assert {row["source_code"] for row in after} == {"TURGOV"}


@pytest.mark.model
@pytest.mark.parametrize("name", ["2022-05-24-latvia-expels-diplomat.txt", "2015-09-09-hungary-refugee-quotas.html"])
def test_the_python_api_gives_the_clis_record(name):
    path = DEMO / name
    cli = runner.invoke(app, ["code", str(path)])
    assert cli.exit_code == 0, cli.output
    from_cli = json.loads(cli.stdout.splitlines()[0])
    from_python = dragoman.code(path.read_text(encoding="utf-8"))
    from_cli["article"]["origin"] = from_python["article"]["origin"]  # a path there, "<text>" here
    assert from_python == from_cli
    assert from_python["events"]


def test_the_python_api_explains_why_it_cannot_code():
    from dragoman.errors import InputError

    with pytest.raises(InputError, match="too short"):
        dragoman.code("Too short.")


@pytest.mark.model
def test_code_many_names_each_text_by_its_place_in_the_input(coder):
    texts = [f"MOSCOW (Harbor Post) - Russia accused Turkey of shelling village {n} on Tuesday." for n in range(5)]
    original = coder.options
    coder.options = original.model_copy(update={"batch_size": 2})
    try:
        origins = [r.article.origin for r in coder.code_many(texts)]
    finally:
        coder.options = original
    assert origins == [f"<text#{n}>" for n in range(1, 6)]
