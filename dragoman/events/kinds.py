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

from spacy.tokens import Token

from dragoman.events.roles import ActorIndex

KIND_WORD_LISTS = ("person_nouns", "group_nouns", "place_nouns", "armed_nouns", "thing_nouns", "political_sectors",
                   "armed_sectors")
KINDS = frozenset({"person", "group", "organization", "country", "place", "political", "armed", "thing"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "me", "us", "you", "them", "himself", "herself",
                              "themselves", "i", "we", "they", "who", "whom"})
_ENTITY_KINDS = {"PERSON": "person", "NORP": "group", "ORG": "organization", "GPE": "place", "LOC": "place",
                 "FAC": "place"}
_ACTOR_KINDS = {"person": "person", "pronoun": "person", "group": "group", "organization": "organization",
                "country": "country"}


class TokenKinds:
    """The kinds of the phrases headed by tokens of one document."""

    def __init__(self, index: ActorIndex, words: dict[str, frozenset[str]]) -> None:
        self.index = index
        self.person_nouns = words["person_nouns"]
        self.group_nouns = words["group_nouns"]
        self.place_nouns = words["place_nouns"]
        self.armed_nouns = words["armed_nouns"]
        self.thing_nouns = words["thing_nouns"]
        self.political = frozenset(w.upper() for w in words["political_sectors"])
        self.armed_sectors = frozenset(w.upper() for w in words["armed_sectors"])

    def of(self, token: Token) -> frozenset[str]:
        """Every kind the phrase headed by ``token`` is."""
        kinds: set[str] = set()
        lemma = token.lemma_.lower()
        # the phrase's own head word first: "the correspondent of the news agency" is a person
        # even where the actor stage took the kind of the agency
        own_word = lemma in self.person_nouns or lemma in self.group_nouns
        actor = self.index.at(token)
        if actor is not None:
            if not own_word and actor.kind in _ACTOR_KINDS:
                kinds.add(_ACTOR_KINDS[actor.kind])
            sectors = set((actor.sector or "").split()) - {""}
            # a coded person with no sector is a dictionary figure (a candidate between offices)
            if sectors & self.political or (actor.kind == "person" and actor.code and not sectors):
                kinds.add("political")
            if sectors & self.armed_sectors:
                kinds.add("armed")
        lower = token.lower_
        entity = _ENTITY_KINDS.get(token.ent_type_)
        if entity:
            kinds.add(entity)
        if token.pos_ == "PRON" and lower in _PERSON_PRONOUNS:
            kinds.add("person")
        if token.pos_ == "NUM" or lemma in self.group_nouns or lower in self.group_nouns:
            kinds.add("group")
        if lemma in self.person_nouns:
            kinds.add("person" if token.tag_ in ("NN", "NNP") else "group")
        if lemma in self.place_nouns:
            kinds.add("place")
        if lemma in self.armed_nouns:
            kinds.add("armed")
        if lemma in self.thing_nouns:
            kinds.add("thing")
        return frozenset(kinds)  # empty: not known, and no constraint refuses it
