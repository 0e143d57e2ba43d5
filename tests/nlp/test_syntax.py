"""The subject of a verb, read by the speaker rules of the quotes stage and the agent rules of the
events stage: hand-built parses where the two readings part."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dragoman.nlp.syntax import AGENT, SPEAKER, follows_reported_clause, subject_of


def parse(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from (word, head, dep, tag, pos) rows."""
    words, heads, deps, tags, pos = (list(column) for column in zip(*rows, strict=True))
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


PASSIVE = parse([
    ("The", 1, "det", "DT", "DET"), ("plan", 3, "nsubjpass", "NN", "NOUN"),
    ("was", 3, "auxpass", "VBD", "AUX"), ("rejected", 3, "ROOT", "VBN", "VERB"),
    ("by", 3, "agent", "IN", "ADP"), ("Hungary", 4, "pobj", "NNP", "PROPN"), (".", 3, "punct", ".", "PUNCT"),
])
RELATIVE = parse([
    ("The", 1, "det", "DT", "DET"), ("minister", 6, "nsubj", "NN", "NOUN"),
    ("who", 3, "nsubj", "WP", "PRON"), ("spoke", 1, "relcl", "VBD", "VERB"),
    ("first", 3, "advmod", "RB", "ADV"), (",", 1, "punct", ",", "PUNCT"),
    ("left", 6, "ROOT", "VBD", "VERB"), (".", 6, "punct", ".", "PUNCT"),
])
# "The senator said she didn't want taxes and predicted cuts": "predicted" hangs on "want"
REPORTED = parse([
    ("The", 1, "det", "DT", "DET"), ("senator", 2, "nsubj", "NN", "NOUN"), ("said", 2, "ROOT", "VBD", "VERB"),
    ("she", 6, "nsubj", "PRP", "PRON"), ("did", 6, "aux", "VBD", "AUX"), ("n't", 6, "neg", "RB", "PART"),
    ("want", 2, "ccomp", "VB", "VERB"), ("taxes", 6, "dobj", "NNS", "NOUN"), ("and", 6, "cc", "CC", "CCONJ"),
    ("predicted", 6, "conj", "VBD", "VERB"), ("cuts", 9, "dobj", "NNS", "NOUN"), (".", 2, "punct", ".", "PUNCT"),
])


@pytest.mark.parametrize("doc,verb,speaker,agent", [
    (PASSIVE, 3, "plan", "Hungary"),  # a passive subject speaks; the by-phrase acts
    (RELATIVE, 3, "minister", "who"),  # a relative pronoun stands for its noun only as a speaker
    (REPORTED, 9, "senator", "she"),  # the author's "and predicted" is the cue's, not the clause's
])
def test_the_speaker_and_the_agent_of_a_verb(doc, verb, speaker, agent):
    assert subject_of(doc[verb], SPEAKER).token.text == speaker
    assert subject_of(doc[verb], AGENT).token.text == agent


def test_a_finite_verb_after_a_clause_in_another_form_is_the_author_s():
    assert follows_reported_clause(REPORTED[9])
    assert not follows_reported_clause(REPORTED[6])


def test_no_subject_is_none():
    assert subject_of(PASSIVE[1], AGENT) == (None, "none")
    assert subject_of(PASSIVE[1], SPEAKER).token is None
