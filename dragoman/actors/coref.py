"""Within-document resolution: surnames, nominals ("the minister") and subject pronouns.

``DocContext`` remembers every actor resolved so far in reading order; later mentions look back
through it. Resolution never invents a code: an unresolved pronoun yields no actor at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dragoman.actors.lexicon import ActorGrammar
from dragoman.records import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SINGULAR_KINDS = frozenset({"person"})
PLURAL_KINDS = frozenset({"group", "organization", "country"})
MAX_SENTENCES_BACK = 3  # pronouns reach this many sentences back
MAX_NOMINAL_SENTENCES_BACK = 8


@dataclass
class ActorMention:
    """A resolved actor with what later mentions need to find it."""

    actor: Actor
    kind: str  # person|group|organization|country|place
    sentence: int
    subject: bool
    heads: frozenset[str] = frozenset()  # title heads: "minister", "ministry"
    gender: str | None = None


@dataclass
class DocContext:
    """What one document has said so far."""

    grammar: ActorGrammar
    mentions: list[ActorMention] = field(default_factory=list)
    names: dict[str, list[ActorMention]] = field(default_factory=dict)  # name word -> people so named
    document_country: str | None = None  # the country the whole article is about, when clear
    sentence_countries: dict[int, list[str]] = field(default_factory=dict)  # countries named per sentence

    def country_near(self, sentence: int, exclude: frozenset[str] = frozenset()) -> str | None:
        """The sentence's clear country (see ``dominant_country``); the article's when the sentence names none."""
        codes = [c for c in self.sentence_countries.get(sentence, ()) if c not in exclude]
        if codes:
            return dominant_country(codes)
        if self.document_country in exclude:
            return None
        return self.document_country

    def add(self, mention: ActorMention, name_words: tuple[str, ...] = ()) -> None:
        """Remember a mention, and its name words for later surname lookups."""
        self.mentions.append(mention)
        for word in name_words:
            if len(word) > 1 and word[:1].isupper() and word.lower() not in self.grammar.name_particles:
                self.names.setdefault(word, []).append(mention)

    def by_name(self, words: tuple[str, ...]) -> ActorMention | None:
        """The earlier person every word of a partial name points to, when exactly one does."""
        found: ActorMention | None = None
        for word in words:
            if word.lower() in self.grammar.name_particles:
                continue
            candidates = {(m.actor.name, m.actor.code): m for m in self.names.get(word, [])}
            if len(candidates) != 1:
                return None
            mention = next(iter(candidates.values()))
            if found is not None and (found.actor.name, found.actor.code) != (mention.actor.name, mention.actor.code):
                return None
            found = mention
        return found


    def nominal(self, head: str, kind: str, sector: str | None, sentence: int,
                generic: bool) -> ActorMention | None:
        """The nearest earlier actor "the <head>" refers to: same title head, else same sector and kind."""
        window = [m for m in reversed(self.mentions)
                  if sentence - m.sentence <= MAX_NOMINAL_SENTENCES_BACK and m.actor.code]
        for mention in window:
            if head in mention.heads and _same_kind(mention.kind, kind):
                return mention
        if generic or sector is None:
            return None
        for mention in window:
            if mention.actor.sector and sector in mention.actor.sector.split() and _same_kind(mention.kind, kind):
                return mention
        return None

    def pronoun(self, token: Token, sentence: int, doc: Doc) -> ActorMention | None:
        """The antecedent of a subject pronoun: the subject of the nearest sentence with a fit, else its first fit."""
        spec = self.grammar.pronouns.get(token.lower_)
        if spec is None or token.dep_ not in SUBJECT_DEPS:
            return None
        kinds = SINGULAR_KINDS if spec.get("number") == "sg" else PLURAL_KINDS
        gender = spec.get("gender")
        fits = [m for m in self.mentions
                if m.kind in kinds and m.actor.code and sentence - m.sentence <= MAX_SENTENCES_BACK
                and m.actor.start < token.idx and (m.gender is None or gender is None or m.gender == gender)]
        if not fits:
            return None
        nearest = max(m.sentence for m in fits)
        same = [m for m in fits if m.sentence == nearest]
        subjects = [m for m in same if m.subject]
        if nearest == sentence:
            # within the pronoun's own sentence the closest subject before it is the usual antecedent
            return (subjects or same)[-1]
        return (subjects or same)[0]


def _same_kind(earlier: str, wanted: str) -> bool:
    if wanted == "person":
        return earlier == "person"
    if wanted == "organization":
        return earlier in {"organization", "country"}
    return earlier in {"group", "organization"}


def resolved_copy(antecedent: Actor, text: str, start: int, end: int, kind: str, rule: str) -> Actor:
    """A new mention carrying the antecedent's name and code, at its own offsets."""
    return Actor(
        text=text, start=start, end=end, name=antecedent.name, code=antecedent.code,
        country=antecedent.country, sector=antecedent.sector, kind=kind, rule=rule,
    )


def dominant_country(codes: list[str]) -> str | None:
    """The only country named, or one named at least twice as often as any other; else None."""
    ranked = Counter(codes).most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None
