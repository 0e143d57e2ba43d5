"""Per-story filter: identical (date, source, target, code) in one article is one event with a count."""

from __future__ import annotations

import pytest

from dragoman.events import merge_mentions
from dragoman.records import Actor, Event, Trigger


def _event(n: int, code: str, date: str, target: str = "UKR") -> Event:
    return Event(id=f"a-{n}", sentence=n, start=0, end=10, trigger=Trigger("hit", 0, 3), cameo=code,
                 cameo_root=code[:2], goldstein=-10.0, quad_class=4, source=Actor("Russia", 0, 6, code="RUS"),
                 target=Actor("Ukraine", 7, 14, code=target), date=date, confidence=0.5 + n / 10)


def test_identical_events_collapse_with_a_count():
    merged = merge_mentions([_event(n, "190", "2022-03-01") for n in (1, 2, 3)])
    assert len(merged) == 1
    assert merged[0].mentions == 3
    assert merged[0].id == "a-1"


def test_different_date_code_or_target_stay_apart():
    events = [_event(1, "190", "2022-03-01"), _event(2, "190", "2022-03-02"), _event(3, "195", "2022-03-01"),
              _event(4, "190", "2022-03-01", target="POL")]
    assert len(merge_mentions(events)) == 4


def test_dedupe_keeps_one_event_per_clause_dyad_and_root():
    from dragoman.events.merge import dedupe_sentence

    first, second = _event(1, "190", "2022-03-01"), _event(2, "190", "2022-03-01")
    second.sentence = first.sentence
    assert len(dedupe_sentence([first, second])) == 1  # one act, coded twice
    clauses = {"a-1": 0, "a-2": 7}
    assert len(dedupe_sentence([first, second], lambda e: clauses[e.id])) == 2  # two clauses, two acts


@pytest.mark.model
@pytest.mark.parametrize("text, triggers", [
    # two expulsions in coordinated clauses are two acts
    ("Peru expelled two Chilean diplomats in March, and Peru ordered the Chilean ambassador to leave last week.",
     ["expelled", "ordered"]),
    # a verb and its noun coding one act stay one event
    ("Peru launched an attack on Chile.", ["launched"]),
])
def test_acts_in_coordinated_clauses_stay_apart(code, text, triggers):
    events = code(text, {"Peru": "PER", "Chilean": "CHL", "Chile": "CHL"})
    assert [e.trigger.text for e in events] == triggers
