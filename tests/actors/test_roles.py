"""Dated roles: the role held on the article's date, else the text's title, else the country."""

import pytest

from dragoman.actors.roles import PersonRole, country_on, normalize_date, role_on


def find(actors, text):
    """The actor whose span text is ``text`` (None when absent)."""
    return next((a for a in actors if a.text == text), None)



CLINTON = (
    PersonRole("USALEG", "Senator", "2001-01-03", "2009-01-21"),
    PersonRole("USAGOV", "Secretary of State", "2009-01-21", "2013-02-01"),
)


@pytest.mark.parametrize(
    "published, code",
    [("2005-06-01", "USALEG"), ("2011-06-01", "USAGOV"), ("2020-06-01", None), ("1999-06-01", None),
     ("2009-01-21", "USAGOV"), (None, "USAGOV")],
)
def test_role_on(published, code):
    role = role_on(CLINTON, published)
    assert (role.code if role else None) == code


def test_country_outside_every_role():
    assert country_on(CLINTON, "2020-06-01") == "USA"


@pytest.mark.parametrize(
    "value, upper, expected",
    [("2004", False, "2004-01-01"), ("2004", True, "2004-12-31"), ("2004-02", True, "2004-02-29"),
     ("2004-03-09", False, "2004-03-09"), (None, True, None)],
)
def test_normalize_date(value, upper, expected):
    assert normalize_date(value, upper) == expected


@pytest.mark.parametrize("value", ["March 2004", "2004-13", "2004-02-30"])
def test_normalize_date_rejects(value):
    with pytest.raises(ValueError):
        normalize_date(value)


@pytest.mark.model
@pytest.mark.parametrize(
    "published, code, rule",
    [
        ("2005-04-12", "USALEG", "dictionary:person:role"),
        ("2011-04-12", "USAGOV", "dictionary:person:role"),
        ("2020-04-12", "USA", "dictionary:person:country"),
    ],
)
def test_same_name_three_dates_three_codes(extract, published, code, rule):
    actor = find(extract("Hillary Clinton criticised the plan on Tuesday.", published), "Hillary Clinton")
    assert (actor.code, actor.rule) == (code, rule)


@pytest.mark.model
def test_title_in_text_when_no_role_applies(extract):
    # in 2020 no dictionary role applies, so the title written in the text decides the sector
    actors = extract("Former Secretary of State Hillary Clinton spoke in Boston.", "2020-04-12")
    actor = next(a for a in actors if a.name == "Hillary Clinton")
    assert actor.code == "USAELI"
