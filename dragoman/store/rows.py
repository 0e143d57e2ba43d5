"""Flatten an ArticleRecord into table rows (tuples in column order of store/schema.py)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Optional

from dragoman.records import Actor, ArticleRecord, Event

Row = tuple[Any, ...]
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")


def first_day(value: Optional[str]) -> Optional[str]:
    """A DATE for the date column: "2016" -> 2016-01-01, "2016-03" -> 2016-03-01, "2019-W10" -> its Monday.

    The exact value (with its precision) is kept in ``events.date_value``; unreadable values give None.
    """
    match = _PARTIAL.match(value or "")
    if not match:
        return None
    year, month, day, week = match.groups()
    try:
        if week:
            return date.fromisocalendar(int(year), int(week), 1).isoformat()
        return date(int(year), int(month or 1), int(day or 1)).isoformat()
    except ValueError:
        return None


def _actor_cols(actor: Optional[Actor]) -> Row:
    if actor is None:
        return (None,) * 5
    return (actor.text, actor.name, actor.code, actor.country, actor.sector)


def event_row(article_id: str, event: Event) -> Row:
    plover, loc = event.plover, event.location
    return (
        event.id, article_id, event.sentence, event.start, event.end,
        event.trigger.text, event.trigger.start, event.trigger.end,
        *_actor_cols(event.source), *_actor_cols(event.target),
        event.cameo, event.cameo_root, event.cameo_label, event.goldstein, event.quad_class,
        plover.type if plover else None, plover.mode if plover else None,
        first_day(event.date), event.date_precision, event.date_rule,
        loc.name if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.rule if loc else None,
        event.negated, event.confidence, event.rule, event.mentions, event.date,
    )


def record_rows(record: ArticleRecord) -> dict[str, list[Row]]:
    """Rows for every table, keyed by table name."""
    a = record.article
    aid = a.id
    return {
        "articles": [(
            aid, a.external_id, a.title, a.url, a.source, a.byline, a.published, a.published_from,
            a.dateline, a.language, a.origin, record.text, a.duplicate_of,
        )],
        "actors": [
            (aid, n, x.text, x.start, x.end, x.name, x.code, x.country, x.sector, x.kind, x.rule)
            for n, x in enumerate(record.actors)
        ],
        "quotes": [
            (
                aid, n, q.text, q.start, q.end, q.kind, q.cue,
                q.speaker.text if q.speaker else None, q.speaker.start if q.speaker else None,
                q.speaker.end if q.speaker else None, q.speaker.name if q.speaker else None,
                q.speaker.code if q.speaker else None, q.rule,
            )
            for n, q in enumerate(record.quotes)
        ],
        "events": [event_row(aid, e) for e in record.events],
        "times": [(aid, n, t.text, t.start, t.end, t.value, t.type) for n, t in enumerate(record.times)],
        "places": [
            (aid, n, p.text, p.start, p.end, p.name, p.country, p.admin1, p.lat, p.lon, p.geonameid)
            for n, p in enumerate(record.places)
        ],
    }
