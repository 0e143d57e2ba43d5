"""Negation, future intent and conditionals: whether an act happened, and how to code it if not."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dragoman.events.lexicon import PatternLexicon


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    future: bool = False  # future tense, modal or conditional: intended or threatened, not done
    obligation: bool = False  # "must", "should": demanded of the subject, not done
    speculative: bool = False  # "may", "might", "could": a guess about the subject, not its act
    conditional: bool = False  # "if convicted", "unless they withdraw": an act that may never happen

    @property
    def label(self) -> str:
        parts = [name for name, on in (("negated", self.negated), ("future/conditional", self.future)) if on]
        return ", ".join(parts) or "asserted"


def modality(token: Token, lexicon: PatternLexicon) -> Modality:
    """Read negation and future/conditional markers attached to an event's trigger."""
    negations = lexicon.words("negations")
    future_aux = lexicon.words("future_aux") | lexicon.words("modal_aux")
    marks = lexicon.words("conditional_marks")
    obliged = lexicon.words("obligation_aux")
    guesses = lexicon.words("speculative_aux")
    negated = future = obligation = speculative = conditional = False
    holders = [token]
    # "the talks will not resume": markers of a light verb's clause also cover its object noun.
    if token.dep_ in ("dobj", "nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        holders.append(token.head)
    for holder in holders:
        for child in holder.children:
            lower = child.lower_
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "cc", "preconj") and lower in negations):
                negated = True
            # "would no longer defend": an adverb negated in its turn
            if child.dep_ == "advmod" and any(g.dep_ == "neg" or g.lower_ in negations for g in child.children):
                negated = True
            if child.dep_ in ("aux", "auxpass") and (lower in future_aux or child.lemma_.lower() in future_aux):
                future = True
            if child.dep_ == "aux" and lower in obliged:
                obligation = True
            if child.dep_ == "aux" and lower in guesses:
                speculative = True
            if child.dep_ == "mark" and lower in marks:
                future = conditional = True
        # "is going to strike"
        if holder.dep_ == "xcomp" and holder.head.lemma_ == "go" and any(c.dep_ == "aux" for c in holder.head.children):
            future = True
    return Modality(negated, future, obligation, speculative, conditional)


def conditioned(token: Token, lexicon: PatternLexicon) -> bool:
    """Whether an act hangs on a condition put to others: "... unless X holds elections"."""
    marks = lexicon.words("threat_marks")
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in token.children)
