"""Calendar arithmetic behind TIMEX3 values: weeks, months, quarters and seasons around an anchor."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional


def week_value(day: date) -> str:
    """ISO week of a day: ``2019-W10``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    """``2019-02``."""
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months``."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> Optional[date]:
    """A date, or None for an impossible one (Feb 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_near(anchor: date, weekday: int, direction: int, shift: Optional[int] = None) -> date:
    """The day named by a weekday (1 = Monday) seen from ``anchor``.

    ``direction`` is the verb's tense: -1 past (the most recent such day, the anchor itself
    included), 1 future (the next one, the anchor included), 0 unknown (as past: news reports).
    ``shift`` -1/1 ("last Friday"/"next Friday") excludes the anchor day.
    """
    delta = weekday - anchor.isoweekday()
    if shift == -1 or (shift is None and direction <= 0):
        back = (-delta) % 7
        if shift == -1 and back == 0:
            back = 7
        return anchor - timedelta(days=back)
    ahead = delta % 7
    if shift == 1 and ahead == 0:
        ahead = 7
    return anchor + timedelta(days=ahead)


def month_near(anchor: date, month: int, direction: int, shift: Optional[int] = None) -> int:
    """The year of a month named without one ("in June", "last June") seen from ``anchor``."""
    if shift == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if shift == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    if shift == 0:
        return anchor.year
    if direction == 0:
        # no tense to go by: the nearest such month ("through January" in October is next year's)
        return min(
            (anchor.year - 1, anchor.year, anchor.year + 1),
            key=lambda y: abs((y - anchor.year) * 12 + month - anchor.month),
        )
    if direction < 0:
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year if month >= anchor.month else anchor.year + 1


def day_near(anchor: date, month: int, day: int, direction: int) -> Optional[date]:
    """A month and day without a year: the nearest such date, tense breaking close calls."""
    options = [d for d in (safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if d]
    if not options:
        return None

    def cost(candidate: date) -> float:
        distance = (candidate - anchor).days
        wrong_way = (direction < 0 and distance > 0) or (direction > 0 and distance < 0)
        return abs(distance) + (45 if wrong_way else 0)

    return min(options, key=cost)


def quarter_of(day: date) -> tuple[int, int]:
    """(year, quarter) containing a day."""
    return day.year, (day.month - 1) // 3 + 1


def add_quarters(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    """(year, quarter) moved by ``quarters``."""
    index = year * 4 + (quarter - 1) + quarters
    return index // 4, index % 4 + 1


def quarter_near(anchor: date, quarter: int, direction: int) -> int:
    """The year of a quarter named without one: the latest that has begun, unless future tense.

    In future tense the quarter just ended still counts: results for it are reported after it
    ("will report third-quarter earnings" in October is this year's third quarter).
    """
    _, current = quarter_of(anchor)
    now = anchor.year * 4 + current - 1
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if direction > 0:
        return min(y for y in years if y * 4 + quarter - 1 >= now - 1)
    return max(y for y in years if y * 4 + quarter - 1 <= now)


SEASON_ORDER = ("WI", "SP", "SU", "FA")


def season_index(day: date) -> tuple[int, int]:
    """(year, season position) of a day; December belongs to the next year's winter."""
    if day.month == 12:
        return day.year + 1, 0
    return day.year, (day.month % 12) // 3


def season_near(anchor: date, code: str, direction: int, shift: Optional[int]) -> int:
    """The year of a season named without one ("last summer", "this fall", "in the spring")."""
    year, current = season_index(anchor)
    wanted = SEASON_ORDER.index(code)
    if shift == -1 or (shift is None and direction < 0):
        strict = shift == -1
        return year if (wanted < current or (wanted == current and not strict)) else year - 1
    if shift == 1 or (shift is None and direction > 0):
        strict = shift == 1
        return year if (wanted > current or (wanted == current and not strict)) else year + 1
    return year


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (or, n = -1, the last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    ny, nm = add_months(year, month, 1)
    last = date(ny, nm, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def value_precision(value: Optional[str]) -> Optional[str]:
    """day/week/month/year for a calendar TIMEX3 value; None for durations and references."""
    if not value or not value[:4].isdigit():
        return None
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[8:10].isdigit():
        return "day"
    if "-W" in value:
        return "week"
    if len(value) >= 7 and value[5:7].isdigit():
        return "month"
    if len(value) >= 7 and value[5] in "QHS" or value[5:7] in SEASON_ORDER:
        return "month"
    return "year" if len(value) == 4 else None
