"""Toponyms the NER missed: capitalised spans the gazetteer knows, and place adjectives.

spaCy's small model tags many towns as ORG or PERSON, or not at all, and keeps the place inside
"the U.S. Centers for Disease Control". Each capitalised run of tokens is looked up, longest
first; a match is kept only when it is a strong place (a country, a first-level division, a
region, or a city of ``CITY_POPULATION``+) or a town in a country the article already names, and
it passes the guards against people and common words (see ``_acceptable``). Adjectives listed as
demonyms ("Syrian") become mentions of their place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from typing import Optional

from spacy.tokens import Doc, Span

from dragoman.geotime.gazetteer import Gazetteer, GazetteerEntry, fold
from dragoman.nlp import doc_text

MAX_TOKENS = 5
CITY_POPULATION = 100_000  # a city this large is taken without other evidence
TOWN_POPULATION = 1_000  # a town is taken when its country is already named in the article
STRONG_KINDS = frozenset({"country", "admin1", "region", "continent"})
SKIP_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE", "LAW"})


@dataclass(frozen=True)
class ToponymMention:
    """A toponym found in the text, with where it came from (ner|actor|gazetteer|demonym)."""

    start: int
    end: int
    text: str
    source: str


class ToponymMatcher:
    """Finds gazetteer names and demonyms in a parsed article, outside the spans already taken."""

    def __init__(self, gazetteer: Gazetteer, words: dict, calendar_words: frozenset[str]) -> None:
        self.gazetteer = gazetteer
        self.common = {fold(w) for w in words["common_words"]} | set(calendar_words)
        self.connectors = set(words["name_connectors"])
        self.titles = set(words["titles"])
        self.eponym_heads = set(words["eponym_heads"])

    def find(self, doc: Doc, taken: list[tuple[int, int]], countries: Counter) -> list[ToponymMention]:
        """Mentions outside ``taken``; ``countries`` are the article's countries so far (ISO-3 counts)."""
        people = _person_words(doc)
        words = _Words(doc)
        blocked = _Overlaps(taken)
        found: list[ToponymMention] = []
        i = 0
        while i < len(words.texts):
            starts = words.capital[i] and words.poses[i] != "DET" and words.lowers[i] not in self.connectors
            match = self._match_at(doc, i, blocked, countries, people, words) if starts else None
            if match is None:
                i += 1
                continue
            found.append(match[0])
            i = match[1]
        return found

    def _match_at(
        self, doc: Doc, i: int, blocked: _Overlaps, countries: Counter, people: set[str], words: _Words,
    ) -> Optional[tuple[ToponymMention, int]]:
        for end in range(self._run_end(words, i), i, -1):
            if not words.capital[end - 1]:
                continue
            start_char = words.starts[i]
            end_char = words.starts[end - 1] + len(words.texts[end - 1])
            if blocked.overlaps(start_char, end_char):
                continue
            text = words.text[start_char:end_char]
            demonym = self.gazetteer.demonym_place(text) if text[:1].isupper() else None
            if demonym is not None and self._is_adjective(doc[i:end]):
                return ToponymMention(start_char, end_char, text, "demonym"), end
            options = self.gazetteer.lookup(text) if demonym is None else []
            if options and self._acceptable(doc[i:end], options, countries, people):
                return ToponymMention(start_char, end_char, text, "gazetteer"), end
        return None

    def _run_end(self, words: _Words, i: int) -> int:
        """End of the run of capitalised words (and inner connectors) starting at token i."""
        end = i + 1
        size = len(words.texts)
        while end < size and end - i < MAX_TOKENS:
            if words.capital[end] or (
                words.lowers[end] in self.connectors and end + 1 < size and words.capital[end + 1]
            ):
                end += 1
            else:
                break
        return end

    def _is_adjective(self, span: Span) -> bool:
        return span[0].ent_type_ not in SKIP_LABELS and not self.eponym(span)

    def eponym(self, span: Span) -> bool:
        """The name qualifies a disease or the like: "West Nile virus", "Lyme disease"."""
        after = span.doc[span.end] if span.end < len(span.doc) else None
        return after is not None and after.lower_ in self.eponym_heads

    def _acceptable(self, span: Span, options: list[GazetteerEntry], countries: Counter, people: set[str]) -> bool:
        """Whether a gazetteer match is a place here, not a person, a word or part of another name."""
        key = fold(span.text)
        if key in self.common or self.eponym(span):
            return False
        if any(t.ent_type_ in SKIP_LABELS for t in span):
            return False
        if len(span) == 1 and span[0].is_upper and len(span.text) <= 3 and not _strong_only(options):
            return False  # acronyms stand for places only through the aliases
        if any(t.pos_ not in ("PROPN", "PUNCT", "ADP", "DET", "CCONJ") and not t.is_upper for t in span):
            return False
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lower_.rstrip(".") in self.titles:
            return False
        if len(span) == 1 and span[0].is_stop and not span[0].is_upper:
            return False  # "As", "For" opening a sentence or a headline
        person = span[0].ent_type_ == "PERSON" or span[-1].ent_type_ == "PERSON"
        if person and key in people:
            return False  # "Kent" of "Ann Kent": a surname used alone
        # towns are matched by their own name; alternate names of cities are too noisy ("Franklin")
        primary = [e for e in options if e.kind != "city" or fold(e.name) == key or key in self.gazetteer.aliases]
        strong = any(e.kind in STRONG_KINDS or e.population >= CITY_POPULATION for e in primary)
        if person or (span[0].ent_type_ and not _whole_entity(span)):
            return strong  # a person's name, or a word inside a longer name ("Taco Bell Canada")
        return strong or any(e.population >= TOWN_POPULATION and countries.get(e.country, 0) > 0 for e in primary)


class _Words:
    """The token columns the scan reads, from attribute arrays: no Token object per word."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        orth, lower, pos, punct, starts = doc.to_array(["ORTH", "LOWER", "POS", "IS_PUNCT", "IDX"]).T.tolist()
        self.text = doc_text(doc)
        self.texts = [strings[h] for h in orth]
        self.lowers = [strings[h] for h in lower]
        self.poses = [strings[h] for h in pos]
        self.starts: list[int] = starts
        # a word that starts with a capital: "Paris", "U.S.", "KwaZulu", "WASHINGTON"
        self.capital = [text[:1].isupper() and not is_punct for text, is_punct in zip(self.texts, punct, strict=True)]


class _Overlaps:
    """Whether a character span overlaps any of ``spans`` (which may overlap each other), by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Some span begins before ``end`` and ends after ``start``."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


def _strong_only(options: list[GazetteerEntry]) -> bool:
    return any(e.kind in STRONG_KINDS for e in options)


def _whole_entity(span: Span) -> bool:
    """The span is exactly one named entity."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return span[0].ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in span[1:]) and (nxt is None or nxt.ent_iob_ != "I")


def _person_words(doc: Doc) -> set[str]:
    """Folded words of the article's multi-word person names: a surname alone is that person."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(fold(t.text) for t in ent if t.is_alpha)
    return words
