"""Speaker resolution: pick the actor that covers a speaker phrase, or keep the phrase itself."""

from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc

from dragoman.nlp import doc_text
from dragoman.records import Actor


class SpeakerIndex:
    """The actors of one article, sorted by offset for overlap look-ups."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = sorted(actors, key=lambda a: (a.start, a.end))
        self.starts = [a.start for a in self.actors]
        self.longest = max((a.end - a.start for a in self.actors), default=0)

    def overlapping(self, start: int, end: int) -> list[Actor]:
        """Actors whose span overlaps [start, end)."""
        first = bisect_left(self.starts, start - self.longest)
        found = []
        for actor in self.actors[first:]:
            if actor.start >= end:
                break
            if actor.end > start:
                found.append(actor)
        return found

    def resolve(self, doc: Doc, span: tuple[int, int], head: Optional[int]) -> Actor:
        """The actor covering the speaker phrase (token span ``span``); a bare Actor when none does."""
        start_char = doc[span[0]].idx
        last = doc[span[1] - 1]
        end_char = last.idx + len(last.text)
        candidates = self.overlapping(start_char, end_char)
        if candidates:
            if head is not None:
                head_token = doc[head]
                on_head = [a for a in candidates if a.start <= head_token.idx < a.end]
                if on_head:
                    candidates = on_head
            # Resolved mentions first, then the longest: "the minister" over a nested "Russia".
            return max(candidates, key=lambda a: (a.code is not None or a.name is not None
                                                  and a.kind in ("pronoun", "nominal", "person"),
                                                  a.end - a.start))
        return Actor(doc_text(doc)[start_char:end_char], start_char, end_char)
