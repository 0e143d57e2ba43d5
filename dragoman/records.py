"""The typed records every stage passes on.

Stages import these, never each other's internals. ``ArticleRecord.to_dict()`` is the JSON
contract documented in the README and in ``dragoman/data/schema/article.schema.json``.
All ``start``/``end`` offsets are character offsets into ``ArticleRecord.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Optional

QuoteKind = Literal["direct", "indirect", "mixed"]
BACKGROUND_PENALTY = 0.15  # confidence taken from a background event: kept, but ranked below the news
DatePrecision = Literal["day", "week", "month", "year"]


@dataclass
class RawArticle:
    """An article as read from an input, before cleaning. Exactly one of ``text``/``html`` is set."""

    origin: str  # "path", "path:line" or "path#record": names the input in messages
    text: Optional[str] = None
    html: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD from the input's own metadata
    external_id: Optional[str] = None


@dataclass
class Skipped:
    """An input that could not be coded, with the reason. A result, not an exception."""

    origin: str
    reason: str
    duplicate_of: Optional[str] = None  # article id when the input is already stored


@dataclass
class ArticleMeta:
    id: str  # sha256 hex of the normalized text
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    published_from: Optional[str] = None  # option|metadata|byline|dateline, or None
    dateline: Optional[str] = None  # place named in the dateline ("MOSCOW")
    language: str = "en"
    external_id: Optional[str] = None
    origin: Optional[str] = None
    duplicate_of: Optional[str] = None  # id of the first copy when this is a near-duplicate (not coded)


@dataclass
class Actor:
    """A mention of a person, organisation or country, resolved to a CAMEO-style code when known."""

    text: str
    start: int
    end: int
    name: Optional[str] = None  # canonical name ("Sergei Lavrov", "Russia")
    code: Optional[str] = None  # "RUSGOV", "IGOUNO", "USA"; None when unresolved, never guessed
    country: Optional[str] = None  # ISO-3166 alpha-3, or IGO/NGO/MNC
    sector: Optional[str] = None  # "GOV", "MIL GOV" ...: sector codes after the country
    kind: Optional[str] = None  # person|organization|country|group|pronoun
    rule: Optional[str] = None  # how it was resolved ("dictionary:person", "coref:surname"...)


@dataclass
class Quote:
    text: str  # the quoted content
    start: int
    end: int
    kind: QuoteKind
    cue: Optional[str] = None  # cue verb lemma or phrase ("say", "according to")
    speaker: Optional[Actor] = None
    rule: Optional[str] = None  # which attribution rule found the speaker


@dataclass
class Location:
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    rule: Optional[str] = None  # prep-phrase|dateline|target-country...


@dataclass
class Plover:
    type: str  # one of the 16 PLOVER event types
    mode: Optional[str] = None


@dataclass
class Trigger:
    text: str
    start: int
    end: int


@dataclass
class Event:
    id: str  # stable: "<article id[:16]>-<trigger start>-<trigger end>-<cameo>" (events/merge.py)
    sentence: int  # index of the sentence in the article
    start: int  # sentence span
    end: int
    trigger: Trigger
    cameo: str  # full CAMEO code ("125")
    cameo_root: str  # two-digit root ("12")
    goldstein: float
    quad_class: int
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    cameo_label: Optional[str] = None
    plover: Optional[Plover] = None
    date: Optional[str] = None
    date_precision: Optional[DatePrecision] = None
    date_rule: Optional[str] = None  # verb|clause|report|sentence|narrative|article (geotime/narrative.py)
    location: Optional[Location] = None
    negated: bool = False
    confidence: float = 0.5
    rule: str = ""  # id of the pattern that fired
    mentions: int = 1  # identical (date, source, target, code) in one article collapse to one
    # scene-setting rather than news: a clause of background (time, condition, relative clause), a
    # past perfect or "has long", or an act dated over a year before the story; kept, with lower confidence
    background: bool = False

    def mark_background(self) -> None:
        """Flag the event as background and lower its confidence by ``BACKGROUND_PENALTY`` (once)."""
        if not self.background:
            self.background = True
            self.confidence = round(max(0.05, self.confidence - BACKGROUND_PENALTY), 2)


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    value: Optional[str]  # TIMEX3-style: 2019-03-12, 2019-W10, 2019-03, 2019, P3D, PRESENT_REF
    type: str = "DATE"  # DATE|TIME|DURATION|SET
    mod: Optional[str] = None  # TIMEX3 mod: APPROX, START, MID, END


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: Optional[str] = None
    country: Optional[str] = None  # ISO-3166 alpha-3
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


@dataclass
class ArticleRecord:
    article: ArticleMeta
    text: str
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def split_code(code: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Split a CAMEO-style actor code into (country, sector): "RUSGOV" -> ("RUS", "GOV").

    Multi-sector codes keep every 3-letter part, space-separated: "USAMILGOV" -> ("USA", "MIL GOV").
    """
    if not code:
        return None, None
    country = code[:3]
    rest = code[3:]
    sectors = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    return country, (" ".join(sectors) or None)
