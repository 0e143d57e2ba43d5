"""The event-date evaluator: its gold reader, trigger lookup, and scoring a small set end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.errors import EvalError
from dragoman.eval.event_dates import EVENT_DATES, evaluate_event_dates, read_event_dates, trigger_offset


def test_shipped_set_reads_and_every_trigger_is_in_its_text() -> None:
    paragraphs = read_event_dates(EVENT_DATES)
    assert 30 <= len(paragraphs) <= 50
    for item in paragraphs:
        for gold in item.events:
            assert trigger_offset(item.text, gold.trigger, gold.n) is not None, (item.id, gold.trigger)


def test_trigger_offset_counts_whole_words() -> None:
    text = "He said the meeting was useful and said little else; she resaid it."
    assert trigger_offset(text, "said", 2) == text.index("said little")
    assert trigger_offset(text, "said", 3) is None


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"id": "x", "published": "2019-03-14", "text": "t", "events": [{"trigger": "met"}]}',
         "'trigger' and a 'date'"),
        ('{"id": "x", "published": "2019-03-14", "text": "t", "events": [{"trigger": "met", "date": "Friday"}]}',
         "not YYYY"),
        ('{"id": "x", "published": "2019-03-14", "text": "t"}', "'events' must be a list"),
        ("not json", "not JSON"),
    ],
)
def test_malformed_gold_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=problem) as error:
        read_event_dates(path)
    assert f"{path}:1" in str(error.value)


@pytest.mark.model
def test_scores_a_small_set(tmp_path: Path) -> None:
    items = [
        {"id": "a", "published": "2019-03-14", "events": [
            {"trigger": "met", "date": "2019-03-12"}, {"trigger": "promised", "date": "2019-03-12"},
            # a wrong gold on purpose: the score must show it
            {"trigger": "condemned", "date": "2019-01"}],
         "text": "The foreign minister met the ambassador in Doha on Tuesday. He also promised a review.\n\n"
                 "Rights groups on Thursday condemned the arrests."},
    ]
    path = tmp_path / "event_dates.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    report = evaluate_event_dates(path, None)
    assert report.counts["gold"] == 3 and report.counts["right"] == 2
    assert report.metrics["event_date.accuracy"] == round(2 / 3, 3)
    assert report.counts["rule.narrative.right"] == 1
    assert any("condemned: 2019-03-14 (verb), gold 2019-01" in note for note in report.notes)
