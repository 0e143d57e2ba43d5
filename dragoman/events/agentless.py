"""Acts reported with no one named as their doer: "110 people were arrested", "a bomb exploded near
the market", "gun attacks left seven dead". Which of them are coded with no source is data
(``agentless_roots``, ``happening_verbs``, ``lasting_event_nouns``, ``mishap_nouns`` in settings.yaml)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from dragoman.events.clauses import Coded
from dragoman.events.grammar import EventGrammar, is_verb

AGENTLESS_RULE = "agentless-"  # an event's rule: "agentless-passive>coerce.arrest"
CAUSE_RULE = AGENTLESS_RULE + "cause-noun"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# what may suffer an act with no named doer: people, groups, forces, places, bodies ("shares were
# hit" is a market's day, not an attack)
_SUFFERERS = frozenset({"person", "group", "armed", "place", "organization", "political"})


def agentless_reason(coded: Coded, grammar: EventGrammar,
                     kinds: Callable[[Token], frozenset[str]] | None = None) -> str | None:
    """How the sentence reports the act as something that happened without naming its doer
    ("passive", "subject-word", "happening-noun", "cause-noun"), or None when it does not."""
    if coded.pattern.family or coded.code[:2] not in grammar.agentless_roots:
        return None
    token = coded.event_token
    if is_verb(token):
        if any(c.dep_ == "agent" for c in token.children):
            return None  # "by ..." names a doer we could not resolve: not ours to drop
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
            sufferer = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            found = kinds(sufferer) if kinds is not None and sufferer is not None else frozenset()
            # a name is someone or somewhere ("Kharkiv was shelled"); a common noun must be known to suffer
            if sufferer is not None and not found & _SUFFERERS and sufferer.pos_ != "PROPN":
                return None
            how = "passive"
        elif coded.pattern.subject:
            how = "subject-word"  # the subject is one of the pattern's words (a bomb, warplanes, gunmen), no actor
        else:
            return None
    else:
        if token.lemma_.lower() in grammar.lasting_nouns:
            return None
        if token.dep_ in _SUBJECTS and token.head.lemma_.lower() in grammar.happening:
            how = "happening-noun"  # "clashes broke out", "a grenade attack killed ten"
        elif _cause_of_harm(token):
            how = "cause-noun"  # "were killed in a car bomb explosion"
        else:
            return None
    sentence = _words(token.sent)
    if sentence & grammar.mishaps or sentence & grammar.disaster_cues:
        return None  # "killed when their bus plunged off a bridge", "injured in the eruption"
    if token.lemma_.lower() in grammar.needs_cause and not _words(_story_so_far(token)) & grammar.violence_cues:
        return None  # harm with no weapon or attacker named may be an accident's
    return how


def _cause_of_harm(noun: Token) -> bool:
    """A noun in a phrase that tells how victims of a passive verb came to harm: "were injured in five
    grenade attacks", "was killed in a car bomb explosion"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by"):
        return False
    verb = prep.head
    return is_verb(verb) and any(c.dep_ == "nsubjpass" for c in verb.children)


def _words(tokens: Iterable[Token]) -> set[str]:
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}


def _story_so_far(token: Token) -> list[Token]:
    """The sentence and the one before it: "A grenade exploded ... Police said the blast rocked the
    village" names the weapon once."""
    sent = token.sent
    start = sent.start
    if start > 0:
        start = token.doc[start - 1].sent.start
    return list(token.doc[start:sent.end])
