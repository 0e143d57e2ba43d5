"""Discards: no resolved source, off-topic stories, and no fallback code for uncodable sentences."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_no_resolved_source_no_event(code):
    assert code("The committee attacked a convoy near Kabul.", {"Kabul": "AFG"}) == []


def test_a_doer_named_only_by_the_patterns_subject_words_gives_an_event_with_no_source(code):
    [event] = code("Unknown gunmen attacked a convoy near Kabul.", {"Kabul": "AFG"})
    assert event.source is None and event.rule == "agentless-subject-word>fight"


def test_sports_story_yields_nothing(code):
    text = ("Brazil beat Argentina 2-1 in the cup final as the striker scored twice and the coach "
            "praised the squad after the match at the stadium.")
    assert code(text, {"Brazil": "BRA", "Argentina": "ARG"}) == []


def test_uncodable_sentence_gets_no_fallback(code):
    assert code("Heavy rain fell across Peru on Sunday.", {"Peru": "PER"}) == []


def test_statement_only_with_resolved_speaker(code):
    assert code("An analyst said the economy of Chile would grow.", {"Chile": "CHL"}) == []
    events = code("Chile said its economy would grow next year.", {"Chile": "CHL"})
    assert [e.cameo for e in events] == ["010"]
