"""Toponyms the NER missed: capitalised spans the gazetteer knows, and place adjectives.

spaCy's small model tags many towns as ORG or PERSON, or not at all, and keeps the place inside
"the U.S. Centers for Disease Control". Each capitalised run of tokens is looked up, longest
first; a match is kept only when it is a strong place (a country, a first-level division, a
region, or a city of ``CITY_POPULATION``+) or a town in a country the article already names, and
it passes the guards against people and common words (see ``_acceptable``). Adjectives listed as
demonyms ("Syrian") become mentions of their place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from dragoman.geotime.gazetteer import Entry, Gazetteer, fold

MAX_TOKENS = 5
CITY_POPULATION = 100_000  # a city this large is taken without other evidence
TOWN_POPULATION = 1_000  # a town is taken when its country is already named in the article
STRONG_KINDS = frozenset({"country", "admin1", "region", "continent"})
SKIP_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE", "LAW"})


@dataclass(frozen=True)
class Mention:
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

    def find(self, doc: Doc, taken: list[tuple[int, int]], countries: Counter) -> list[Mention]:
        """Mentions outside ``taken``; ``countries`` are the article's countries so far (ISO-3 counts)."""
        people = _person_words(doc)
        tokens = list(doc)  # one Token object per word for the whole scan
        capital = [_capitalised(t) for t in tokens]
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            starts = capital[i] and tokens[i].pos_ != "DET" and tokens[i].lower_ not in self.connectors
            match = self._match_at(doc, i, taken, countries, people, tokens, capital) if starts else None
            if match is None:
                i += 1
                continue
            found.append(match[0])
            i = match[1]
        return found

    def _match_at(
        self, doc: Doc, i: int, taken: list[tuple[int, int]], countries: Counter, people: set[str],
        tokens: list[Token], capital: list[bool],
    ) -> Optional[tuple[Mention, int]]:
        for end in range(self._run_end(tokens, capital, i), i, -1):
            if not capital[end - 1]:
                continue
            span = doc[i:end]
            start_char, end_char = span.start_char, span.end_char  # read once: `taken` can be long
            if any(s < end_char and start_char < e for s, e in taken):
                continue
            text = span.text
            demonym = self.gazetteer.demonym_place(text) if text[:1].isupper() else None
            if demonym is not None and self._is_adjective(span):
                return Mention(start_char, end_char, text, "demonym"), end
            options = self.gazetteer.lookup(text) if demonym is None else []
            if options and self._acceptable(span, options, countries, people):
                return Mention(start_char, end_char, text, "gazetteer"), end
        return None

    def _run_end(self, tokens: list[Token], capital: list[bool], i: int) -> int:
        """End of the run of capitalised words (and inner connectors) starting at token i."""
        end = i + 1
        while end < len(tokens) and end - i < MAX_TOKENS and tokens[end - 1].whitespace_ in ("", " "):
            token = tokens[end]
            if capital[end] or (
                token.lower_ in self.connectors and end + 1 < len(tokens) and capital[end + 1]
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

    def _acceptable(self, span: Span, options: list[Entry], countries: Counter, people: set[str]) -> bool:
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


def _capitalised(token: Token) -> bool:
    """A word that starts with a capital: "Paris", "U.S.", "KwaZulu", "WASHINGTON"."""
    return token.text[:1].isupper() and not token.is_punct


def _strong_only(options: list[Entry]) -> bool:
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
