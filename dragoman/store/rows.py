"""An ArticleRecord as table rows and back: ``record_rows`` and ``record_from_rows`` are inverses.

Rows are dicts keyed by the names in ``columns.py``; the writer turns them into tuples in that order.
"""

from __future__ import annotations

import re
from operator import itemgetter
from collections.abc import Mapping
from datetime import date
from typing import Any, Optional

from dragoman.records import (
    Actor,
    ArticleMeta,
    ArticleRecord,
    Event,
    Location,
    Place,
    Plover,
    Quote,
    TimeExpr,
    Trigger,
)
from dragoman.store.columns import ACTOR_FIELDS, COLUMNS

Row = dict[str, Any]
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


_IN_ORDER = {table: itemgetter(*columns) for table, columns in COLUMNS.items()}


def as_tuple(table: str, row: Row) -> tuple[Any, ...]:
    """A row dict as a tuple in the table's column order."""
    return _IN_ORDER[table](row)  # type: ignore[no-any-return]


# -- record -> rows ----------------------------------------------------------------------------------


def _actor_columns(role: str, actor: Optional[Actor]) -> Row:
    return {f"{role}_{name}": getattr(actor, name) if actor is not None else None for name in ACTOR_FIELDS}


def event_row(article_id: str, n: int, event: Event) -> Row:
    plover, loc = event.plover, event.location
    return {
        "id": event.id, "article_id": article_id, "n": n, "sentence": event.sentence,
        "start": event.start, "end": event.end,
        "trigger_text": event.trigger.text, "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
        **_actor_columns("source", event.source), **_actor_columns("target", event.target),
        "cameo": event.cameo, "cameo_root": event.cameo_root, "cameo_label": event.cameo_label,
        "goldstein": event.goldstein, "quad_class": event.quad_class,
        "plover_type": plover.type if plover else None, "plover_mode": plover.mode if plover else None,
        "date": first_day(event.date), "date_value": event.date,
        "date_precision": event.date_precision, "date_rule": event.date_rule,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "location_geonameid": loc.geonameid if loc else None, "location_rule": loc.rule if loc else None,
        "negated": event.negated, "confidence": event.confidence, "rule": event.rule, "mentions": event.mentions,
        "background": event.background,
    }


def article_row(record: ArticleRecord, coded_with: Optional[str] = None) -> Row:
    a = record.article
    return {
        "id": a.id, "external_id": a.external_id, "title": a.title, "url": a.url, "source": a.source,
        "byline": a.byline, "published": a.published, "published_from": a.published_from,
        "dateline": a.dateline, "language": a.language, "origin": a.origin, "text": record.text,
        "duplicate_of": a.duplicate_of, "coded_with": coded_with,
    }


def coded_rows(record: ArticleRecord) -> dict[str, list[Row]]:
    """Rows of the tables coding fills (actors, quotes, events, times, places), keyed by table."""
    aid = record.article.id
    return {
        "actors": [{"article_id": aid, "n": n, **{f: getattr(x, f) for f in ACTOR_FIELDS}}
                   for n, x in enumerate(record.actors)],
        "quotes": [
            {"article_id": aid, "n": n, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
             "cue": q.cue, **_actor_columns("speaker", q.speaker), "rule": q.rule}
            for n, q in enumerate(record.quotes)
        ],
        "events": [event_row(aid, n, e) for n, e in enumerate(record.events)],
        "times": [{"article_id": aid, "n": n, "text": t.text, "start": t.start, "end": t.end, "value": t.value,
                   "type": t.type, "mod": t.mod} for n, t in enumerate(record.times)],
        "places": [
            {"article_id": aid, "n": n, "text": p.text, "start": p.start, "end": p.end, "name": p.name,
             "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid}
            for n, p in enumerate(record.places)
        ],
    }


def record_rows(record: ArticleRecord, coded_with: Optional[str] = None) -> dict[str, list[Row]]:
    """Rows for every table, keyed by table name (articles first)."""
    return {"articles": [article_row(record, coded_with)], **coded_rows(record)}


# -- rows -> record ----------------------------------------------------------------------------------


def _iso(value: Any) -> Optional[str]:
    return value.isoformat() if isinstance(value, date) else value


def _actor(row: Mapping[str, Any], role: str) -> Optional[Actor]:
    if row[f"{role}_text"] is None and row[f"{role}_code"] is None:
        return None
    return Actor(**{name: row[f"{role}_{name}"] for name in ACTOR_FIELDS})


def meta_from_row(row: Mapping[str, Any]) -> ArticleMeta:
    return ArticleMeta(
        id=row["id"], title=row["title"], url=row["url"], source=row["source"], byline=row["byline"],
        published=_iso(row["published"]), published_from=row["published_from"], dateline=row["dateline"],
        language=row["language"], external_id=row["external_id"], origin=row["origin"],
        duplicate_of=row["duplicate_of"],
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    location = None
    if row["location_name"] is not None:
        location = Location(name=row["location_name"], country=row["location_country"], lat=row["lat"],
                            lon=row["lon"], geonameid=row["location_geonameid"], rule=row["location_rule"])
    plover = Plover(row["plover_type"], row["plover_mode"]) if row["plover_type"] is not None else None
    return Event(
        id=row["id"], sentence=row["sentence"], start=row["start"], end=row["end"],
        trigger=Trigger(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
        cameo=row["cameo"], cameo_root=row["cameo_root"], goldstein=row["goldstein"], quad_class=row["quad_class"],
        source=_actor(row, "source"), target=_actor(row, "target"), cameo_label=row["cameo_label"],
        plover=plover, date=row["date_value"], date_precision=row["date_precision"], date_rule=row["date_rule"],
        location=location, negated=row["negated"], confidence=row["confidence"], rule=row["rule"],
        mentions=row["mentions"], background=bool(row["background"]),
    )


def record_from_rows(article: Mapping[str, Any], rows: Mapping[str, list[Mapping[str, Any]]]) -> ArticleRecord:
    """The record an article's rows were made from (each table's rows in their stored order)."""
    return ArticleRecord(
        article=meta_from_row(article),
        text=article["text"],
        actors=[Actor(**{f: r[f] for f in ACTOR_FIELDS}) for r in rows.get("actors", [])],
        quotes=[
            Quote(text=r["text"], start=r["start"], end=r["end"], kind=r["kind"], cue=r["cue"],
                  speaker=_actor(r, "speaker"), rule=r["rule"])
            for r in rows.get("quotes", [])
        ],
        events=[event_from_row(r) for r in rows.get("events", [])],
        times=[TimeExpr(text=r["text"], start=r["start"], end=r["end"], value=r["value"], type=r["type"],
                        mod=r["mod"]) for r in rows.get("times", [])],
        places=[Place(text=r["text"], start=r["start"], end=r["end"], name=r["name"], country=r["country"],
                      admin1=r["admin1"], lat=r["lat"], lon=r["lon"], geonameid=r["geonameid"])
                for r in rows.get("places", [])],
    )
