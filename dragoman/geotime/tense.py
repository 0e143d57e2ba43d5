"""Which way in time a sentence points: the tense of the verb that governs an expression.

News reports mostly look back, so only explicit signs of the future count as future: a future
auxiliary ("will meet Friday") or an infinitive under a verb of intent ("plans to meet Friday").
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

PAST, UNKNOWN, FUTURE = -1, 0, 1


def governing_verb(token: Token) -> Optional[Token]:
    """The nearest verb above a token in the parse (the token itself when it is one)."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def verb_tense(
    verb: Token, future_aux: frozenset[str], future_verbs: frozenset[str], scheduling: frozenset[str] = frozenset()
) -> int:
    """PAST, FUTURE or UNKNOWN from a verb, its auxiliaries and the verb it depends on."""
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    perfect = any(aux.lemma_ == "have" for aux in auxes)  # "would have met": past
    # "has scheduled talks for Friday" still looks ahead; "had scheduled" does not
    present_perfect = perfect and all("Past" not in aux.morph.get("Tense") for aux in auxes)
    if not perfect and any(aux.lower_ in future_aux for aux in auxes):
        return FUTURE
    if verb.lemma_.lower() in scheduling and (not perfect or present_perfect):
        return FUTURE
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in future_verbs and any(
        aux.lower_ == "to" for aux in auxes
    ):
        return FUTURE
    # a participle's own "Past" says nothing: "is heard" is present, "a summit set for April" untensed
    tenses = set() if verb.tag_ == "VBN" else set(verb.morph.get("Tense"))
    for aux in auxes:
        tenses.update(aux.morph.get("Tense"))
    if "Past" in tenses or any(aux.lemma_ == "have" for aux in auxes):
        return PAST
    return UNKNOWN


def tense_at(
    doc: Doc, start: int, end: int, future_aux: frozenset[str], future_verbs: frozenset[str],
    scheduling: frozenset[str] = frozenset(),
) -> int:
    """The tense governing the text between two character offsets of the doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return UNKNOWN
    verb = governing_verb(span.root)
    return verb_tense(verb, future_aux, future_verbs, scheduling) if verb is not None else UNKNOWN
