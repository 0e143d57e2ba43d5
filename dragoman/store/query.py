"""The read side's query layer: typed filters, and pages that continue where the last one ended.

Every surface that reads events, quotes or articles (CLI, JSON API, web pages, exports) describes
what it wants with a filter object and gets a ``Page``; none writes SQL of its own. Filters become
bound parameters only, never SQL text. Pages use keyset pagination: ``Page.next`` is an opaque
cursor holding the last row's sort key, so page 1,000 costs what page 1 does and rows stored in the
meantime never shift a page.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dragoman.errors import InputError

MAX_PAGE = 10_000
LIKE = "ILIKE ? ESCAPE '\\'"  # with _escape_like: a search is literal text, "%" and "_" included


class EventFilter(BaseModel):
    """Which events: every field optional, all given ones must hold. Codes match as prefixes."""

    model_config = ConfigDict(extra="forbid")

    since: Optional[date] = Field(None, description="event date on or after (YYYY-MM-DD)")
    until: Optional[date] = Field(None, description="event date on or before (YYYY-MM-DD)")
    source: Optional[str] = Field(None, description="source actor code prefix: RUS, RUSGOV, IGOUNO")
    target: Optional[str] = Field(None, description="target actor code prefix")
    source_country: Optional[str] = Field(None, description="source country (ISO alpha-3, IGO, NGO, MNC)")
    target_country: Optional[str] = Field(None, description="target country")
    source_sector: Optional[str] = Field(None, description="a sector code of the source: GOV, MIL, REB ...")
    target_sector: Optional[str] = Field(None, description="a sector code of the target")
    cameo: Optional[str] = Field(None, pattern=r"^\d{1,4}$", description="CAMEO code prefix: 11, 112, 19")
    quad_class: Optional[int] = Field(None, ge=1, le=4, description="1-4: verbal/material cooperation/conflict")
    plover_type: Optional[str] = Field(None, description="PLOVER event type: ACCUSE, ASSAULT ...")
    plover_mode: Optional[str] = Field(None, description="PLOVER mode")
    place_country: Optional[str] = Field(None, description="country of the event's location")
    place: Optional[str] = Field(None, description="location name contains (case-insensitive)")
    text: Optional[str] = Field(None, description="the event's sentence contains (case-insensitive)")
    negated: Optional[bool] = Field(None, description="only negated (true) or only affirmed (false) events")
    rule: Optional[str] = Field(None, description="id prefix of the pattern that fired")
    min_confidence: Optional[float] = Field(None, ge=0, le=1, description="confidence at least")
    background: Optional[bool] = Field(None, description="only background (true) or only news (false) events")
    lede: Optional[int] = Field(None, ge=1, description="only events in the first N sentences of their article")
    article_id: Optional[str] = Field(None, description="events of one article")


class QuoteFilter(BaseModel):
    """Which quotes. ``speaker`` matches a name or text (part, case-insensitive) or a code prefix."""

    model_config = ConfigDict(extra="forbid")

    speaker: Optional[str] = Field(None, description="speaker name or text (part), or code prefix")
    contains: Optional[str] = Field(None, description="quote text contains (case-insensitive)")
    kind: Optional[str] = Field(None, pattern="^(direct|indirect|mixed)$", description="direct, indirect or mixed")
    since: Optional[date] = Field(None, description="article published on or after")
    until: Optional[date] = Field(None, description="article published on or before")
    article_id: Optional[str] = Field(None, description="quotes of one article")


class ArticleFilter(BaseModel):
    """Which articles."""

    model_config = ConfigDict(extra="forbid")

    since: Optional[date] = Field(None, description="published on or after")
    until: Optional[date] = Field(None, description="published on or before")
    source: Optional[str] = Field(None, description="publisher name contains (case-insensitive)")
    text: Optional[str] = Field(None, description="title or text contains (case-insensitive)")
    duplicates: bool = Field(True, description="include near-copies linked to a first copy")


def parse_filter(model: type[BaseModel], values: dict[str, Any]) -> Any:
    """A filter from loose values (CLI flags, URL parameters); InputError naming the bad one."""
    try:
        return model(**{k: v for k, v in values.items() if v is not None and v != ""})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'filter'}: {e['msg']}" for e in exc.errors())
        raise InputError(f"bad filter: {problems}") from exc


@dataclass
class Page:
    """Rows of one page, and the cursor of the next one (None on the last page)."""

    rows: list[dict[str, Any]]
    next: Optional[str] = None


@dataclass(frozen=True)
class SortKey:
    expression: str  # SQL expression (a qualified column)
    name: str  # its name in the selected row
    descending: bool = False
    nullable: bool = False  # nulls sort last


@dataclass
class Query:
    """One SELECT built from a filter: conditions and their parameters, kept apart."""

    sql: str
    order: tuple[SortKey, ...]
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.where.append(condition)
        self.params.extend(params)

    def page_sql(self, after: Optional[str], limit: int) -> tuple[str, list[Any]]:
        """The SQL and parameters of the page after cursor ``after`` (the first page without one)."""
        where, params = list(self.where), list(self.params)
        if after is not None:
            condition, values = _after(self.order, decode_cursor(after, len(self.order)))
            where.append(condition)
            params.extend(values)
        sql = self.sql + (" WHERE " + " AND ".join(where) if where else "")
        ordering = ", ".join(
            f"{k.expression} {'DESC' if k.descending else 'ASC'}{' NULLS LAST' if k.nullable else ''}"
            for k in self.order
        )
        return f"{sql} ORDER BY {ordering} LIMIT {int(limit) + 1}", params


def _after(order: tuple[SortKey, ...], values: list[Any]) -> tuple[str, list[Any]]:
    """Rows strictly after ``values`` in ``order``: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ..."""
    alternatives, params = [], []
    for i, key in enumerate(order):
        parts, part_params = [], []
        for earlier, value in zip(order[:i], values[:i], strict=True):
            if value is None:
                parts.append(f"{earlier.expression} IS NULL")
            else:
                parts.append(f"{earlier.expression} = ?")
                part_params.append(value)
        value = values[i]
        if value is None:
            continue  # nulls sort last: nothing comes after a null in this key but equal-prefix rows
        comparison = "<" if key.descending else ">"
        step = f"{key.expression} {comparison} ?"
        if key.nullable:
            step = f"({step} OR {key.expression} IS NULL)"
        parts.append(step)
        part_params.append(value)
        alternatives.append("(" + " AND ".join(parts) + ")")
        params.extend(part_params)
    return "(" + (" OR ".join(alternatives) or "FALSE") + ")", params


def encode_cursor(values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, date) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The sort key a cursor holds; InputError when it is not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"cursor {cursor[:40]!r} is not a page cursor") from exc
    if not isinstance(values, list) or len(values) != size:
        raise InputError(f"cursor {cursor[:40]!r} is not a page cursor for this listing")
    return values


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"page size {limit}: choose 1 to {MAX_PAGE}")
    return limit


# -- the three listings ------------------------------------------------------------------------------

EVENT_ORDER = (
    SortKey("e.date", "date", descending=True, nullable=True),
    SortKey("e.article_id", "article_id"),
    SortKey("e.trigger_start", "trigger_start"),
    SortKey("e.id", "id"),
)
EVENTS_SQL = (
    "SELECT e.*, a.title AS article_title, a.url AS article_url, a.published AS article_published, "
    'substr(a.text, e.start + 1, e."end" - e.start) AS sentence_text '
    "FROM events e JOIN articles a ON a.id = e.article_id"
)


def _sector(column: str, sector: str) -> tuple[str, str]:
    return f"list_contains(string_split(coalesce({column}, ''), ' '), ?)", sector.upper()


def event_query(f: EventFilter) -> Query:
    query = Query(EVENTS_SQL, EVENT_ORDER)
    if f.since:
        query.add("e.date >= ?", f.since)
    if f.until:
        query.add("e.date <= ?", f.until)
    for role, prefix in (("source", f.source), ("target", f.target)):
        if prefix:
            query.add(f"starts_with(e.{role}_code, ?)", prefix.upper())
    for role, country in (("source", f.source_country), ("target", f.target_country)):
        if country:
            query.add(f"e.{role}_country = ?", country.upper())
    for role, sector in (("source", f.source_sector), ("target", f.target_sector)):
        if sector:
            query.add(*_sector(f"e.{role}_sector", sector))
    if f.cameo:
        query.add("starts_with(e.cameo, ?)", f.cameo)
    if f.quad_class is not None:
        query.add("e.quad_class = ?", f.quad_class)
    if f.plover_type:
        query.add("e.plover_type = ?", f.plover_type.upper())
    if f.plover_mode:
        query.add("e.plover_mode = ?", f.plover_mode.lower())
    if f.place_country:
        query.add("e.location_country = ?", f.place_country.upper())
    if f.place:
        query.add(f"e.location_name {LIKE}", f"%{_escape_like(f.place)}%")
    if f.text:
        query.add(f"""substr(a.text, e.start + 1, e."end" - e.start) {LIKE}""", f"%{_escape_like(f.text)}%")
    if f.negated is not None:
        query.add("e.negated = ?", f.negated)
    if f.rule:
        query.add("starts_with(e.rule, ?)", f.rule)
    if f.min_confidence is not None:
        query.add("e.confidence >= ?", f.min_confidence)
    if f.background is not None:
        query.add("coalesce(e.background, FALSE) = ?", f.background)
    if f.lede is not None:
        query.add("e.sentence < ?", f.lede)
    if f.article_id:
        query.add("e.article_id = ?", f.article_id)
    return query


QUOTE_ORDER = (
    SortKey("a.published", "published", descending=True, nullable=True),
    SortKey("q.article_id", "article_id"),
    SortKey("q.n", "n"),
)
QUOTES_SQL = (
    "SELECT q.*, a.title AS article_title, a.url AS article_url, a.published "
    "FROM quotes q JOIN articles a ON a.id = q.article_id"
)


def quote_query(f: QuoteFilter) -> Query:
    query = Query(QUOTES_SQL, QUOTE_ORDER)
    if f.speaker:
        like = f"%{_escape_like(f.speaker)}%"
        query.add(f"(q.speaker_name {LIKE} OR q.speaker_text {LIKE} OR starts_with(q.speaker_code, ?))",
                  like, like, f.speaker.upper())
    if f.contains:
        query.add(f"q.text {LIKE}", f"%{_escape_like(f.contains)}%")
    if f.kind:
        query.add("q.kind = ?", f.kind)
    if f.since:
        query.add("a.published >= ?", f.since)
    if f.until:
        query.add("a.published <= ?", f.until)
    if f.article_id:
        query.add("q.article_id = ?", f.article_id)
    return query


ARTICLE_ORDER = (
    SortKey("a.published", "published", descending=True, nullable=True),
    SortKey("a.id", "id"),
)
ARTICLES_SQL = "SELECT a.* EXCLUDE (text), length(a.text) AS text_length FROM articles a"


def article_query(f: ArticleFilter) -> Query:
    query = Query(ARTICLES_SQL, ARTICLE_ORDER)
    if f.since:
        query.add("a.published >= ?", f.since)
    if f.until:
        query.add("a.published <= ?", f.until)
    if f.source:
        query.add(f"a.source {LIKE}", f"%{_escape_like(f.source)}%")
    if f.text:
        like = f"%{_escape_like(f.text)}%"
        query.add(f"(a.title {LIKE} OR a.text {LIKE})", like, like)
    if not f.duplicates:
        query.add("a.duplicate_of IS NULL")
    return query


def _escape_like(text: str) -> str:
    """``%`` and ``_`` in a search are literal characters, not patterns (every ILIKE here says ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class ActorFilter(BaseModel):
    """Which actor mentions. Codes match as prefixes; ``name`` is a part of the name or text."""

    model_config = ConfigDict(extra="forbid")

    code: Optional[str] = Field(None, description="actor code prefix: RUS, RUSGOV, IGOUNO")
    country: Optional[str] = Field(None, description="country (ISO alpha-3, IGO, NGO, MNC)")
    sector: Optional[str] = Field(None, description="a sector code: GOV, MIL, REB ...")
    kind: Optional[str] = Field(None, description="person, organization, country, group or pronoun")
    name: Optional[str] = Field(None, description="name or text contains (case-insensitive)")
    since: Optional[date] = Field(None, description="article published on or after")
    until: Optional[date] = Field(None, description="article published on or before")
    article_id: Optional[str] = Field(None, description="actors of one article")


ACTOR_ORDER = (SortKey("a.published", "published", descending=True, nullable=True),
               SortKey("m.article_id", "article_id"), SortKey("m.n", "n"))
ACTORS_SQL = ("SELECT m.*, a.title AS article_title, a.url AS article_url, a.published "
              "FROM actors m JOIN articles a ON a.id = m.article_id")


def actor_query(f: ActorFilter) -> Query:
    """Actor mentions ``m`` with their article ``a``, as ``f`` chooses them."""
    query = Query(ACTORS_SQL, ACTOR_ORDER)
    if f.code:
        query.add("starts_with(m.code, ?)", f.code.upper())
    if f.country:
        query.add("m.country = ?", f.country.upper())
    if f.sector:
        query.add("list_contains(string_split(coalesce(m.sector, ''), ' '), ?)", f.sector.upper())
    if f.kind:
        query.add("m.kind = ?", f.kind.lower())
    if f.name:
        like = f"%{_escape_like(f.name)}%"
        query.add(f"(m.name {LIKE} OR m.text {LIKE})", like, like)
    if f.since:
        query.add("a.published >= ?", f.since)
    if f.until:
        query.add("a.published <= ?", f.until)
    if f.article_id:
        query.add("m.article_id = ?", f.article_id)
    return query
