"""Who did what to whom: map parse tokens to actors and find sources and targets of an event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dragoman.nlp.syntax import AGENT, first_child, prep_object, subject_of
from dragoman.records import Actor, Quote

# Dependents of a noun that can name the actor behind it ("Russian troops", "Iran's minister").
_MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod", "appos")
_FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our"})


@dataclass
class EventRole:
    """Actors filling a role, and how they were found (for confidence and explanation)."""

    actors: list[Actor]
    how: str


class ActorIndex:
    """Which actor mention covers a token (character-offset containment)."""

    def __init__(self, doc: Doc, actors: Iterable[Actor], quotes: Iterable[Quote] = ()) -> None:
        self.by_token: dict[int, Actor] = {}
        self.span_of: dict[int, tuple[int, int]] = {}  # token -> token range of the mention covering it
        for actor in sorted(actors, key=lambda a: (a.end - a.start)):  # shorter spans win ties
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                current = self.by_token.get(token.i)
                if current is None or (current.code is None and actor.code is not None):
                    self.by_token[token.i] = actor
                    self.span_of[token.i] = (span.start, span.end)
        self.quotes = [q for q in quotes if q.speaker is not None and q.speaker.code]

    def name_tokens(self, token: Token) -> list[Token]:
        """The tokens of the actor mention covering ``token`` (just ``token`` outside any mention)."""
        start, end = self.span_of.get(token.i, (token.i, token.i + 1))
        return [token.doc[i] for i in range(start, end)]

    def at(self, token: Token) -> Actor | None:
        """The actor mention covering ``token``, resolved or not."""
        return self.by_token.get(token.i)

    def speaker_of(self, token: Token) -> Actor | None:
        """The resolved speaker of the quote that contains ``token``, if any."""
        for quote in self.quotes:
            if quote.start <= token.idx < quote.end:
                return quote.speaker
        return None


def _one(token: Token, index: ActorIndex, depth: int = 0, of_person: bool = False,
         generic: bool = True) -> Actor | None:
    actor = index.at(token)
    if actor is not None and actor.code:
        return actor
    if depth >= 2:
        return None
    # a person nobody has coded is still that person: in "Paul Manafort, Trump's campaign chairman"
    # the possessor is someone else, so no person is borrowed through a possessive ("Sidhoum,
    # Algeria's leading rights activist" still takes Algeria, "Defence Secretary Tom King" his title)
    of_person = of_person or (actor is not None and actor.kind == "person")
    for child in token.children:
        if child.dep_ in _MODIFIER_DEPS:
            found = _one(child, index, depth + 1, of_person)
            if found is not None and not (of_person and child.dep_ == "poss" and found.kind in ("person", "pronoun")):
                return found
    for child in token.children:
        # "the government of Liberia", "rebels in the Ivory Coast"
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _one(pobj, index, depth + 1, of_person)
                    if found is not None:
                        return found
    # nothing coded in the phrase: a generic actor the text names only by its kind ("unidentified
    # gunmen", "protesters", "villagers") still fills the role, with its sector and no country
    return actor if generic and depth == 0 and is_generic(actor) else None


_GENERIC_KINDS = frozenset({"group", "person", "organization"})


def is_generic(actor: Actor | None) -> bool:
    """A group, person or body known only by its sector ("police"): no code, as the text gives no country."""
    return actor is not None and not actor.code and bool(actor.sector) and actor.kind in _GENERIC_KINDS


def _members(token: Token, index: ActorIndex) -> list[Token]:
    """The heads of a coordinated noun phrase: conjuncts, a listed name set off by commas ("the US,
    Russia, and Switzerland" parses Russia as an apposition) and coordinated modifiers ("US and
    British activists")."""
    members = [token, *[c for c in token.conjuncts if c.i > token.i]]
    # A name is one unit: when the small parser splits it ("Barack" as a preposition over "Obama"),
    # the conjuncts of any of its words are the list's other members.
    for word in index.name_tokens(token):
        if word.i != token.i:
            members += [c for c in word.conjuncts if c.i > token.i and c not in members]
    head = index.at(token)
    for child in token.children:
        if child.dep_ in ("appos", "npadvmod") and child.pos_ == "PROPN" and head is not None and head.code:
            named = index.at(child)
            if named is not None and named.code and named.code[:3] != head.code[:3]:
                members += [child, *[c for c in child.conjuncts if c.i > child.i]]
    for child in token.lefts:
        if child.dep_ in ("nmod", "amod", "compound") and any(c.dep_ == "conj" for c in child.children):
            members += [child, *child.conjuncts]
    return members


def actors_of(token: Token | None, index: ActorIndex, generic: bool = True) -> list[Actor]:
    """Resolved actors named by a noun phrase head, one per conjunct ("Iran and Russia"); with
    ``generic``, also actors known only by their sector."""
    if token is None:
        return []
    found: list[Actor] = []
    for member in _members(token, index):
        actor = _one(member, index, generic=generic)
        if actor is not None and all(a.start != actor.start for a in found):
            found.append(actor)
    return found


def _misread_name(verb: Token, index: ActorIndex) -> Token | None:
    """A subject the parser misread as a preposition: "Barack" of "Barack Obama met ..." tagged
    ADP and hung on the verb. A word of a multi-word actor name before the verb is no preposition."""
    for child in verb.lefts:
        if child.pos_ == "ADP" and child.dep_ == "prep" and index.at(child) is not None \
                and len(index.name_tokens(child)) > 1:
            return child
    return None


def find_source(verb: Token, index: ActorIndex, speech_verbs: frozenset[str],
                stative: frozenset[str] = frozenset(), generic: bool = False) -> EventRole:
    """Resolved source actors of a verbal event; pronouns in reported speech fall back to the speaker.
    Generic actors ("protesters") only with ``generic``: a speaker must be someone in particular."""
    token, how = subject_of(verb, AGENT, stative)
    if token is None:
        token = _misread_name(verb, index)
        how = "subject" if token is not None else how
    actors = actors_of(token, index, generic)
    if how == "subject":
        # "Peru, Chile, and Bolivia met": a broken list can leave a second subject on the verb
        for other in verb.children:
            if other.dep_ == "nsubj" and other is not token:
                actors += [a for a in actors_of(other, index, generic) if all(a.start != b.start for b in actors)]
    if actors or token is None:
        return EventRole(actors, how)
    if token.lower_ in _FIRST_PERSON:
        speaker = index.speaker_of(token)
        if speaker is not None:
            return EventRole([speaker], "quote-speaker")
    if token.lower_ in _PRONOUNS:
        # "X said it would ...": an unresolved pronoun in reported speech is taken as the speaker.
        for ancestor in verb.ancestors:
            if ancestor.lemma_.lower() in speech_verbs:
                speaker_token, _ = subject_of(ancestor, AGENT)
                speakers = actors_of(speaker_token, index, False)
                if speakers:
                    return EventRole(speakers, "speech-pronoun")
                break
    return EventRole([], how)


def noun_source(noun: Token, index: ActorIndex, source_preps: frozenset[str],
                culpable: frozenset[str] = frozenset()) -> EventRole:
    """Source of a nominal event: "by" phrase, possessive, or an actor modifying the noun."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in source_preps:
            actors = actors_of(prep_object(child), index)
            if actors:
                return EventRole(actors, "by-phrase")
    for child in noun.children:
        if child.dep_ == "poss":
            actors = actors_of(child, index)
            if actors:
                return EventRole(actors, "possessive")
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod"):
            actor = _one(child, index)
            if actor is not None:
                return EventRole([actor], "modifier")
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            actors = actors_of(prep_object(child), index)
            if len(actors) >= 2:
                return EventRole(actors, "between")
    holder = culprit(noun, culpable)
    if holder is not None:
        actors = actors_of(holder, index)
        if actors:
            return EventRole(actors, "culpable")
    return EventRole([], "none")


def culprit(token: Token, culpable: frozenset[str]) -> Token | None:
    """The subject of "X is responsible for / guilty of <act>": X did the act."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep":
        return None
    adjective = prep.head
    if adjective.lemma_.lower() not in culpable or adjective.dep_ not in ("acomp", "oprd", "attr"):
        return None
    return first_child(adjective.head, "nsubj", "nsubjpass")


def target_tokens(head: Token, preps: Iterable[str], passive_ok: bool = True) -> list[Token]:
    """Candidate target heads in priority order: passive subject, object, dative, prepositional objects."""
    allowed = set(preps)
    found: list[Token] = []
    if passive_ok:
        found += [c for c in head.children if c.dep_ == "nsubjpass"]
        if head.dep_ == "acl" and head.tag_ == "VBN":
            found.append(head.head)
    objects = [c for c in head.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    found += objects
    holders = [head, *objects, *[c for c in head.children if c.dep_ == "nsubjpass"]]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "dative", "prt") and child.lower_ in allowed:
                pobj = prep_object(child)
                if pobj is not None:
                    found.append(pobj)
    return found


def find_targets(candidates: Iterable[Token], index: ActorIndex, sources: list[Actor],
                 location_preps: frozenset[str] = frozenset()) -> list[Actor]:
    """The first candidate that names resolved actors other than the sources; a place after a
    preposition of place ("talks in Geneva") is where the act happened, not a target. Generic actors
    ("villagers") are taken only when no candidate names a coded one."""
    candidates = list(candidates)
    for generic in (False, True):
        for token in candidates:
            actors = others(actors_of(token, index, generic), sources)
            if location_preps:
                at_place = token.dep_ == "pobj" and token.head.lower_ in location_preps
                # a place found inside the phrase ("talks in Geneva") is the venue too
                actors = [a for a in actors if a.kind != "place" or (index.at(token) is a and not at_place)]
            if actors:
                return actors
    return []


_INDIVIDUAL_KINDS = frozenset({"person", "organization"})


def same_entity(a: Actor, b: Actor) -> bool:
    """Whether two mentions name one actor. Two people or bodies of one code are two actors ("Trump
    blasted Clinton", both USAELI in 2016; "Republicans accused Democrats"); a country, a group or a
    pronoun of the same code is taken as the same actor ("Turkey said its troops ...")."""
    if a.start == b.start or (a.name or a.text).lower() == (b.name or b.text).lower():
        return True
    if a.code != b.code or (not a.code and a.sector != b.sector):
        return False
    return not (a.kind in _INDIVIDUAL_KINDS and b.kind in _INDIVIDUAL_KINDS)


def others(actors: Iterable[Actor], of: Iterable[Actor]) -> list[Actor]:
    """``actors`` that are not one of ``of``."""
    of = list(of)
    return [a for a in actors if not any(same_entity(a, b) for b in of)]


def overlap(left: Iterable[Actor], right: Iterable[Actor]) -> bool:
    """Whether some actor is in both."""
    right = list(right)
    return any(same_entity(a, b) for a in left for b in right)
