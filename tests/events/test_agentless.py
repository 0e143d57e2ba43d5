"""Real news reports violence, arrests and protests with no one named as the doer, or names only a
kind of actor ("unidentified gunmen"): such acts are coded with no source or a generic one, while
accidents, disasters and markets stay quiet."""

from __future__ import annotations

import pytest

from dragoman.config import Options

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def events_of():  # type: ignore[no-untyped-def]
    from dragoman.coder import Coder

    coder = Coder(Options(min_chars=1))  # one sentence is an article of its own here

    def run(text: str, published: str = "2021-03-12"):  # type: ignore[no-untyped-def]
        return coder.code(text, published=published).events

    return run


def test_agentless_passive_arrest_keeps_victims_as_target(events_of):
    [event] = events_of("More than 40 opposition activists were arrested in Dhaka on Thursday.")
    assert event.cameo == "173" and event.source is None
    assert event.target is not None and "OPP" in (event.target.sector or event.target.code or "")
    assert event.rule == "agentless-passive>coerce.arrest"


def test_a_named_place_suffers_an_act_with_no_doer(events_of):
    [event] = events_of("Kharkiv was shelled overnight, the regional governor said.", published="2022-03-02")
    assert event.cameo == "194" and event.source is None


def test_device_that_goes_off_is_a_bombing_with_no_source(events_of):
    [event] = events_of("A grenade went off in a crowded bar in Davao City late on Friday, wounding nine people.")
    assert event.cameo_root == "18" and event.source is None
    assert event.rule.startswith("agentless-subject-word>")


def test_harm_yields_to_the_attack_that_caused_it(events_of):
    events = events_of("Three soldiers were wounded in a roadside bomb explosion near Kandahar.")
    assert [e.cameo[:3] for e in events] == ["183"]  # the explosion, not a bare 'wounded'
    assert events[0].target is not None and "MIL" in (events[0].target.code or "")


def test_an_event_noun_that_happened_is_coded(events_of):
    [event] = events_of("Clashes broke out in the capital on Friday.")
    assert event.cameo_root == "19" and event.source is None
    assert event.rule == "agentless-happening-noun>noun.fighting"


def test_generic_actors_act_in_material_events(events_of):
    [event] = events_of("Unidentified gunmen stormed a village in the north on Sunday, killing four farmers.")
    assert event.cameo_root == "19"
    assert event.source is not None and "UAF" in (event.source.sector or "")


@pytest.mark.parametrize("text", [
    # accidents and disasters harm people but are nobody's act
    "Twelve people were killed when a bus plunged into a ravine in northern Peru on Sunday.",
    "At least 30 people were injured after a powerful earthquake struck the coast on Monday.",
    "A furnace exploded at a steel plant on Thursday, and nine workers were hurt.",
    # markets are not attacked
    "Shares of European carmakers were hit hard on Monday.",
    # an unnamed speaker makes no statement event; a generic candidate storms to no attack
    "Officials said the death toll was expected to rise.",
    "The ruling party's candidate stormed to victory in the by-election.",
    # what has not happened
    "The protesters will be arrested if they return, the governor said.",
    "Nobody was arrested.",
    # a lasting war is no incident of the day
    "The war has killed more than 300,000 people.",
])
def test_quiet(events_of, text):
    assert events_of(text) == []


def test_disaster_story_is_discarded_unless_it_tells_of_violence(events_of):
    flood = ("Flash floods and landslides tore through the province on Sunday. Rescuers searched the rubble "
             "for survivors as the toll rose. Police closed the coastal road after the floods.")
    assert events_of(flood) == []
    riot = ("Flash floods tore through the province on Sunday. Angry residents protested outside the governor's "
            "office over the slow rescue, and police arrested twenty protesters.")
    assert any(e.cameo == "173" for e in events_of(riot))


def test_explain_says_why_an_event_has_no_source():
    from dragoman.coder import Coder

    trace = Coder(Options(min_chars=1)).explain("More than 40 opposition activists were arrested in Dhaka.")
    notes = [n for sentence in trace.explanation.sentences for n in sentence.notes]
    assert any("no doer named (passive)" in n for n in notes)
