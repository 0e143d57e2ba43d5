"""What kind of thing a noun phrase names: the sense constraints of patterns test these.

A pattern may require the kind of its subject or object (``subject_kinds``, ``object_kinds`` in
verbs.yaml): arresting or releasing is done to people, not to exports or statements; a politician
"attacking" another politician or a plan criticizes (111), troops attacking a town use force (190).
Kinds come from the actor stage's mentions (their kind and sector), the parser's entity types,
pronouns, and the word lists of settings.yaml (``person_nouns``, ``group_nouns``, ``place_nouns``).

Kinds: ``person``, ``group`` (people in the plural, crowds, numbers of people), ``organization``,
``country``, ``place``, ``political`` (an actor in politics: a sector of ``political_sectors``, a
party or legislature, a government person), ``armed`` (military, police, rebels and their
weapons), ``thing`` (words, documents, goods, figures: a plan, exports, a statement). A phrase
of no known kind satisfies every constraint: a constraint refuses only what it knows to be wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dragoman.events.roles import ActorIndex

if TYPE_CHECKING:  # the lexicon module reads KINDS from here
    from dragoman.events.lexicon import PatternLexicon

KINDS = frozenset({"person", "group", "organization", "country", "place", "political", "armed", "thing"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "me", "us", "you", "them", "himself", "herself",
                              "themselves", "i", "we", "they", "who", "whom"})
_ENTITY_KINDS = {"PERSON": "person", "NORP": "group", "ORG": "organization", "GPE": "place", "LOC": "place",
                 "FAC": "place"}
_ACTOR_KINDS = {"person": "person", "pronoun": "person", "group": "group", "organization": "organization",
                "country": "country"}


@dataclass(frozen=True)
class KindWords:
    """The word lists kinds are read from, normalized once per coder (sectors upper-case)."""

    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    place_nouns: frozenset[str]
    armed_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    political: frozenset[str]
    armed_sectors: frozenset[str]

    @classmethod
    def of(cls, lexicon: PatternLexicon) -> KindWords:
        words = lexicon.words
        return cls(
            words("person_nouns"), words("group_nouns"), words("place_nouns"), words("armed_nouns"),
            words("thing_nouns"), frozenset(w.upper() for w in words("political_sectors")),
            frozenset(w.upper() for w in words("armed_sectors")),
        )


class TokenKinds:
    """The kinds of the phrases headed by tokens of one document (each token's worked out once)."""

    def __init__(self, index: ActorIndex, words: KindWords) -> None:
        self.index = index
        self.words = words
        self._known: dict[int, frozenset[str]] = {}

    def of(self, token: Token) -> frozenset[str]:
        """Every kind the phrase headed by ``token`` is."""
        found = self._known.get(token.i)
        if found is None:
            found = self._known[token.i] = self._kinds(token)
        return found

    def _kinds(self, token: Token) -> frozenset[str]:
        words = self.words
        kinds: set[str] = set()
        lemma = token.lemma_.lower()
        # the phrase's own head word first: "the correspondent of the news agency" is a person
        # even where the actor stage took the kind of the agency
        own_word = lemma in words.person_nouns or lemma in words.group_nouns
        actor = self.index.at(token)
        if actor is not None:
            if not own_word and actor.kind in _ACTOR_KINDS:
                kinds.add(_ACTOR_KINDS[actor.kind])
            sectors = set((actor.sector or "").split()) - {""}
            # a coded person with no sector is a dictionary figure (a candidate between offices)
            if sectors & words.political or (actor.kind == "person" and actor.code and not sectors):
                kinds.add("political")
            if sectors & words.armed_sectors:
                kinds.add("armed")
        lower = token.lower_
        entity = _ENTITY_KINDS.get(token.ent_type_)
        if entity:
            kinds.add(entity)
        if token.pos_ == "PRON" and lower in _PERSON_PRONOUNS:
            kinds.add("person")
        if token.pos_ == "NUM" or lemma in words.group_nouns or lower in words.group_nouns:
            kinds.add("group")
        if lemma in words.person_nouns:
            kinds.add("person" if token.tag_ in ("NN", "NNP") else "group")
        if lemma in words.place_nouns:
            kinds.add("place")
        if lemma in words.armed_nouns:
            kinds.add("armed")
        if lemma in words.thing_nouns:
            kinds.add("thing")
        return frozenset(kinds)  # empty: not known, and no constraint refuses it
