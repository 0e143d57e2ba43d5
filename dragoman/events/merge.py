"""Collapse repeated events: within a sentence, and per story (identical date, dyad and code); stable ids."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.records import Event


def _code(actor) -> object:  # type: ignore[no-untyped-def]
    if actor is None:
        return None
    return actor.code or f"---{actor.sector or ''}"  # a generic actor: its sector, no country


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


def assign_ids(events: list[Event], article_id: str) -> None:
    """Stable ids: ``<article id[:16]>-<trigger start>-<trigger end>-<CAMEO code>``.

    An event keeps its id when the article is coded again and the event comes out the same (the
    review loop's decisions hang on these ids), whatever else changed around it. Two events of one
    trigger and code (one act, two targets) are told apart by ``~2``, ``~3`` in text order.
    """
    prefix = article_id[:16]  # 64 bits: no two articles of a store share it in practice
    seen: dict[str, int] = {}
    for event in events:
        base = f"{prefix}-{event.trigger.start}-{event.trigger.end}-{event.cameo}"
        seen[base] = seen.get(base, 0) + 1
        event.id = base if seen[base] == 1 else f"{base}~{seen[base]}"
