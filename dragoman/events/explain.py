"""What the coder saw and decided, sentence by sentence: the data behind ``dragoman explain``."""

from __future__ import annotations

from dataclasses import dataclass, field

from dragoman.records import Actor, Event


@dataclass
class TokenRow:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    head_text: str


@dataclass
class PatternTrial:
    token: int  # token index in the document
    token_text: str
    pattern: str  # pattern id
    cameo: str | None
    matched: bool
    reason: str = ""


@dataclass
class SentenceExplanation:
    index: int
    text: str
    tokens: list[TokenRow] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    trials: list[PatternTrial] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # decisions: modality, missing source, statements


@dataclass
class Explanation:
    sentences: list[SentenceExplanation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    discarded: str | None = None  # topic that made the whole text yield nothing

    def fired_rules(self) -> list[str]:
        """Ids of the patterns that produced events."""
        return [event.rule for event in self.events]
