"""An article's text cut into highlight runs at the record's own offsets."""

from __future__ import annotations

from dragoman.web.highlight import Span, record_spans, runs

TEXT = 'Lavrov said "Russia will respond" on Tuesday.'


def test_runs_cover_the_text_exactly_and_carry_every_span_over_them():
    spans = [Span(12, 33, "quote", "quote"), Span(13, 19, "actor", "actor Russia [RUS]"),
             Span(7, 11, "trigger", "event 010", ref="event-x"), Span(0, 6, "actor", "actor Lavrov [RUSGOV]")]
    cut = runs(TEXT, spans)
    assert "".join(r.text for r in cut) == TEXT
    assert all(TEXT[r.start:r.end] == r.text for r in cut)
    russia = next(r for r in cut if r.text == "Russia")
    assert russia.kinds == ["quote", "actor"]
    assert [r.text for r in cut if "quote" in r.kinds] == ['"', "Russia", ' will respond"']
    said = next(r for r in cut if r.text == "said")
    assert (said.kinds, said.ref) == (["trigger"], "event-x")
    assert [r.text for r in cut if not r.spans] == [" ", " ", " on Tuesday."]


def test_spans_outside_the_text_or_empty_are_left_out():
    cut = runs("short", [Span(3, 99, "actor", "x"), Span(2, 2, "time", "y"), Span(-1, 2, "place", "z")])
    assert [(r.text, r.spans) for r in cut] == [("short", [])]


def test_record_spans_reads_every_kind_of_a_stored_record():
    record = {
        "actors": [{"text": "Lavrov", "start": 0, "end": 6, "name": "Sergei Lavrov", "code": "RUSGOV"}],
        "quotes": [{"text": "Russia will respond", "start": 12, "end": 33, "kind": "direct",
                    "speaker": {"name": "Sergei Lavrov", "text": "Lavrov"}}],
        "events": [{"id": "abc-7-11-010", "trigger": {"text": "said", "start": 7, "end": 11}, "cameo": "010",
                    "cameo_label": "Make statement", "rule": "statement.say"}],
        "times": [{"text": "Tuesday", "start": 37, "end": 44, "value": "2019-03-12"}],
        "places": [],
    }
    spans = record_spans(record)
    assert [(s.kind, TEXT[s.start:s.end]) for s in spans] == [
        ("actor", "Lavrov"), ("quote", "\"Russia will respond\""),
        ("trigger", "said"), ("time", "Tuesday")]
    assert spans[2].ref == "event-abc-7-11-010"
    assert spans[0].label == "actor Sergei Lavrov [RUSGOV]"
