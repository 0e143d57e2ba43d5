"""Source and targets of a coded act: the verb's subject and objects, a noun's "by" phrase and
modifiers, complements' agents, and reversed roles ("X received arms from Y")."""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.events.clauses import Coded
from dragoman.events.grammar import EventGrammar, is_verb
from dragoman.events.roles import (
    ActorIndex,
    EventRole,
    actors_of,
    find_source,
    find_targets,
    noun_source,
    others,
    target_tokens,
)
from dragoman.nlp.syntax import AGENT, subject_of
from dragoman.records import Actor


def event_roles(coded: Coded, index: ActorIndex, grammar: EventGrammar) -> tuple[EventRole, list[Actor]]:
    """The source role and target actors of a coded verb or noun."""
    token = coded.event_token
    preps = (*coded.pattern.targets, *[p for p in grammar.target_preps if p not in coded.pattern.targets])
    if not is_verb(token):
        source = noun_source(token, index, grammar.source_preps, grammar.culpable)
        candidates = target_tokens(token, [p for p in preps if p not in grammar.source_preps], False)
        return source, find_targets(candidates, index, source.actors, _venue_preps(coded, grammar))
    source = find_source(token, index, grammar.speech, grammar.stative, generic=True)
    subject, _how = subject_of(token, AGENT, grammar.stative)
    if subject is not None and subject.lemma_.lower() in grammar.mishaps:
        source = EventRole([], "mishap")  # "killed by the airline's crash": no one's act
    if coded.pattern.inverse:
        return inverse_roles(token, index, grammar)
    if not source.actors and coded.code[:2] in grammar.fire_roots:
        source = _origin(token, index, grammar) or source
    victims: list[Token] = []
    if not source.actors:
        noun = _compound_head(token)
        if noun is not None:
            source = noun_source(noun, index, grammar.source_preps)
            # "children were killed in Israeli tank shelling": the shelling's targets
            victims = [c for c in token.head.children if c.dep_ == "nsubjpass"]
    if not source.actors and coded.pattern.kind == "noun":
        for obj in token.children:
            if obj.dep_ == "dobj":
                source = noun_source(obj, index, grammar.source_preps)
                break
    candidates = target_tokens(token, preps) + victims
    # then the phrases inside the object and prepositional nouns: "advised against travel to
    # Tunisia", "held talks with Ankara"
    for obj in token.children:
        if obj.dep_ in ("dobj", "prep"):
            noun = obj if obj.dep_ == "dobj" else next((p for p in obj.children if p.dep_ == "pobj"), None)
            if noun is not None:
                candidates += target_tokens(noun, preps, passive_ok=False)
    for child in token.children:
        if child.dep_ == "xcomp" and child is not coded.complement:
            candidates += target_tokens(child, grammar.target_preps)
    if coded.complement is not None:
        comp = coded.complement
        if is_verb(comp):
            subj, _how = subject_of(comp, AGENT)
            if subj is not None and subj.i != (subject_of(token, AGENT).token or token).i:
                candidates.append(subj)
        candidates += target_tokens(comp, grammar.target_preps)
    return source, find_targets(candidates, index, source.actors, _venue_preps(coded, grammar))


def _venue_preps(coded: Coded, grammar: EventGrammar) -> frozenset[str]:
    """Where a meeting or a statement happens ("talks in Geneva") is its venue, not its target; a
    protest or an attack in a city is aimed at that place (roots 09 and up keep it)."""
    return grammar.location_preps if coded.code[:2] < "09" else frozenset()


def _compound_head(verb: Token) -> Token | None:
    """The noun before a gerund the parser split off a noun phrase: in "killed in Israeli tank
    shelling", "shelling" hangs on "killed" while "Israeli tank" is left as the phrase. The gerund
    has no subject or object, and the noun right before it closes a phrase of the same head."""
    if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ != "NOUN" or noun.dep_ not in ("pobj", "dobj") or not noun.is_alpha:
        return None
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun if holder.i == verb.head.i else None


def _origin(verb: Token, index: ActorIndex, grammar: EventGrammar) -> EventRole | None:
    """Where fire came from, for a passive act with no agent: "was fired at it from the Gaza Strip"."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in grammar.origin_preps:
            actors = actors_of(next((c for c in prep.children if c.dep_ == "pobj"), None), index)
            if actors:
                return EventRole(actors, "origin")
    return None


def inverse_roles(verb: Token, index: ActorIndex, grammar: EventGrammar) -> tuple[EventRole, list[Actor]]:
    """"X received weapons from Y": Y is the source, X the target."""
    givers: list[Actor] = []
    for holder in (verb, *[c for c in verb.children if c.dep_ == "dobj"]):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in grammar.giver_preps:
                givers = actors_of(next((c for c in prep.children if c.dep_ == "pobj"), None), index)
                if givers:
                    break
        if givers:
            break
    receiver = find_source(verb, index, grammar.speech, grammar.stative, generic=True)
    return EventRole(givers, "inverse"), others(receiver.actors, givers)
