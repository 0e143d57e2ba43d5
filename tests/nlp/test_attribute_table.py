"""The attribute table must give exactly what spaCy's attribute ruler gives, only faster."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dragoman.nlp import numpy_blas_is_fast
from dragoman.nlp.attribute_table import AttributeTable, compile_rules, use_attribute_table

COLUMNS = [POS, MORPH, LEMMA, TAG, DEP, HEAD]

# own sentences, chosen to reach the shipped ruler's rarer rules: contractions, expletive "there",
# pronoun case by dependency, "but" as an adverb, whitespace tokens
SENTENCES = [
    "Foreign Minister Sergei Lavrov said on Tuesday that Moscow would not withdraw its troops.",
    "\"We ain't gonna let 'em walk away,\" a spokesman told reporters. Let's see, he added.",
    "There is no deal yet, but there were talks in Geneva, officials said.\n\nI told him and it failed.",
    "Y'all gotta come back, c'mon, the mayor said of the flooded villages.  It was all but over.",
    "The United Nations Security Council did not vote.  Neither side has signed, and both do.",
    "",
]


def _annotations(doc: Doc) -> tuple[list, list[str]]:
    return doc.to_array(COLUMNS).tolist(), [str(t.morph) for t in doc]


@pytest.fixture(scope="module")
def shipped():
    from dragoman.nlp import load_nlp

    return load_nlp(tuned=False)


@pytest.mark.model
def test_tuned_pipeline_swaps_the_ruler_and_the_blas(nlp, shipped) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(shipped.get_pipe("attribute_ruler"), AttributeRuler)
    assert nlp.pipe_names == shipped.pipe_names
    # numpy's BLAS where it is an optimized one (the numpy wheels bring OpenBLAS), BLIS as shipped
    assert nlp.get_pipe("parser").model.ops.use_blis is not numpy_blas_is_fast()
    assert shipped.get_pipe("parser").model.ops.use_blis


@pytest.mark.model
@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_the_shipped_ruler(shipped, text: str) -> None:
    # the same parse goes through the shipped ruler and through a table made from it
    ruler = shipped.get_pipe("attribute_ruler")
    table = AttributeTable(shipped.vocab)
    table.set_rules(compile_rules(ruler), list(ruler.attrs))
    parsed = shipped(text, disable=["attribute_ruler", "lemmatizer", "ner"])
    assert _annotations(table(parsed.copy())) == _annotations(ruler(parsed.copy()))


def _ruler(patterns: list[dict]) -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    return nlp


def _doc(nlp: spacy.Language) -> Doc:
    words = ["Officials", "did", "n't", "say", "it", ",", "but", "it", "is", "over", " ", "now"]
    tags = ["NNS", "VBD", "RB", "VB", "PRP", ",", "CC", "PRP", "VBZ", "RB", "_SP", "RB"]
    deps = ["nsubj", "aux", "neg", "ROOT", "dobj", "punct", "cc", "nsubj", "conj", "advmod", "dep", "advmod"]
    heads = [3, 3, 3, 3, 3, 3, 3, 8, 3, 8, 9, 8]
    return Doc(nlp.vocab, words=words, spaces=[True] * 12, tags=tags, deps=deps, heads=heads)


# small rule sets, each exercising one part of the matcher semantics the table reimplements
RULE_SETS = {
    "later rules win": [
        {"patterns": [[{"TAG": "RB"}]], "attrs": {"POS": "ADV", "MORPH": "Degree=Pos"}},
        {"patterns": [[{"TAG": "RB", "LOWER": {"IN": ["n't", "not"]}}]], "attrs": {"POS": "PART", "LEMMA": "not"}},
    ],
    "not in and dependency": [
        {"patterns": [[{"LOWER": "it", "DEP": {"NOT_IN": ["nsubj"]}}]], "attrs": {"MORPH": "Case=Acc"}},
        {"patterns": [[{"TAG": {"NOT_IN": ["RB", "VB"]}, "DEP": {"IN": ["aux", "conj"]}}]], "attrs": {"POS": "AUX"}},
        # words no rule names ("now", "over") are still "not in" a list of named ones
        {"patterns": [[{"TAG": "RB", "LOWER": {"NOT_IN": ["it", "but", "n't"]}}]], "attrs": {"MORPH": "Degree=Pos"}},
    ],
    "regex and sequences": [
        {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
        {"patterns": [[{"LOWER": "did"}, {"LOWER": "n't"}]], "attrs": {"LEMMA": "do"}, "index": 0},
        {"patterns": [[{"TAG": "PRP"}, {"TAG": "VBZ"}, {"LOWER": "over"}]], "attrs": {"POS": "ADV"}, "index": -1},
    ],
    "whitespace and text": [
        {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep", "POS": "SPACE"}},
        {"patterns": [[{"TEXT": "Officials"}]], "attrs": {"TAG": "NNPS", "POS": "PROPN"}},
    ],
}


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_same_annotations_as_attribute_ruler(name: str) -> None:
    reference, tuned = _ruler(RULE_SETS[name]), _ruler(RULE_SETS[name])
    assert use_attribute_table(tuned)
    expected = _annotations(reference.get_pipe("attribute_ruler")(_doc(reference)))
    table = tuned.get_pipe("attribute_ruler")
    assert _annotations(table(_doc(tuned))) == expected
    assert _annotations(table(_doc(tuned))) == expected  # again, now from the remembered answers


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "did"}, {"LOWER": "n't", "OP": "?"}],  # quantifiers
        [{"LEMMA": "say"}],  # attributes the table does not read
        [{"LENGTH": {">=": 3}}],  # comparison operators
    ],
)
def test_rulers_it_cannot_follow_are_kept(pattern: list[dict]) -> None:
    nlp = _ruler([{"patterns": [pattern], "attrs": {"POS": "VERB"}}])
    assert not use_attribute_table(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)


def test_pipelines_without_a_ruler_are_left_alone() -> None:
    nlp = spacy.blank("en")
    assert not use_attribute_table(nlp)
    assert nlp.pipe_names == []
