"""Each event's date and place, from the expressions and toponyms around its trigger.

Date: the story's own timeline (``dragoman.geotime.narrative``: the verb's own expression, its
clause's, the reporting clause's when it is the same act, the sentence's, the time a paragraph or
run of sentences set), else the article date ("article", inferred). Place: a toponym in a prepositional
phrase of the event ("prep-phrase"), else the dateline city when the sentence names no other
country ("dateline"), else the target's country for material conflict ("target-country").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from dragoman.geotime.calendar import value_precision
from dragoman.geotime.gazetteer import GazetteerEntry, load_gazetteer
from dragoman.geotime.narrative import EventDater, NarrativeWords
from dragoman.geotime.tables import time_words
from dragoman.geotime.toponyms import PlaceResolver
from dragoman.ingest import dateline_span
from dragoman.nlp import doc_text
from dragoman.nlp.speech import load_speech_verbs
from dragoman.records import ArticleMeta, Event, Location, Place, TimeExpr

MATERIAL_CONFLICT = 4
_SEASON_MONTH = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}


def event_date(value: Optional[str], published: Optional[str]) -> Optional[tuple[str, str]]:
    """(date, precision) of a TIMEX3 value usable as an event date; None for durations and vague ones."""
    if value == "PRESENT_REF":
        return (published, "day") if published else None
    precision = value_precision(value)
    if value is None or precision is None:
        return None
    if precision == "day":
        return value[:10], "day"
    if precision == "week":
        return value[:8], "week"
    match = re.match(r"^(\d{4})-(Q|H)(\d)$", value)
    if match:
        month = (int(match.group(3)) - 1) * (3 if match.group(2) == "Q" else 6) + 1
        return f"{match.group(1)}-{month:02d}", "month"
    season = _SEASON_MONTH.get(value[5:7])
    if season:
        return f"{value[:4]}-{season:02d}", "month"
    if precision == "month":
        return value[:7], "month"
    return value[:4], "year"


def _token(doc: Doc, start: int, end: int) -> Optional[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


@lru_cache(maxsize=1)
def narrative_words() -> NarrativeWords:
    """The word lists narrative time reads, once per process."""
    words = time_words()
    return NarrativeWords(
        future_aux=frozenset(words["future_auxiliaries"]),
        future_verbs=frozenset(words["future_verbs"]),
        speech_verbs=load_speech_verbs(),
        continuation_openers=frozenset(words["continuation_openers"]),
        content_prepositions=frozenset(words["content_prepositions"]),
    )


def _long_before(value: Optional[str], published: Optional[str]) -> bool:
    """Whether an event date (of any precision) ends more than a year before the article's date."""
    if not value or not published or len(published) < 4 or not value[:4].isdigit():
        return False
    year, story_year = int(value[:4]), int(published[:4])
    if len(value) == 4:  # "2010": the whole year ends before the year before the story begins
        return year < story_year - 1
    if len(published) < 7:
        return year < story_year - 1
    return value[:7] < f"{story_year - 1}{published[4:7]}"


def _in_prep_phrase(place_root: Token, trigger: Token) -> bool:
    """The place hangs from the trigger through a preposition ("talks in Geneva")."""
    token, saw_prep = place_root, False
    for _ in range(5):
        if token.dep_ == "prep" or token.dep_ == "pobj" and token.head.dep_ == "prep":
            saw_prep = True
        if token.head is token:
            return False
        token = token.head
        if token == trigger:
            return saw_prep or token.head == trigger
        if token.pos_ == "VERB":
            return False
    return False


def _location(entry: GazetteerEntry, name: str, rule: str) -> Location:
    return Location(name=entry.name or name, country=entry.country, lat=entry.lat, lon=entry.lon,
                    geonameid=entry.geonameid, rule=rule)


def _place_location(place: Place, rule: str) -> Location:
    return Location(name=place.name or place.text, country=place.country, lat=place.lat, lon=place.lon,
                    geonameid=place.geonameid, rule=rule)


def locate_events(
    events: list[Event],
    doc: Doc,
    times: list[TimeExpr],
    places: list[Place],
    meta: ArticleMeta,
    resolver: Optional[PlaceResolver] = None,
) -> None:
    """Set date, date_precision, date_rule and location on each event, in place.

    ``resolver`` (the one that found ``places``) resolves the dateline; a default one when omitted.
    """
    filed = dateline_span(doc_text(doc)) if meta.dateline else None
    dated = [(t, d) for t in times if (d := event_date(t.value, meta.published)) is not None
             and not (filed and filed[0] <= t.start < filed[1])]  # the dateline's date is the story's
    gazetteer = load_gazetteer()
    if meta.dateline and resolver is None:
        resolver = PlaceResolver()
    dateline_entry = resolver.resolve(meta.dateline) if meta.dateline and resolver is not None else None
    resolved = [p for p in places if p.lat is not None]
    dater = EventDater(doc, dated, meta.published, narrative_words())
    for event in events:
        found = dater.date(event)
        if found:
            event.date, event.date_precision, event.date_rule = found
        elif meta.published:
            event.date, event.date_precision, event.date_rule = meta.published, "day", "article"
        event.location = _event_location(event, doc, resolved, dateline_entry, gazetteer.countries)
        if _long_before(event.date, meta.published):
            event.mark_background()  # "the 2003 invasion", "talks in 2010": history the story recalls


def _event_location(
    event: Event,
    doc: Doc,
    places: list[Place],
    dateline: Optional[GazetteerEntry],
    countries: dict[str, GazetteerEntry],
) -> Optional[Location]:
    trigger = _token(doc, event.trigger.start, event.trigger.end)
    in_sentence = [p for p in places if event.start <= p.start and p.end <= event.end]
    if trigger is not None:
        for place in in_sentence:
            root = _token(doc, place.start, place.end)
            if root is not None and _in_prep_phrase(root, trigger):
                return _place_location(place, "prep-phrase")
    if dateline is not None:
        named = Counter(p.country for p in in_sentence)
        if not named or set(named) == {dateline.country}:
            return _location(dateline, dateline.name, "dateline")
    if event.quad_class == MATERIAL_CONFLICT and event.target is not None and event.target.country in countries:
        return _location(countries[event.target.country], event.target.country, "target-country")
    return None
