"""A faster stand-in for the English pipeline's ``attribute_ruler``, with the same output.

The ruler that ships with ``en_core_web_sm`` maps tags to coarse parts of speech and morphology with
about 180 Matcher patterns; running them through spaCy's general Matcher costs ~10 ms per 600-word
article, a tenth of the whole parse. Almost all of those patterns test one token's TAG, LOWER, DEP or
IS_SPACE, so which rules fire depends only on that small signature: ``AttributeTable`` works the answer
out once per distinct signature and then applies the ruler's own attribute sets, in the ruler's order
(later rules win), through spaCy's own ``set_token_attrs``.

It understands the pattern forms those rules use (equality, ``IN``, ``NOT_IN``, ``REGEX`` on a few
token attributes, fixed-length sequences). ``compile_rules`` returns ``None`` for a ruler with
anything else, and the original ruler is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Optional

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# the token attributes a rule may test, with how a signature column turns back into the value tested
_COLUMNS: dict[str, int] = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH, "TEXT": ORTH}
_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})
# word-valued columns: a word no rule names stands for every such word, which keeps the signatures few
_OPEN_COLUMNS = frozenset({LOWER, ORTH})
_OTHER = 0  # the hash a signature uses for "a word no rule names"
_MAX_NAMED = 200_000  # words remembered as named or not (~30 MB), then forgotten and learnt again


def _supported(element: dict[str, Any]) -> bool:
    for key, value in element.items():
        if key not in _COLUMNS:
            return False
        if isinstance(value, dict) and (len(value) != 1 or not set(value) <= _OPERATORS):
            return False
    return True


def _operand(value: Any) -> Any:
    if isinstance(value, dict):
        (operator, operand), = value.items()
        return {operator: re.compile(operand) if operator == "REGEX" else frozenset(operand)}
    return value


class _Element:
    """One token of a rule's pattern: a test per attribute."""

    def __init__(self, element: dict[str, Any]) -> None:
        self.tests = [(_COLUMNS[key], _operand(value)) for key, value in element.items()]

    def matches(self, values: dict[int, Any]) -> bool:
        for column, expected in self.tests:
            actual = values[column]
            if actual is None:  # a word no rule names: equal to nothing, in no list, matched by no regex
                if isinstance(expected, dict) and "NOT_IN" in expected:
                    continue
                return False
            if isinstance(expected, dict):
                (operator, operand), = expected.items()
                if operator == "IN" and actual not in operand:
                    return False
                if operator == "NOT_IN" and actual in operand:
                    return False
                if operator == "REGEX" and not operand.search(actual):
                    return False
            elif actual != expected:
                return False
        return True


class AttributeTable:
    """Applies an ``AttributeRuler``'s rules, decided once per token signature."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.set_rules([], [])

    def set_rules(self, rules: list[tuple[int, list[_Element], int]], attrs: list[dict]) -> None:
        """Rules as (rule number, elements, index of the token that gets the attributes), and each
        rule number's normalized attributes."""
        self.single = [(rule_id, elements[0]) for rule_id, elements, _ in rules if len(elements) == 1]
        self.multi = [(rule_id, elements, index) for rule_id, elements, index in rules if len(elements) > 1]
        self.attrs = attrs
        self.columns = sorted({column for _, elements, _ in rules for e in elements for column, _ in e.tests})
        self._words: dict[int, tuple[frozenset[str], list[re.Pattern]]] = {}
        for _, elements, _ in rules:
            for element in elements:
                for column, expected in element.tests:
                    if column in _OPEN_COLUMNS:
                        words, regexes = self._words.setdefault(column, (frozenset(), []))
                        if isinstance(expected, dict) and "REGEX" in expected:
                            regexes.append(expected["REGEX"])
                        else:
                            named = expected if isinstance(expected, dict) else {"": {expected}}
                            self._words[column] = (words | next(iter(named.values())), regexes)
        self._named: dict[tuple[int, int], int] = {}  # (column, word hash) -> the hash or _OTHER
        self._fired: dict[tuple, tuple[int, ...]] = {}  # signature -> single-token rules that fire
        self._first: dict[tuple, tuple[int, ...]] = {}  # signature -> multi-token rules it may start
        self._element: dict[tuple, bool] = {}  # (rule, position, signature) -> does the element match
        self._merged: dict[tuple[int, ...], dict] = {}  # rules that fire on a token -> their combined attrs

    def _values(self, signature: tuple, strings: Any) -> dict[int, Any]:
        return {
            column: bool(value) if column == IS_SPACE else None if value == _OTHER and column in _OPEN_COLUMNS
            else strings[value]
            for column, value in zip(self.columns, signature, strict=True)
        }

    def _signatures(self, doc: Doc) -> list[tuple]:
        """Each token's values in ``self.columns``, words no rule names folded to ``_OTHER``."""
        rows = doc.to_array(self.columns).tolist()
        open_columns = [(k, c) for k, c in enumerate(self.columns) if c in _OPEN_COLUMNS]
        if not open_columns:
            return [tuple(row) for row in rows]
        if len(self._named) > _MAX_NAMED:
            self._named.clear()  # new words keep coming in a long run; the cache must not grow with them
        named, strings = self._named, doc.vocab.strings
        for row in rows:
            for k, column in open_columns:
                key = (column, row[k])
                folded = named.get(key)
                if folded is None:
                    word = strings[row[k]]
                    words, regexes = self._words[column]
                    keep = word in words or any(r.search(word) for r in regexes)
                    folded = named[key] = row[k] if keep and row[k] != _OTHER else _OTHER
                row[k] = folded
        return [tuple(row) for row in rows]

    def _single(self, signature: tuple, strings: Any) -> tuple[int, ...]:
        fired = self._fired.get(signature)
        if fired is None:
            values = self._values(signature, strings)
            fired = self._fired[signature] = tuple(rule_id for rule_id, e in self.single if e.matches(values))
        return fired

    def _starts(self, signature: tuple, strings: Any) -> tuple[int, ...]:
        """The multi-token rules (by position in ``self.multi``) whose first element this token matches."""
        starts = self._first.get(signature)
        if starts is None:
            starts = self._first[signature] = tuple(
                number for number, (_, elements, _) in enumerate(self.multi)
                if self._element_matches(number, 0, elements[0], signature, strings)
            )
        return starts

    def _element_matches(self, rule: int, position: int, element: _Element, signature: tuple, strings: Any) -> bool:
        key = (rule, position, signature)
        found = self._element.get(key)
        if found is None:
            found = self._element[key] = element.matches(self._values(signature, strings))
        return found

    def _combined(self, rule_ids: tuple[int, ...]) -> dict:
        merged = self._merged.get(rule_ids)
        if merged is None:
            merged = {}
            for rule_id in sorted(rule_ids):  # the ruler applies rules in the order they were added
                merged.update(self.attrs[rule_id])
            self._merged[rule_ids] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings  # signatures are string hashes, the same in every StringStore
        signatures = self._signatures(doc)
        fired: list[tuple[int, ...]] = [self._single(s, strings) for s in signatures]
        if self.multi:
            for start, signature in enumerate(signatures):
                for number in self._starts(signature, strings):
                    rule_id, elements, index = self.multi[number]
                    end = start + len(elements)
                    if end <= len(signatures) and all(
                        self._element_matches(number, k, elements[k], signatures[start + k], strings)
                        for k in range(1, len(elements))
                    ):
                        fired[start + index] = fired[start + index] + (rule_id,)
        for i, rule_ids in enumerate(fired):
            if rule_ids:
                set_token_attrs(doc[i], self._combined(rule_ids))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def compile_rules(ruler: AttributeRuler) -> Optional[list[tuple[int, list[_Element], int]]]:
    """``ruler``'s rules for ``AttributeTable.set_rules``, or ``None`` when one uses a form it does not handle."""
    rules = []
    for rule_id, rule in enumerate(ruler.patterns):
        for pattern in rule["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return None
            if not all(isinstance(e, dict) and "OP" not in e and _supported(e) for e in pattern):
                return None
            index = rule["index"]
            if not -len(pattern) <= index < len(pattern):
                return None  # the ruler itself raises for these; let it
            rules.append((rule_id, [_Element(e) for e in pattern], index % len(pattern)))
    return rules


@Language.factory("dragoman_attribute_table")
def _make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    # an empty table, filled by use_attribute_table; a factory keeps the pipeline a normal spaCy pipeline
    return AttributeTable(nlp.vocab)


def use_attribute_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap ``nlp``'s attribute ruler for the equivalent table; False (nothing changed) when it cannot."""
    ruler = nlp.get_pipe(name) if name in nlp.pipe_names else None
    rules = compile_rules(ruler) if isinstance(ruler, AttributeRuler) else None
    if ruler is None or rules is None:
        return False
    nlp.replace_pipe(name, "dragoman_attribute_table")
    nlp.get_pipe(name).set_rules(rules, list(ruler.attrs))
    return True
