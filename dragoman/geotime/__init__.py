"""Time and place stage: temporal expressions, toponyms, and each event's date and location.

Interface used by the pipeline:
``TimeTagger().extract(doc, published) -> list[TimeExpr]``,
``PlaceResolver().extract(doc, actors, dateline) -> list[Place]`` and
``locate_events(events, doc, times, places, meta) -> None`` (sets date and location in place).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from dragoman.records import Actor, ArticleMeta, Event, Place, TimeExpr


class TimeTagger:
    def extract(self, doc: Doc, published: Optional[str]) -> list[TimeExpr]:
        return [TimeExpr(e.text, e.start_char, e.end_char, None, "DATE") for e in doc.ents if e.label_ == "DATE"]


class PlaceResolver:
    def extract(self, doc: Doc, actors: list[Actor], dateline: Optional[str]) -> list[Place]:
        return [Place(e.text, e.start_char, e.end_char, name=e.text) for e in doc.ents if e.label_ in {"GPE", "LOC"}]


def locate_events(events: list[Event], doc: Doc, times: list[TimeExpr], places: list[Place], meta: ArticleMeta) -> None:
    for event in events:
        if event.date is None and meta.published:
            event.date, event.date_precision, event.date_rule = meta.published, "day", "article"
