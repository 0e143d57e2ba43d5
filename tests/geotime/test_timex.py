"""Temporal expressions, normalized against a story dated Thursday 14 March 2019."""

from __future__ import annotations

import pytest

from dragoman.geotime import TimeTagger

STORY_DATE = "2019-03-14"  # a Thursday

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return TimeTagger()


@pytest.mark.parametrize(
    "sentence, text, value, kind, mod",
    [
        # weekdays follow the tense of the verb
        ("The minister resigned on Tuesday.", "Tuesday", "2019-03-12", "DATE", None),
        ("Rebels attacked the convoy Friday.", "Friday", "2019-03-08", "DATE", None),
        ("The two leaders will meet on Saturday.", "Saturday", "2019-03-16", "DATE", None),
        ("The envoy plans to visit Kabul on Monday.", "Monday", "2019-03-18", "DATE", None),
        ("Talks ended on Thursday.", "Thursday", "2019-03-14", "DATE", None),
        ("The army said last Thursday that it had withdrawn.", "last Thursday", "2019-03-07", "DATE", None),
        ("Gunmen stormed a hotel on Sunday night.", "Sunday night", "2019-03-10TNI", "TIME", None),
        # relative to the article date
        ("Police said yesterday that two men were held.", "yesterday", "2019-03-13", "DATE", None),
        ("Prices rose sharply last week.", "last week", "2019-W10", "DATE", None),
        ("The plant closed last June.", "last June", "2018-06", "DATE", None),
        ("The talks collapsed early last month.", "early last month", "2019-02", "DATE", "START"),
        ("The ministry published the figures last January.", "last January", "2019-01", "DATE", None),
        ("Floods hit the region last summer.", "last summer", "2018-SU", "DATE", None),
        ("The ceasefire broke down last fall.", "last fall", "2018-FA", "DATE", None),
        ("Troops are due to leave next month.", "next month", "2019-04", "DATE", None),
        ("Turnout fell this year.", "this year", "2019", "DATE", None),
        ("The dam was built a decade ago.", "a decade ago", "2009", "DATE", "APPROX"),
        ("The mine shut three weeks ago.", "three weeks ago", "2019-W08", "DATE", None),
        ("The company was founded in 2014.", "2014", "2014", "DATE", None),
        # a year before a singular noun names the year, a count needs a plural
        ("He was charged over the 1996 market bombing.", "1996", "1996", "DATE", None),
        ("A 2004 law barred foreign donations.", "2004", "2004", "DATE", None),
        ("Sales fell in the third quarter.", "the third quarter", "2018-Q3", "DATE", None),
        ("The border was closed in February.", "February", "2019-02", "DATE", None),
        ("The border was closed in June.", "June", "2018-06", "DATE", None),
        ("The vote was held on March 2.", "March 2", "2019-03-02", "DATE", None),
        # explicit dates in common formats
        ("The accord was signed on March 3, 2018.", "March 3, 2018", "2018-03-03", "DATE", None),
        ("The summit opened 7 February 2019.", "7 February 2019", "2019-02-07", "DATE", None),
        ("The ballots were counted on 12/05/2017.", "12/05/2017", "2017-12-05", "DATE", None),
        ("Officials met on 2019-02-28.", "2019-02-28", "2019-02-28", "DATE", None),
        ("The deal lapsed in Sept. 2016.", "Sept. 2016", "2016-09", "DATE", None),
        ("The embassy reopened in the 1990s.", "the 1990s", "199X", "DATE", None),
        ("Unrest spread in the late 1980s.", "the late 1980s", "198X", "DATE", "END"),
        ("The envoy was shot last Oct. 23 outside his home.", "last Oct. 23", "2018-10-23", "DATE", None),
        # durations, sets and references
        ("Protests continued for three days.", "three days", "P3D", "DURATION", None),
        ("Fighting has raged for the past two years.", "the past two years", "P2Y", "DURATION", None),
        ("The agency reports the figures daily.", "daily", "P1D", "SET", None),
        ("The rebels now control the town.", "now", "PRESENT_REF", "DATE", None),
        ("The minister spoke at 4:30 p.m.", "4:30 p.m.", "2019-03-14T16:30", "TIME", None),
        # a clock time owns the zone and the day written after it
        ("The blast came at 10:40 a.m. Tuesday.", "10:40 a.m. Tuesday", "2019-03-12T10:40", "TIME", None),
        ("The convoy will leave at 6 a.m. GMT Saturday.", "6 a.m. GMT Saturday", "2019-03-16T06:00", "TIME", None),
        ("Shelling resumed at 9 p.m. yesterday.", "9 p.m. yesterday", "2019-03-13T21:00", "TIME", None),
        ("Voting starts at 7 in the morning.", "7 in the morning", "2019-03-14T07:00", "TIME", None),
        ("The curfew began at 10 at night.", "10 at night", "2019-03-14T22:00", "TIME", None),
        ("The court will rule at midday.", "midday", "2019-03-14T12:00", "TIME", None),
        # ... and the date of a day written next to it
        ("Rebels attacked on Tuesday at about 3 p.m., police said.", "3 p.m.", "2019-03-12T15:00", "TIME", None),
        ("The blast hit at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "2019-03-08T10:35", "TIME", None),
        ("Polls closed at 8 p.m. Results came on Monday.", "8 p.m.", "2019-03-14T20:00", "TIME", None),
        # lengths written as compounds or with a word between count and unit
        ("The decades-long feud ended.", "decades-long", "PXE", "DURATION", None),
        ("Delegates began a day-long meeting.", "day-long", "P1D", "DURATION", None),
        ("The boy will stay for two more weeks.", "two more weeks", "P2W", "DURATION", None),
        ("Rebels held the town for five straight days.", "five straight days", "P5D", "DURATION", None),
    ],
)
def test_expression_is_found_and_normalized(geo_nlp, tagger, sentence, text, value, kind, mod) -> None:  # type: ignore[no-untyped-def]
    found = {t.text: t for t in tagger.extract(geo_nlp(sentence), STORY_DATE)}
    assert text in found, f"{text!r} not found in {sorted(found)}"
    assert (found[text].value, found[text].type, found[text].mod) == (value, kind, mod)


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices may rise as markets march on.",  # modal "may", verb "march"
        "A 6-year-old girl was hurt.",  # an age is not a duration
        "The fall in oil prices hurt exporters.",  # "fall" as a noun
        "Police arrested 2000 protesters.",  # a count, not a year
        "The talks were led by Jan Kavan and May Chidiac.",  # first names
    ],
)
def test_ordinary_words_are_not_times(geo_nlp, tagger, sentence) -> None:  # type: ignore[no-untyped-def]
    assert tagger.extract(geo_nlp(sentence), STORY_DATE) == []


def test_relative_expressions_have_no_value_without_an_article_date(geo_nlp, tagger) -> None:  # type: ignore[no-untyped-def]
    found = tagger.extract(geo_nlp("The minister resigned on Tuesday, 4 May 2010."), None)
    assert [(t.text, t.value) for t in found] == [("Tuesday, 4 May 2010", "2010-05-04")]
    found = tagger.extract(geo_nlp("The minister resigned on Tuesday."), None)
    assert [(t.text, t.value) for t in found] == [("Tuesday", None)]


@pytest.mark.parametrize(
    "published, sentence, text, value",
    [
        # a quarter just ended is still the one results "will" be reported for
        ("2019-10-30", "The company will report third-quarter earnings next week.", "third-quarter", "2019-Q3"),
        ("2019-10-30", "The firm expects a loss in the first quarter.", "the first quarter", "2020-Q1"),
        # a bare month with no tense to go by is the nearest one
        ("2019-10-30", "The credit line runs through January.", "January", "2020-01"),
        ("2019-03-14", "The credit line runs through February.", "February", "2019-02"),
        # verbs of scheduling, future cues and "would" point ahead
        ("2019-03-12", "Officials scheduled a news conference Thursday.", "Thursday", "2019-03-14"),
        ("2019-03-14", "The envoy could arrive as early as Tuesday.", "Tuesday", "2019-03-19"),
        ("2019-03-14", "He said he would travel to Geneva on Monday.", "Monday", "2019-03-18"),
        ("2019-03-14", "She said they would have met on Monday.", "Monday", "2019-03-11"),
        ("2019-03-12", "The ministry has scheduled a news conference Thursday.", "Thursday", "2019-03-14"),
        ("2019-03-12", "The ministry had scheduled a news conference Thursday.", "Thursday", "2019-03-07"),
        # a passive participle takes its tense from the auxiliary, and has none of its own
        ("2019-03-14", "The appeal is heard in May in the high court.", "May", "2019-05"),
        ("2019-03-14", "The appeal will be heard in May in the high court.", "May", "2019-05"),
        ("2019-03-14", "Leaders prepared for a summit set for Brussels in April.", "April", "2019-04"),
        ("2019-03-14", "The appeal was heard in May in the high court.", "May", "2018-05"),
    ],
)
def test_direction_rules(tagger: TimeTagger, geo_nlp, published: str, sentence: str, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    found = {t.text: t.value for t in tagger.extract(geo_nlp(sentence), published)}
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    "story, text, value",
    [
        # counted from the day the story last named, not from the article's date
        ("Prosecutors charged 11 suspects on Monday. The next day, the court froze their assets.",
         "The next day", "2019-03-12"),
        ("The president was admitted to hospital on Tuesday. A day earlier he had cancelled his trip.",
         "A day earlier", "2019-03-11"),
        ("Talks opened in Geneva on March 4. Two days later the opposition walked out.",
         "Two days later", "2019-03-06"),
        ("The army shelled the town on Monday and the rebels withdrew that day.", "that day", "2019-03-11"),
        # with no day named before, the article's date is the reference
        ("The next day, the court froze their assets.", "The next day", "2019-03-15"),
    ],
)
def test_expressions_counted_from_the_story_time(  # type: ignore[no-untyped-def]
    tagger: TimeTagger, geo_nlp, story: str, text: str, value: str
) -> None:
    found = {t.text: t.value for t in tagger.extract(geo_nlp(story), STORY_DATE)}
    assert found[text] == value
