"""An article's text cut into runs for highlighting: where actors, quotes, times, places and event
triggers start and end, by the record's own character offsets.

Spans overlap (an actor inside a quote, a trigger inside both), so the text is cut at every span
boundary and each run carries the kinds of every span that covers it. The template escapes each
run's text; nothing here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("quote", "actor", "trigger", "time", "place")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    label: str  # what the span was coded as, shown on hover
    ref: str = ""  # the element it explains ("event-3"), if any


@dataclass
class Run:
    text: str
    start: int
    end: int
    spans: list[Span] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({s.kind for s in self.spans}, key=KINDS.index)

    @property
    def label(self) -> str:
        return "; ".join(s.label for s in self.spans)

    @property
    def ref(self) -> str:
        return next((s.ref for s in self.spans if s.ref), "")


def record_spans(record: dict[str, Any]) -> list[Span]:
    """Every highlighted span of an article record (``ArticleRecord.to_dict()``)."""
    spans: list[Span] = []
    for actor in record.get("actors", []):
        spans.append(Span(actor["start"], actor["end"], "actor",
                          f"actor {actor.get('name') or actor['text']} [{actor.get('code') or '?'}]"))
    for quote in record.get("quotes", []):
        speaker = (quote.get("speaker") or {}).get("name") or (quote.get("speaker") or {}).get("text") or "?"
        spans.append(Span(quote["start"], quote["end"], "quote", f"{quote['kind']} quote by {speaker}"))
    for event in record.get("events", []):
        trigger = event["trigger"]
        spans.append(Span(trigger["start"], trigger["end"], "trigger",
                          f"event {event['cameo']} {event.get('cameo_label') or ''} ({event['rule']})".strip(),
                          ref=f"event-{event['id']}"))
    for time in record.get("times", []):
        spans.append(Span(time["start"], time["end"], "time", f"time {time.get('value') or '?'}"))
    for place in record.get("places", []):
        spans.append(Span(place["start"], place["end"], "place",
                          f"place {place.get('name') or place['text']} [{place.get('country') or '?'}]"))
    return spans


def runs(text: str, spans: list[Span]) -> list[Run]:
    """``text`` cut at every boundary of ``spans`` (clipped to the text); runs cover it all, in order."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    result = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in valid if s.start <= start and end <= s.end]
        result.append(Run(text[start:end], start, end, covering))
    return result
