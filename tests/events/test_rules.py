"""Sentence-level rules: background clauses, obligations, claims, stative passives, culpability,
receiving, lists of actors, mutual acts and the patterns that keep one event per predicate."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ACTORS = {
    "Peru": "PER", "Chile": "CHL", "Bolivia": "BOL", "Chilean army": "CHLMIL", "Peruvian rebels": "PERREB",
    "Chilean government": "CHLGOV", "Chilean miners": "CHLLAB",
}

# (sentence, dyads that must be coded)
CODED = [
    # an obligation laid on another actor in reported speech is the speaker's demand
    ("Chile said Peru must stop the construction of the dam.", {("100", "CHL", "PER")}),
    ("Peru announced that Chile should reconsider.", {("100", "PER", "CHL")}),
    ("Chile said Peru must withdraw its troops from the border.", {("1056", "CHL", "PER")}),
    # a statement whose words carry a tone is coded even when they mention an act
    ("Chile said it was pessimistic about talks with Peru.", {("012", "CHL", "PER")}),
    # weighing an act is a policy comment
    ("Chile is considering sending aid to Peru.", {("014", "CHL", "PER")}),
    # receiving: the giver is the source
    ("Chilean miners received weapons from Peru.", {("072", "PER", "CHLLAB")}),
    ("Chilean miners received assurances from the Chilean government.", {("030", "CHLGOV", "CHLLAB")}),
    # stative passives: the passive subject holds the attitude
    ("Chile is committed to resuming talks with Peru.", {("036", "CHL", "PER")}),
    # culpability: "X is responsible for / guilty of" makes X the source
    ("The Chilean army is responsible for the massacre in the village.", {("202", "CHLMIL", None)}),
    ("Peruvian rebels are guilty of violating the truce.", {("196", "PERREB", None)}),
    # a verb joined to a passive one keeps the passive subject as its agent
    ("The Chilean government was indicted by Peru and will resign.",
     {("112", "PER", "CHLGOV"), ("0341", "CHLGOV", None)}),
    # claims: about one's own act 015, about another's an accusation
    ("Chile claimed that it had shelled Peru.", {("015", "CHL", "PER")}),
    ("Chile claimed that Peru had shelled the border villages.", {("1123", "CHL", "PER")}),
    # pressure from an actor is its demand
    ("Chile faces pressure from Peru to release the prisoners.", {("1053", "PER", "CHL")}),
    # negotiating takes both sides
    ("Peru held talks with Chile on Monday.", {("046", "PER", "CHL"), ("046", "CHL", "PER")}),
    # welcoming a decision endorses it; a warm welcome to a visitor hosts him
    ("Peru welcomed the decision by Chile.", {("051", "PER", None)}),
    ("Peru gave a warm welcome to the Chilean government.", {("043", "PER", "CHLGOV")}),
    # agreeing to a truce is an intent; agreeing that something is so is accord
    ("Peru agreed to a ceasefire with Chile.", {("0356", "PER", "CHL")}),
    ("Peru and Chile agreed there was an urgent need for a settlement.", {("019", "PER", None)}),
    # expelling envoys cuts relations
    ("Peru expelled two diplomats from Chile.", {("161", "PER", "CHL")}),
    # so does ordering them out; ordering them to explain is only a demand
    ("Peru ordered a Chilean diplomat to leave the country within 72 hours.", {("161", "PER", "CHL")}),
    ("Peru ordered the Chilean ambassador to explain the remarks.", {("100", "PER", "CHL")}),
    ("Peruvian rebels set fire to the offices of the Chilean government.", {("1712", "PERREB", "CHLGOV")}),
    ("Peruvian rebels wounded two soldiers.", {("180", "PERREB", None)}),
    ("Peruvian rebels blocked roads into the capital.", {("144", "PERREB", None)}),
    # an act with no one to pin it on leaves its phrases free for the nominal event
    ("Five villagers were killed in an air strike by the Chilean army.", {("195", "CHLMIL", None)}),
    # a threat: a future act held over others on a condition
    ("Chile will withdraw its troops from Peru unless Bolivia ends the blockade.", {("130", "CHL", "PER")}),
    # a hyphenated object word matches however the tokenizer splits it
    ("Peruvian rebels declared a unilateral cease-fire on Monday.", {("0871", "PERREB", None)}),
    # suicide bombers are not aircraft
    ("Two suicide bombers from Peru attacked the Chilean army in Lima.", {("1831", "PER", "CHLMIL")}),
    # a repeated demand is a demand, coded by its clause
    ("Chile reiterated its demand that Peru release the detained miners.", {("1053", "CHL", "PER")}),
    # negated permission is a rejection
    ("Chile said it would not give permission to Peru to build the dam.", {("124", "CHL", "PER")}),
]


@pytest.mark.parametrize("text,expected", CODED)
def test_rule_codes(dyads, text, expected):
    assert expected <= dyads(text, ACTORS)


@pytest.mark.parametrize("text,roots", [
    # the time clause only sets the scene: the expulsion is the sentence's act
    ("Peru expelled two diplomats from Chile after the Chilean army shelled a village.", {"16"}),
    # a condition is not an act
    ("Chile will withdraw its troops from Peru unless Bolivia ends the blockade.", {"13"}),
    # seeking to do something oneself is an intent, not an appeal
    ("Peru and Chile are seeking to deepen their partnership in trade.", {"03"}),
    # opposing a plan of others rejects it
    ("Peru is opposed to the deployment of troops by Chile.", {"12"}),
])
def test_only_the_main_act_is_coded(code, text, roots):
    assert {e.cameo_root for e in code(text, ACTORS)} == roots


def test_background_clause_is_coded_when_the_main_clause_has_nothing(dyads):
    text = "The border stayed calm after Chile withdrew its troops from Peru."
    assert ("0874", "CHL", "PER") in dyads(text, ACTORS)


def test_a_listed_name_set_off_by_commas_is_one_more_actor(dyads):
    found = dyads("Peru, Chile, and Bolivia met on Friday.", ACTORS)
    assert {("040", "PER", "BOL"), ("040", "BOL", "CHL"), ("040", "CHL", "PER")} <= found


def test_coordinated_modifiers_are_two_sources(code):
    actors = {"Chilean": "CHL", "Peruvian rebels": "PERREB"}
    events = code("Chilean and Peruvian rebels staged a protest in Lima.", actors)
    assert {(e.cameo, e.source.code) for e in events} == {("141", "CHL"), ("141", "PERREB")}


def test_meeting_with_someone_is_one_way(dyads):
    assert dyads("Peru met with Chile on Monday.", ACTORS) == {("040", "PER", "CHL")}


def test_a_word_of_an_actor_name_is_no_event(code):
    actors = {"Pacific Cooperation Council": "IGOPAC"}
    assert [e.cameo_root for e in code("The Pacific Cooperation Council met in Lima on Friday.", actors)] == ["04"]


@pytest.mark.parametrize("text,protest", [
    # crowds gather and rally; gathering information or rallying support is no demonstration
    ("Peruvian students gathered outside the Chilean embassy.", True),
    ("Peruvian students rallied against the Chilean government.", True),
    ("Peru gathered information about the Chilean army.", False),
    ("Peru rallied support for its claim against Chile.", False),
])
def test_gathering_is_a_protest_only_without_an_object(dyads, text, protest):
    assert any(code.startswith("14") for code, _, _ in dyads(text, ACTORS)) is protest
