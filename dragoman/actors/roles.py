"""Dated roles: which of a person's offices applies on an article's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dragoman.records import split_code

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class PersonRole:
    """One office: the code it carries and the closed date interval [start, end] (end None: open)."""

    code: str
    title: str | None
    start: str | None  # YYYY-MM-DD, lower bound
    end: str | None  # YYYY-MM-DD, upper bound; None while in office
    seen_until: str | None = None  # open-ended role: the last date its source vouches for it

    def unconfirmed_on(self, published: str | None) -> bool:
        """Whether ``published`` lies beyond the role's last evidence (an open end is no proof it holds)."""
        day = article_date(published)
        return bool(self.seen_until and self.end is None and day and day > self.seen_until)

    @property
    def country(self) -> str | None:
        return split_code(self.code)[0]


def normalize_date(value: object, upper: bool = False) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (or a YAML date/int) as YYYY-MM-DD; the upper bound when ``upper``.

    Raises ValueError on anything else.
    """
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    if not _DATE.match(text):
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-12-31" if upper else f"{year:04d}-01-01"
    month = int(parts[1])
    if not 1 <= month <= 12:
        raise ValueError(f"date {value!r} has no month {month}")
    if len(parts) == 2:
        day = calendar.monthrange(year, month)[1] if upper else 1
        return f"{year:04d}-{month:02d}-{day:02d}"
    dt.date(year, month, int(parts[2]))  # raises ValueError on an impossible day
    return text


def article_date(published: str | None) -> str | None:
    """The article date as YYYY-MM-DD (a bare year or month counts as its first day), or None."""
    if not published:
        return None
    text = published.strip()[:10]
    try:
        return normalize_date(text)
    except ValueError:
        return None


def role_on(roles: Sequence[PersonRole], published: str | None) -> PersonRole | None:
    """The role held on ``published``; the most recent role when the date is unknown.

    On a handover day both roles match; the one that starts later wins.
    """
    if not roles:
        return None
    day = article_date(published)
    if day is None:
        return max(roles, key=lambda role: (role.start or "", role.end is None, role.end or ""))
    held = [r for r in roles if (r.start or "0000") <= day and (r.end is None or day <= r.end)]
    if not held:
        return None
    return max(held, key=lambda role: role.start or "")


def country_on(roles: Sequence[PersonRole], published: str | None) -> str | None:
    """The person's country near ``published``: the last role begun before it, else the first."""
    if not roles:
        return None
    day = article_date(published)
    ordered = sorted(roles, key=lambda role: role.start or "")
    before = [r for r in ordered if day is None or (r.start or "0000") <= day]
    chosen = before[-1] if before else ordered[0]
    country = chosen.country
    # IGO heads keep their nationality elsewhere; "IGO" alone is not a country.
    if country in {"IGO", "NGO", "IMG"}:
        national = [r.country for r in ordered if r.country not in {"IGO", "NGO", "IMG"}]
        return national[-1] if national else country
    return country
