"""Collapse repeated events: within a sentence, and per story (identical date, dyad and code)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.records import Event


def _code(actor) -> object:  # type: ignore[no-untyped-def]
    return actor.code if actor is not None else None


def dedupe_sentence(events: list[Event], clause_of: Callable[[Event], object] = lambda event: None) -> list[Event]:
    """One event per (clause, source, target, root) in a sentence: the most confident, then the finest code.

    ``clause_of`` names the clause an event's trigger stands in: a verb and a noun coding one act
    ("launched an attack") share a clause and collapse; "X expelled envoys in March, and X ordered
    an envoy out last month" are two acts in two coordinated clauses and stay two.
    """
    kept: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (event.sentence, clause_of(event), _code(event.source), _code(event.target), event.cameo_root)
        current = kept.get(key)
        if current is None or (event.confidence, len(event.cameo)) > (current.confidence, len(current.cameo)):
            kept[key] = event
    return sorted(kept.values(), key=lambda e: (e.sentence, e.trigger.start))


def merge_mentions(events: list[Event]) -> list[Event]:
    """Identical (date, source code, target code, CAMEO code) in one article become one event
    whose ``mentions`` counts them; the first mention keeps its offsets and rule."""
    merged: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (event.date, _code(event.source), _code(event.target), event.cameo)
        first = merged.get(key)
        if first is None:
            merged[key] = event
        else:
            first.mentions += event.mentions
            first.confidence = max(first.confidence, event.confidence)
    return list(merged.values())
