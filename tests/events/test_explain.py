"""Explain names the firing rule, lists the patterns tried and records decisions."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from dragoman.cli.explain import register
from dragoman.records import Actor

pytestmark = pytest.mark.model

TEXT = "Germany imposed sanctions on Belarus."


def _actors() -> list[Actor]:
    return [Actor("Germany", 0, 7, code="DEU"), Actor("Belarus", 29, 36, code="BLR")]


def test_explanation_names_the_firing_rule(nlp, coder):
    explanation = coder.explain(nlp(TEXT), _actors(), [])
    assert explanation.fired_rules() == ["sanction.impose"]
    sentence = explanation.sentences[0]
    tried = {t.pattern for t in sentence.trials if t.token_text == "imposed"}
    assert {"sanction.impose", "coerce.administrative"} <= tried
    assert [t.pattern for t in sentence.trials if t.matched and t.pattern == "sanction.impose"]
    assert [row.dep for row in sentence.tokens][:2] == ["nsubj", "ROOT"]


def test_explanation_records_why_nothing_was_coded(nlp, coder):
    explanation = coder.explain(nlp("The committee attacked a convoy."), [], [])
    assert explanation.events == []
    assert any("no resolved source" in note for note in explanation.sentences[0].notes)


def test_explain_command_prints_the_fired_rule():
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps typer in multi-command mode
        pass

    result = CliRunner().invoke(app, ["explain", "Russia imposed sanctions on Ukraine."])
    assert result.exit_code == 0, result.output
    assert "sanction.impose" in result.output
    assert "FIRED" in result.output


@pytest.mark.parametrize("text,actors,note", [
    ("Georgia said Russia shelled two villages.", {"Georgia": "GEO", "Russia": "RUS"}, "allegation 1123"),
    ("Workers in Georgia rallied to demand the resignation of Russia's envoy.", {"Workers in Georgia": "GEOLAB"},
     "purpose 'leadership', 141 refined to 1411"),
])
def test_explanation_records_allegations_and_purposes(nlp, coder, text, actors, note):
    placed = [Actor(s, text.index(s), text.index(s) + len(s), code=c) for s, c in actors.items()]
    explanation = coder.explain(nlp(text), placed, [])
    assert any(note in line for line in explanation.sentences[0].notes)
