"""Precision rules: a pattern's sense constraints, acts that did not happen, intent that names no
cooperative act, negation scope, and two actors of one code in one event."""

from __future__ import annotations

import pytest

from dragoman.events import EventCoder

pytestmark = pytest.mark.model

ACTORS = {
    "Ms. Okafor": "NGAELI", "Mr. Bello": "NGAELI", "Progressive Party": "NGAPTY",
    "Unity Party": "NGAPTY", "Ghana": "GHA", "Nigeria": "NGA", "Nigerian troops": "NGAMIL",
    "Police": "NGACOP", "two journalists": "NGAMED", "Lome": "TGO",
}
KINDS = {"Ms. Okafor": "person", "Mr. Bello": "person", "Progressive Party": "organization",
         "Unity Party": "organization", "Ghana": "country", "Nigeria": "country",
         "Nigerian troops": "group", "Police": "organization", "two journalists": "group", "Lome": "place"}


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
    # "called him unfit" is no telephone call but criticism; "called off" a summit breaks it off
    ("Ms. Okafor called Mr. Bello unfit for office.", {("111", "NGAELI", "NGAELI")}),
    ("Ghana called off its planned summit with Nigeria.", {("161", "GHA", "NGA")}),
    # a warning is a threat only when someone is to act ("warned Nigeria", "warned it would ...")
    ("Ghana warned that inflation would rise sharply next year.", {("012", "GHA", None)}),
    ("Ghana warned Nigeria that it would close the border.", {("1381", "GHA", "NGA")}),
    # with no target named, each side of a clash fights the other
    ("Nigerian troops and Ghana clashed near the border.", {("190", "NGAMIL", "GHA"), ("190", "GHA", "NGAMIL")}),
    # a meeting's venue is no target
    ("Ghana held talks with Nigeria in Lome.", {("046", "GHA", "NGA"), ("046", "NGA", "GHA")}),
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


@pytest.mark.parametrize("text, background", [
    ("Ghana accused Nigeria of rigging the vote.", False),
    ("Ghana had accused Nigeria of rigging the vote.", True),  # past perfect: told as background
    ("Ghana has long accused Nigeria of rigging votes.", True),  # a lasting state
])
def test_background_events_are_kept_and_flagged(nlp, text, background):  # type: ignore[no-untyped-def]
    from tests.events.conftest import place_actors

    events = EventCoder().code(nlp(text), place_actors(text, ACTORS), [], "testarticle03")
    assert [(e.cameo, e.background) for e in events] == [("112", background)]
    assert events[0].confidence < 0.5 if background else events[0].confidence >= 0.5


def test_a_statement_in_disparaging_words_is_criticism(code_kinds):  # type: ignore[no-untyped-def]
    assert code_kinds("Ms. Okafor said Mr. Bello's plan was reckless and incoherent.") == {("111", "NGAELI", "NGAELI")}
    assert code_kinds("Ms. Okafor said Mr. Bello's plan would be announced soon.") == {("010", "NGAELI", "NGAELI")}
