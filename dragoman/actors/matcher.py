"""A token trie: longest dictionary match starting at a token, at a cost independent of dictionary size."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Generic, TypeVar

import spacy
from spacy.tokenizer import Tokenizer

Value = TypeVar("Value")
_PLAIN = re.compile(r"^[A-Za-z]+( [A-Za-z]+)*$")
_END = "\0"  # never a token text, so it cannot collide with a child key


def norm(text: str) -> str:
    """Token key: typographic apostrophes and dashes folded to ASCII."""
    if text.isascii():  # most words: nothing to fold
        return text
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")


@lru_cache(maxsize=1)
def phrase_tokenizer() -> Tokenizer:
    """The English tokenizer (the same rules the model uses), for splitting dictionary phrases."""
    return spacy.blank("en").tokenizer


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A dictionary phrase as normalized token texts."""
    if _PLAIN.match(phrase):
        # plain words: the tokenizer would only split at spaces, so skip it (a large speed-up on load)
        return tuple(phrase.split())
    return tuple(norm(token.text) for token in phrase_tokenizer()(phrase.strip()) if not token.is_space)


class TokenTrie(Generic[Value]):
    """Maps token sequences to values; a later ``add`` of the same sequence replaces the value."""

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0

    def add(self, tokens: Sequence[str], value: Value) -> None:
        """Insert ``tokens`` -> ``value``."""
        if not tokens:
            return
        node = self.root
        for token in tokens:
            node = node.setdefault(token, {})
        if _END not in node:
            self.size += 1
        node[_END] = value

    def get(self, tokens: Sequence[str]) -> Value | None:
        """The value stored for exactly ``tokens``."""
        node = self.root
        for token in tokens:
            node = node.get(token)
            if node is None:
                return None
        return node.get(_END)

    def longest(self, keys: Sequence[Sequence[str]], start: int) -> tuple[int, Value | None]:
        """Longest match beginning at ``start``; ``keys[i]`` are the acceptable keys of token i.

        Returns (end, value), end exclusive; (start, None) when nothing matches.
        """
        best_end, best_value = start, None
        root = self.root
        if start >= len(keys) or not any(key in root for key in keys[start]):  # most words begin no entry
            return best_end, best_value
        frontier = [root]
        i = start
        while frontier and i < len(keys):
            step = []
            for node in frontier:
                for key in keys[i]:
                    child = node.get(key)
                    if child is not None and all(child is not seen for seen in step):
                        step.append(child)
            i += 1
            for node in step:
                if _END in node:
                    best_end, best_value = i, node[_END]
                    break
            frontier = step
        return best_end, best_value
