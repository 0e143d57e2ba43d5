"""Toponyms: place names from NER and the actors list, resolved against the gazetteer.

Mentions come from the NER (GPE/LOC/FAC), the country actors, and the gazetteer matcher for
what the NER missed (``matcher``). A candidate's score starts from its population and kind,
and rises when it agrees with the article: its country is named elsewhere in the article or in
the dateline, or the next name qualifies it ("Paris, Texas": the candidate lies in Texas).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc

from dragoman.nlp import doc_text
from dragoman.geotime.gazetteer import Gazetteer, GazetteerEntry, fold, load_gazetteer
from dragoman.geotime.matcher import ToponymMention, ToponymMatcher
from dragoman.geotime.tables import place_words, time_words
from dragoman.records import Actor, Place

PLACE_LABELS = ("GPE", "LOC", "FAC")
KIND_BONUS = {"country": 3.0, "continent": 3.0, "region": 1.5, "admin1": 0.0, "city": 0.0, "place": 0.0}
ARTICLE_COUNTRY_BONUS = 2.5  # per the share of the article's resolved names in that country
DATELINE_BONUS = 2.0
ALTERNATE_PENALTY = 1.0  # a city known under another name counts as one ten times smaller
QUALIFIER_BONUS = 12.0  # "Paris, Texas" outweighs any population
ADMIN1_BONUS = 2.0  # a city in a state the article names or places other names in ("Springfield" near "Peoria")
NEARBY_BONUS = 1.5  # a city near a place the article names without ambiguity
NEARBY_KM = 150.0
_LOCAL_KINDS = ("city", "admin1", "place")  # what can anchor a story's own geography (not countries)


class PlaceResolver:
    """Finds and resolves the places named in a parsed article."""

    def __init__(self, extra_files: tuple[Path, ...] = ()) -> None:
        extra = tuple(Path(p) for p in extra_files)
        self.gazetteer: Gazetteer = load_gazetteer(extra)
        calendar = time_words()
        calendar_words = frozenset(fold(w) for w in [*calendar["months"], *calendar["weekdays"]])
        self.matcher = ToponymMatcher(self.gazetteer, place_words(extra), calendar_words)

    def mentions(self, doc: Doc, actors: list[Actor]) -> list[ToponymMention]:
        """Each toponym: NER places, country actors, then gazetteer names and demonyms the NER missed."""
        spans: dict[tuple[int, int], ToponymMention] = {}
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS and not self.matcher.eponym(ent):
                start, text = ent.start_char, ent.text
                if text.lower().startswith("the "):
                    start, text = start + 4, text[4:]
                if text.endswith("'s") or text.endswith("’s"):
                    text = text[:-2]
                spans[(start, start + len(text))] = ToponymMention(start, start + len(text), text, "ner")
        for actor in actors:
            if actor.kind == "country" and not any(s <= actor.start < e for s, e in spans):
                spans[(actor.start, actor.end)] = ToponymMention(actor.start, actor.end, actor.text, "actor")
        context = self._article_countries([self.gazetteer.lookup(m.text) for m in spans.values()])
        for mention in self.matcher.find(doc, list(spans), context):
            spans[(mention.start, mention.end)] = mention
        return [m for _, m in sorted(spans.items())]

    def _options(self, mention: ToponymMention) -> list[GazetteerEntry]:
        if mention.source == "demonym":
            place = self.gazetteer.demonym_place(mention.text)
            return [place] if place else []
        return self.gazetteer.lookup(mention.text)

    def extract(self, doc: Doc, actors: list[Actor], dateline: Optional[str]) -> list[Place]:
        """Places named in the article, each resolved to its most likely gazetteer entry."""
        found = self.mentions(doc, actors)
        mentions = [(m.start, m.end, m.text) for m in found]
        candidates = [self._options(m) for m in found]
        context = self._article_countries(candidates)
        dateline_entry = self._dateline_entry(dateline)
        dateline_country = dateline_entry.country if dateline_entry else None
        geography = ArticleGeography.of(candidates, dateline_entry)
        text = doc_text(doc)
        places: list[Place] = []
        for index, ((start, end, name), options) in enumerate(zip(mentions, candidates, strict=False)):
            qualifier = self._qualifier(text, end, mentions, candidates, index)
            local = geography if len({(e.country, e.admin1, e.name) for e in options}) > 1 else None
            best = self.choose(options, context, dateline_country, qualifier, name, local)
            places.append(_place(name, start, end, best))
        return places

    def resolve(
        self, name: str, countries: Optional[Counter] = None, dateline: Optional[str] = None
    ) -> Optional[GazetteerEntry]:
        """The best entry for one name given the article's countries (a Counter of ISO-3)."""
        return self.choose(
            self.gazetteer.lookup(name), countries or Counter(), self._dateline_country(dateline), [], name
        )

    def choose(
        self,
        options: list[GazetteerEntry],
        context: Counter,
        dateline_country: Optional[str],
        qualifier: list[GazetteerEntry],
        name: Optional[str] = None,
        geography: Optional["ArticleGeography"] = None,
    ) -> Optional[GazetteerEntry]:
        """The highest-scoring candidate, or None when there is none."""
        if not options:
            return None
        total = sum(context.values()) or 1
        key = fold(name) if name else None
        own_name = key is not None and key not in self.gazetteer.aliases and any(fold(e.name) == key for e in options)

        def score(entry: GazetteerEntry) -> float:
            value = math.log10(entry.population + 10) + KIND_BONUS.get(entry.kind, 0.0)
            if own_name and entry.kind == "city" and fold(entry.name) != key:
                value -= ALTERNATE_PENALTY  # "Victoria" is a state before it is Hong Kong's old name
            value += ARTICLE_COUNTRY_BONUS * context.get(entry.country, 0) / (total + 2)  # little evidence, little pull
            if dateline_country and entry.country == dateline_country:
                value += DATELINE_BONUS
            if geography is not None and entry.kind == "city":
                value += geography.bonus(entry)
            for q in qualifier:
                if q.kind == "country" and q.country == entry.country and entry.kind != "country":
                    value += QUALIFIER_BONUS
                elif (
                    q.kind == "admin1"
                    and q.country == entry.country
                    and (entry.admin1 in (None, q.name) and _near(entry, q, 800))
                ):
                    value += QUALIFIER_BONUS
            return value

        return max(options, key=score)

    def _article_countries(self, candidates: list[list[GazetteerEntry]]) -> Counter:
        """Countries of the unambiguous names of the article (a name with one country)."""
        counts: Counter = Counter()
        for options in candidates:
            countries = {e.country for e in options}
            if len(countries) == 1 and options[0].country:
                counts[options[0].country] += 1
            elif options and options[0].kind == "country":
                counts[options[0].country] += 1
        return counts

    def _dateline_country(self, dateline: Optional[str]) -> Optional[str]:
        best = self._dateline_entry(dateline)
        return best.country if best else None

    def _dateline_entry(self, dateline: Optional[str]) -> Optional[GazetteerEntry]:
        if not dateline:
            return None
        return self.choose(self.gazetteer.lookup(dateline), Counter(), None, [], dateline)

    def _qualifier(
        self,
        text: str,
        end: int,
        mentions: list[tuple[int, int, str]],
        candidates: list[list[GazetteerEntry]],
        index: int,
    ) -> list[GazetteerEntry]:
        """Candidates of the name right after a comma ("Paris, Texas")."""
        if index + 1 >= len(mentions):
            return []
        nxt_start = mentions[index + 1][0]
        if not re.fullmatch(r"\s*,\s*", text[end:nxt_start]):
            return []
        return [e for e in candidates[index + 1] if e.kind in ("country", "admin1")]


class ArticleGeography:
    """The article's own geography: the states it names or places unambiguous names in, and the
    points of those names (the dateline's city among them), which pull an ambiguous name their way."""

    def __init__(self, states: set[tuple[str, str]], points: list[GazetteerEntry]) -> None:
        self.states = states
        self.points = points

    @classmethod
    def of(cls, candidates: list[list[GazetteerEntry]], dateline: Optional[GazetteerEntry]) -> "ArticleGeography":
        states: set[tuple[str, str]] = set()
        points: list[GazetteerEntry] = []
        for options in candidates:
            if len(options) != 1 or options[0].kind not in _LOCAL_KINDS:
                continue
            entry = options[0]
            if entry.country and entry.admin1:
                states.add((entry.country, entry.admin1))
            if entry.kind != "admin1":
                points.append(entry)
        if dateline is not None and dateline.kind in ("city", "place"):
            points.append(dateline)
            if dateline.country and dateline.admin1:
                states.add((dateline.country, dateline.admin1))
        return cls(states, points)

    def bonus(self, entry: GazetteerEntry) -> float:
        """How much the article's geography favours a candidate city."""
        value = 0.0
        if entry.country and entry.admin1 and (entry.country, entry.admin1) in self.states:
            value += ADMIN1_BONUS
        if any(p.name != entry.name and _near(entry, p, NEARBY_KM) for p in self.points):
            value += NEARBY_BONUS
        return value


def _near(a: GazetteerEntry, b: GazetteerEntry, km: float) -> bool:
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place(text: str, start: int, end: int, entry: Optional[GazetteerEntry]) -> Place:
    if entry is None:
        return Place(text, start, end, name=None)
    return Place(
        text,
        start,
        end,
        name=entry.name,
        country=entry.country,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
    )


__all__ = ["PlaceResolver", "distance_km", "fold"]
