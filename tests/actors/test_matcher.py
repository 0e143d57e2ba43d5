"""The token trie finds the longest phrase at a position, whatever the dictionary size."""

import pytest

from dragoman.actors.matcher import TokenTrie, phrase_tokens


@pytest.fixture
def trie():
    trie = TokenTrie()
    trie.add(("foreign",), "adj")
    trie.add(("foreign", "minister"), "title")
    trie.add(("prime", "minister"), "pm")
    return trie


@pytest.mark.parametrize(
    "tokens, start, expected",
    [
        (["the", "foreign", "minister", "said"], 1, (3, "title")),
        (["the", "foreign", "ministry"], 1, (2, "adj")),
        (["prime", "time"], 0, (0, None)),
        (["said"], 0, (0, None)),
    ],
)
def test_longest_match(trie, tokens, start, expected):
    assert trie.longest([(t,) for t in tokens], start) == expected


def test_alternative_keys_per_token(trie):
    # a token offers its surface form and its lemma
    assert trie.longest([("foreign",), ("ministers", "minister")], 0) == (2, "title")


def test_later_entry_replaces_earlier(trie):
    trie.add(("prime", "minister"), "override")
    assert trie.get(("prime", "minister")) == "override"
    assert trie.size == 3


@pytest.mark.parametrize("phrase, tokens", [("U.S.", ("U.S.",)), ("al-Qaeda", ("al", "-", "Qaeda")),
                                            ("Côte d’Ivoire", ("Côte", "d'Ivoire"))])
def test_phrase_tokens_follow_the_model_tokenizer(phrase, tokens):
    assert phrase_tokens(phrase) == tokens
