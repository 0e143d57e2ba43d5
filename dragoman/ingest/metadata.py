"""Title, byline and article date found in plain text.

Wire stories carry their date in a byline (``By Jane Doe | March 14, 2019 | 4:09am EDT``) or a
dateline (``MOSCOW, March 13 (Reuters) -``). A dateline without a year takes the year from the
byline when there is one; otherwise it cannot fix a date alone and is only used for the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

import dateparser

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_TEXT = rf"(?:{_MONTHS}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
BYLINE = re.compile(rf"^By\s+(?P<who>[^|\n]+?)\s*(?:\||,|—|-)\s*(?P<date>{_DATE_TEXT})", re.I | re.M)
BYLINE_NAME = re.compile(r"^By\s+(?P<who>[A-Z][^|\n]{2,80}?)\s*(?:\||$)", re.M)
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'\-]{{1,40}}(?:/[A-Z][A-Z .'\-]{{1,40}})*(?:,\s*[A-Z][A-Za-z .]{{1,20}})?)"
    rf"(?:,\s*(?P<date>{_DATE_TEXT}))?\s*(?:\((?P<agency>[A-Za-z .]+)\))?\s*[-—–]{{1,2}}\s",
    re.M,
)


@dataclass
class TextMetadata:
    title: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None
    published_from: Optional[str] = None  # byline|dateline
    dateline: Optional[str] = None
    body: str = ""


def parse_date(text: str, relative_to: Optional[date] = None) -> Optional[date]:
    """Parse an absolute date written in any common format; None when it is not one."""
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    if relative_to is not None:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(relative_to.year, relative_to.month, relative_to.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _has_year(text: str) -> bool:
    return re.search(r"\b\d{4}\b", text) is not None


def dateline_span(text: str) -> Optional[tuple[int, int]]:
    """Offsets of the dateline (``MOSCOW, March 13 (Reuters) -``) near the start of an article body, if any.

    Its date is when the story was filed: the events the story reports are dated by their own words.
    """
    found = DATELINE.search(text[:600])
    return (found.start(), found.end()) if found else None


def read_text_metadata(text: str) -> TextMetadata:
    """Split a plain-text article into title and body and find byline, dateline and date.

    The first line is the title when it is short, has no final full stop and is followed by more text.
    """
    meta = TextMetadata(body=text)
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    if (
        len(lines) > 1
        and 0 < len(first) <= 200
        and not first.endswith((".", '"', "”"))
        and not BYLINE.match(first)
        and not DATELINE.match(first + " ")
    ):
        meta.title = first
        meta.body = "\n".join(lines[1:]).strip()

    head = meta.body[:600]
    byline_match = BYLINE.search(head)
    if byline_match:
        meta.byline = byline_match.group("who").strip()
        found = parse_date(byline_match.group("date"))
        if found and _has_year(byline_match.group("date")):
            meta.published, meta.published_from = found.isoformat(), "byline"
    else:
        name_match = BYLINE_NAME.search(head)
        if name_match:
            meta.byline = name_match.group("who").strip()

    dateline_match = DATELINE.search(head)
    if dateline_match:
        # "LONDON/MOSCOW (Reuters)": the story is filed from the first city
        meta.dateline = re.split(r"[,/]", dateline_match.group("place"))[0].strip().title()
        when = dateline_match.group("date")
        if when and meta.published is None and _has_year(when):
            found = parse_date(when)
            if found:
                meta.published, meta.published_from = found.isoformat(), "dateline"
    return meta
