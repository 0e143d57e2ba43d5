"""``dragoman actors build --wikidata``: dated roles from a (tiny) Wikidata dump, written by the test."""

from __future__ import annotations

import gzip
import json

import pytest
import yaml
from typer.testing import CliRunner

from dragoman.cli import app

runner = CliRunner()


def _item(qid, label, claims=None, aliases=()):
    return {"type": "item", "id": qid, "labels": {"en": {"language": "en", "value": label}},
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]}, "claims": claims or {}}


def _claim(prop, value, qualifiers=None, rank="normal"):
    if isinstance(value, str) and value.startswith("Q"):
        datavalue = {"type": "wikibase-entityid", "value": {"entity-type": "item", "id": value}}
    else:
        datavalue = {"type": "string", "value": value}
    return {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": datavalue},
            "rank": rank, "qualifiers": qualifiers or {}}


def _date(prop, time, precision=11):
    return {prop: [{"snaktype": "value", "property": prop,
                    "datavalue": {"type": "time", "value": {"time": time, "precision": precision}}}]}


def _dump(path):
    """Peru, a province of Peru, two positions, two people (one held two offices) and one non-human."""
    entities = [
        _item("Q419", "Peru", {"P298": [_claim("P298", "PER")]}),
        _item("Q201", "Lima Province", {"P17": [_claim("P17", "Q419")]}),
        _item("Q900", "Minister of the Interior of Peru", {"P1001": [_claim("P1001", "Q419")]}),
        _item("Q901", "Mayor of Lima Province", {"P1001": [_claim("P1001", "Q201")]}),
        _item("Q902", "Chair of a club", {}),
        _item("Q1", "Ana Quispe Mamani", {
            "P31": [_claim("P31", "Q5")],
            "P39": [
                _claim("P39", "Q900", {**_date("P580", "+2021-07-29T00:00:00Z"),
                                        **_date("P582", "+2022-02-08T00:00:00Z")}),
                _claim("P39", "Q901", _date("P580", "+2015-00-00T00:00:00Z", precision=9)),
                _claim("P39", "Q902"),  # no jurisdiction: no country, left out
            ]}, aliases=["Ana Quispe"]),
        _item("Q2", "A Club", {"P31": [_claim("P31", "Q43229")], "P39": [_claim("P39", "Q900")]}),
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("[\n" + ",\n".join(json.dumps(e) for e in entities) + "\n]\n")


def test_roles_from_position_held_statements(tmp_path):
    dump, out = tmp_path / "dump.json.gz", tmp_path / "leaders.yaml"
    _dump(dump)
    result = runner.invoke(app, ["actors", "build", "--wikidata", str(dump), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 people, 2 dated roles (1 without a country left out)" in result.output
    people = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert people == [{
        "name": "Ana Quispe Mamani", "aliases": ["Ana Quispe"],
        "roles": [
            {"code": "PERGOV", "title": "Minister of the Interior of Peru", "start": "2021-07-29", "end": "2022-02-08"},
            {"code": "PERGOV", "title": "Mayor of Lima Province", "start": "2015", "end": None},
        ],
        "wikidata": "Q1",
    }]


@pytest.mark.model
def test_the_built_file_codes_the_person(tmp_path, actor_nlp, monkeypatch):
    from dragoman.actors import ActorResolver

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dump, out = tmp_path / "dump.json.gz", tmp_path / "leaders.yaml"
    _dump(dump)
    assert runner.invoke(app, ["actors", "build", "--wikidata", str(dump), "--out", str(out)]).exit_code == 0
    actors = ActorResolver([out]).extract(actor_nlp("Ana Quispe Mamani visited Cusco."), "2021-09-01")
    assert next(a for a in actors if a.name == "Ana Quispe Mamani").code == "PERGOV"


def test_a_broken_dump_is_a_clear_error(tmp_path):
    dump = tmp_path / "dump.json"
    dump.write_text('[\n{"id": "Q1", "claims": {}},\nnot json\n]\n', encoding="utf-8")
    result = runner.invoke(app, ["actors", "build", "--wikidata", str(dump), "--out", str(tmp_path / "x.yaml")])
    assert result.exit_code != 0
    assert "line 3 is not a Wikidata entity" in str(result.exception)
