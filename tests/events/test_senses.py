"""Precision rules: a pattern's sense constraints, acts that did not happen, intent that names no
cooperative act, negation scope, and two actors of one code in one event."""

from __future__ import annotations

import pytest

from dragoman.events import EventCoder

pytestmark = pytest.mark.model

ACTORS = {
    "Ms. Okafor": "NGAELI", "Mr. Bello": "NGAELI", "Progressive Party": "NGAPTY",
    "Unity Party": "NGAPTY", "Ghana": "GHA", "Nigeria": "NGA", "Nigerian troops": "NGAMIL",
    "Police": "NGACOP", "two journalists": "NGAMED",
}
KINDS = {"Ms. Okafor": "person", "Mr. Bello": "person", "Progressive Party": "organization",
         "Unity Party": "organization", "Ghana": "country", "Nigeria": "country",
         "Nigerian troops": "group", "Police": "organization", "two journalists": "group"}


@pytest.fixture(scope="module")
def code_kinds(nlp):  # type: ignore[no-untyped-def]
    from tests.events.conftest import place_actors, summary

    coder = EventCoder()

    def run(text: str) -> set:  # type: ignore[type-arg]
        actors = place_actors(text, ACTORS)
        for actor in actors:
            actor.kind = KINDS[actor.text]
            actor.sector = actor.code[3:] or None
        return summary(coder.code(nlp(text), actors, [], "testarticle02"))

    return run


@pytest.mark.parametrize("text, expected", [
    # a politician "attacking" a rival criticizes; troops attacking a town use force
    ("Ms. Okafor attacked Mr. Bello over the fuel subsidy.", {("111", "NGAELI", "NGAELI")}),
    ("Nigerian troops attacked rebel positions near the town.", {("190", "NGAMIL", None)}),
    # people are arrested and released; exports and statements are not
    ("Police arrested two journalists in Lagos on Monday.", {("173", "NGACOP", "NGAMED")}),
    ("Ghana released a statement on the border dispute with Nigeria.", set()),
    ("The strong naira held back exports from Nigeria last quarter.", set()),
    # "called him unfit" and "called an election" are no telephone calls
    ("Ms. Okafor called Mr. Bello unfit for office.", set()),
    # acts that did not happen
    ("Ghana stopped short of imposing sanctions on Nigeria.", set()),
    ("Ghana refrained from criticizing Nigeria.", set()),
    # wanting or deciding is no intent to cooperate unless a cooperative act is named
    ("The Progressive Party decided to run a candidate in every state.", set()),
    ("Ghana decided to hold talks with Nigeria.", {("036", "GHA", "NGA")}),
    ("Ghana promised to criticize Nigeria at the summit.", set()),
    # negation scope: "no longer", "nor"
    ("Ghana said it would no longer support Nigeria.", {("120", "GHA", "NGA")}),
    ("Nor has Ghana denied the report.", set()),
    # two parties of one country are two actors
    ("The Progressive Party accused the Unity Party of rigging the vote.", {("112", "NGAPTY", "NGAPTY")}),
])
def test_precision_rules(code_kinds, text, expected):  # type: ignore[no-untyped-def]
    assert code_kinds(text) == expected


def test_explain_names_the_failed_sense_constraint(nlp):  # type: ignore[no-untyped-def]
    from tests.events.conftest import place_actors

    text = "Ghana released a statement on the border dispute with Nigeria."
    explanation = EventCoder().explain(nlp(text), place_actors(text, ACTORS), [])
    reasons = {t.pattern: t.reason for s in explanation.sentences for t in s.trials}
    assert reasons["yield.release"].startswith("sense: object 'statement' is thing")
