"""Calendar arithmetic and the rule-table loader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dragoman.errors import DataError
from dragoman.geotime import calendar as cal
from dragoman.geotime.tables import place_words, time_words

THURSDAY = date(2019, 3, 14)


@pytest.mark.parametrize(
    "weekday, direction, shift, expected",
    [
        (2, -1, None, date(2019, 3, 12)),  # Tuesday, past
        (5, -1, None, date(2019, 3, 8)),  # Friday, past
        (6, 1, None, date(2019, 3, 16)),  # Saturday, future
        (4, -1, None, THURSDAY),  # the same day
        (4, -1, -1, date(2019, 3, 7)),  # "last Thursday"
        (4, 1, 1, date(2019, 3, 21)),  # "next Thursday"
    ],
)
def test_weekday_near(weekday: int, direction: int, shift, expected: date) -> None:  # type: ignore[no-untyped-def]
    assert cal.weekday_near(THURSDAY, weekday, direction, shift) == expected


@pytest.mark.parametrize(
    "month, direction, shift, year",
    [(6, -1, -1, 2018), (1, -1, -1, 2019), (6, 1, None, 2019), (6, -1, None, 2018), (3, -1, -1, 2018)],
)
def test_month_near(month: int, direction: int, shift, year: int) -> None:  # type: ignore[no-untyped-def]
    assert cal.month_near(THURSDAY, month, direction, shift) == year


@pytest.mark.parametrize(
    "code, shift, year", [("SU", -1, 2018), ("FA", -1, 2018), ("WI", -1, 2019), ("SU", 1, 2019), ("SP", 0, 2019)]
)
def test_season_near(code: str, shift: int, year: int) -> None:
    assert cal.season_near(THURSDAY, code, -1, shift) == year


def test_week_and_holidays() -> None:
    assert cal.week_value(THURSDAY) == "2019-W11"
    assert cal.nth_weekday(2018, 11, 4, 4) == date(2018, 11, 22)  # Thanksgiving
    assert cal.nth_weekday(2019, 5, 1, -1) == date(2019, 5, 27)  # Memorial Day


def test_builtin_tables_load() -> None:
    words = time_words()
    assert words["weekdays"]["friday"] == 5
    assert "U.S." in {k for k in place_words()["aliases"]} or "u.s." in place_words()["aliases"]


def test_user_file_adds_entries(tmp_path: Path) -> None:
    extra = tmp_path / "more.yaml"
    extra.write_text("holidays:\n  dragoman day: {month: 6, day: 1}\n")
    assert time_words((extra,))["holidays"]["dragoman day"] == {"month": 6, "day": 1}


@pytest.mark.parametrize(
    "content, problem",
    [
        ("weekdays:\n  funday: 9\n", "funday"),
        ("units:\n  fortnight: {days: 14}\n", "fortnight"),
        ("colours: {red: 1}\n", "colours"),
        ("clock_words:\n  teatime: '4pm'\n", "teatime"),
        ("clock_halves:\n  dusk: 18\n", "dusk"),
        ("time_zones: {gmt: 0}\n", "time_zones"),
        ("- just a list\n", "mapping"),
    ],
)
def test_malformed_tables_fail_loudly(tmp_path: Path, content: str, problem: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    with pytest.raises(DataError, match=problem):
        time_words((bad,))
