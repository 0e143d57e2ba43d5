"""Finer codes from an act's purpose: a protest "for independence" is 1414, a demand to "end
curbs on the press" 1051. Cues and tables live in ``data/patterns/purposes.yaml``."""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.events.lexicon import PatternLexicon
from dragoman.events.matcher import contains, words

# Dependents that name who acts, not what the act is for.
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


def _marked(child: Token) -> bool:
    """A clause opened by a subordinator ("unless", "after", "if"): circumstance, not purpose."""
    return child.dep_ == "advcl" and any(c.dep_ == "mark" for c in child.children)


def purpose_words(token: Token) -> list[tuple[str, str]]:
    """(lemma, text) of the act's own phrases: its subtree without its subject, agent, conditions
    and time clauses ("... unless X ends the blockade") and names."""
    skip = {t.i for child in token.children if child.dep_ in _AGENT_DEPS or _marked(child) for t in child.subtree}
    return words([t for t in token.subtree if t.i not in skip and t.pos_ != "PROPN"])


def refine(code: str, token: Token, lexicon: PatternLexicon) -> tuple[str, str | None]:
    """The finer code for ``code`` by the purpose words around ``token``, and the purpose found."""
    table = lexicon.refinements.get(code)
    if not table:
        return code, None
    seq = purpose_words(token)
    for purpose, finer in table:
        if any(contains(seq, cue) for cue in lexicon.purposes[purpose]):
            return finer, purpose
    return code, None
