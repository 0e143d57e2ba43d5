"""Events stage: code source-action-target events in CAMEO and PLOVER from the parse.

Interface used by the pipeline: ``EventCoder(extra_files).code(doc, actors, quotes, article_id)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from dragoman.records import Actor, Event, Quote, Trigger

_SIMPLE = {"say": ("010", 0.0, 1), "visit": ("042", 1.9, 1), "accuse": ("112", -2.0, 3), "meet": ("040", 1.0, 1)}


class EventCoder:
    def __init__(self, extra_files: Sequence[Path] = ()) -> None:
        self.extra_files = list(extra_files)

    def code(self, doc: Doc, actors: list[Actor], quotes: list[Quote], article_id: str) -> list[Event]:
        by_start = {a.start: a for a in actors if a.code}
        events: list[Event] = []
        for s_index, sent in enumerate(doc.sents):
            for token in sent:
                if token.pos_ != "VERB" or token.lemma_ not in _SIMPLE:
                    continue
                subj = [c for c in token.children if c.dep_ == "nsubj"]
                obj = [c for c in token.children if c.dep_ == "dobj"]
                source = by_start.get(subj[0].idx) if subj else None
                if source is None:
                    continue
                target = by_start.get(obj[0].idx) if obj else None
                cameo, goldstein, quad = _SIMPLE[token.lemma_]
                events.append(Event(
                    id=f"{article_id[:12]}-{len(events) + 1}", sentence=s_index,
                    start=sent.start_char, end=sent.end_char,
                    trigger=Trigger(token.text, token.idx, token.idx + len(token.text)),
                    cameo=cameo, cameo_root=cameo[:2], goldstein=goldstein, quad_class=quad,
                    source=source, target=target, rule=f"simple:{token.lemma_}", confidence=0.5,
                ))
        return events
