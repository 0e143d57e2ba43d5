"""Event date and place: the verb's expression, the sentence's, the article's; prep phrase, dateline, target."""

from __future__ import annotations

from typing import Optional

import pytest

from dragoman.geotime import PlaceResolver, TimeTagger, event_date, locate_events
from dragoman.records import Actor, ArticleMeta, Event, Trigger

STORY_DATE = "2019-03-14"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2019-03-12", ("2019-03-12", "day")),
        ("2019-03-10TNI", ("2019-03-10", "day")),
        ("2019-W10", ("2019-W10", "week")),
        ("2018-06", ("2018-06", "month")),
        ("2018-SU", ("2018-06", "month")),
        ("2018-Q3", ("2018-07", "month")),
        ("2014", ("2014", "year")),
        ("PRESENT_REF", (STORY_DATE, "day")),
        ("P3D", None),
        ("PAST_REF", None),
        (None, None),
    ],
)
def test_event_date_from_value(value: Optional[str], expected) -> None:  # type: ignore[no-untyped-def]
    assert event_date(value, STORY_DATE) == expected


def _event(text: str, trigger: str, quad: int = 1, target: Optional[Actor] = None) -> Event:
    start = text.index(trigger)
    return Event(
        "x-1", 0, 0, len(text), Trigger(trigger, start, start + len(trigger)), "040", "04", 1.0, quad, target=target
    )


def _locate(nlp, text: str, event: Event, dateline: Optional[str] = None) -> Event:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    meta = ArticleMeta(id="x", published=STORY_DATE, dateline=dateline)
    times = TimeTagger().extract(doc, STORY_DATE)
    places = PlaceResolver().extract(doc, [], dateline)
    locate_events([event], doc, times, places, meta)
    return event


@pytest.mark.model
@pytest.mark.parametrize(
    "text, trigger, date, precision, rule",
    [
        ("The two ministers met in Geneva on Tuesday.", "met", "2019-03-12", "day", "verb"),
        # the meeting is reported, in the past: an earlier act than the saying on Tuesday
        ("On Tuesday, officials said the envoy had met rebel leaders.", "met", STORY_DATE, "day", "article"),
        ("On Tuesday, officials said the envoy had met rebel leaders.", "said", "2019-03-12", "day", "verb"),
        ("Prices rose sharply last week.", "rose", "2019-W10", "week", "verb"),
        ("The envoy met rebel leaders.", "met", STORY_DATE, "day", "article"),
        # the date inside the event's own clause, not the nearer one of the clause before it
        ("Latvia expelled two envoys in March, and Lithuania ordered the ambassador to leave last month.",
         "ordered", "2019-02", "month", "clause"),
        # a date that describes a noun dates that noun's clause, not the act
        ("The ministers agreed to widen sanctions against officials accused of rigging the August election.",
         "agreed", STORY_DATE, "day", "article"),
        ("The rebels, who began their insurgency in 2009, attacked an army base.",
         "attacked", STORY_DATE, "day", "article"),
    ],
)
def test_event_date_rules(geo_nlp, text, trigger, date, precision, rule) -> None:  # type: ignore[no-untyped-def]
    event = _locate(geo_nlp, text, _event(text, trigger))
    assert (event.date, event.date_precision, event.date_rule) == (date, precision, rule)


def _date_in_story(nlp, text: str, trigger: str) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    """Date the act at the last occurrence of ``trigger`` in a story of several sentences."""
    doc = nlp(text)
    start = text.rindex(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand")[0].sent
    event = Event("x-1", 0, sent.start_char, sent.end_char, Trigger(trigger, start, start + len(trigger)),
                  "040", "04", 1.0, 1)
    times = TimeTagger().extract(doc, STORY_DATE)
    locate_events([event], doc, times, [], ArticleMeta(id="x", published=STORY_DATE))
    return event.date, event.date_precision, event.date_rule


@pytest.mark.model
@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a reported present is the saying itself: the report's time dates it
        ("The ministry said on Tuesday that it rejects the proposal.", "rejects", ("2019-03-12", "day", "report")),
        # a reported past act keeps its own time, and the saying keeps its own
        ("The minister said on Tuesday that police had arrested the activists in January.", "arrested",
         ("2019-01", "month", "verb")),
        ("The minister said on Tuesday that police had arrested the activists in January.", "said",
         ("2019-03-12", "day", "verb")),
        # the reported act's time does not date the saying
        ("The minister said police arrested the activists in January.", "said", (STORY_DATE, "day", "article")),
        # a conjunct without a subject of its own shares its head's clause
        ("Addressing parliament last month, the minister defended the budget and promised new taxes.",
         "promised", ("2019-02", "month", "clause")),
        # the time a sentence set carries to the next one in the paragraph ...
        ("On Tuesday, the foreign minister met the ambassador in Doha. Afterwards the minister promised a review.",
         "promised", ("2019-03-12", "day", "narrative")),
        # ... and across a paragraph break when the next one opens as a continuation
        ("On Tuesday, the foreign minister met the ambassador in Doha.\n\nHe also promised a review of the cases.",
         "promised", ("2019-03-12", "day", "narrative")),
        ("On Tuesday, the foreign minister met the ambassador in Doha.\n\nThe opposition criticized the visit.",
         "criticized", (STORY_DATE, "day", "article")),
        # a past act is never dated after the article: the coming Friday is not its time
        ("The leaders will meet on Friday in Vienna. They agreed on the agenda.", "agreed",
         (STORY_DATE, "day", "article")),
        # a reported future with no time of its own takes the saying's date, however the saying got it
        ("Russia accused Washington on Wednesday of planning an intervention. Lavrov told reporters that "
         "Moscow would oppose any use of force.", "oppose", ("2019-03-13", "day", "report")),
        # "X did Y on Tuesday, the military said" sets Tuesday for the paragraph
        ("North Korea launched a missile on Tuesday, the military said. Japan lodged a protest.", "lodged",
         ("2019-03-12", "day", "narrative")),
        # the gerund of an accusation is an act of its own: its weekend is not the accusation's
        ("The spokesman accused the rebels of violating the truce over the weekend.", "accused",
         (STORY_DATE, "day", "article")),
        # a year that modifies a noun dates the noun
        ("Seoul would consider suspending a 2018 military agreement.", "consider", (STORY_DATE, "day", "article")),
        # a week is a week
        ("During a visit to Doha last week, the secretary of state criticized the detentions.", "criticized",
         ("2019-W10", "week", "verb")),
    ],
)
def test_narrative_time(geo_nlp, text: str, trigger: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert _date_in_story(geo_nlp, text, trigger) == expected


@pytest.mark.model
def test_place_in_prepositional_phrase(geo_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The two sides held talks in Geneva on Tuesday."
    event = _locate(geo_nlp, text, _event(text, "held"), dateline="Moscow")
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.rule) == ("Geneva", "CHE", "prep-phrase")


@pytest.mark.model
def test_dateline_city_for_a_local_event(geo_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested three protesters on Wednesday."
    event = _locate(geo_nlp, text, _event(text, "arrested"), dateline="Moscow")
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.rule) == ("Moscow", "RUS", "dateline")


@pytest.mark.model
def test_target_country_for_material_conflict(geo_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Warplanes bombed rebel positions, the ministry said."
    target = Actor("rebel", 0, 0, country="YEM")
    event = _locate(geo_nlp, text, _event(text, "bombed", quad=4, target=target))
    assert event.location is not None
    assert (event.location.country, event.location.rule) == ("YEM", "target-country")


@pytest.mark.model
def test_no_location_without_evidence(geo_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister praised the agreement."
    assert _locate(geo_nlp, text, _event(text, "praised")).location is None


@pytest.mark.model
def test_the_datelines_date_is_the_storys_not_the_events(geo_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "ANKARA, March 14 (Harbor Post) - Turkey accused Greece on Tuesday of violating its airspace."
    event = _locate(geo_nlp, text, _event(text, "accused"), dateline="Ankara")
    assert (event.date, event.date_rule) == ("2019-03-12", "verb")


@pytest.mark.model
@pytest.mark.parametrize("text, background", [
    ("The two ministers met in Geneva on Tuesday.", False),
    ("The two ministers met in Geneva in 2010.", True),  # history the story recalls
    ("The two ministers met in Geneva last year.", False),
])
def test_an_act_dated_over_a_year_before_the_story_is_background(geo_nlp, text, background):  # type: ignore[no-untyped-def]
    event = _locate(geo_nlp, text, _event(text, "met"))
    assert event.background is background
