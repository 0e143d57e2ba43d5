"""GDELT 2.0: the Events table (61 tab-separated columns, codebook order, no header) and the
Mentions table (16 columns), one Events row per stored event and one Mentions row per mention.

The columns and what fills them are listed in ``data/export/gdelt_events.csv`` and
``gdelt_mentions.csv``; a column dragoman does not compute is empty, never made up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from dragoman.export.actors import ActorParts, actor_parts
from dragoman.export.columns import check_writers, stable_int, timestamp14, tsv_line
from dragoman.export.geo import Geo, action_geo

Row = dict[str, Any]
ROOT_SENTENCES = 1  # the cleaned text starts at the lede: sentence 0 is the story's lead sentence


def global_event_id(event_id: str) -> int:
    """GLOBALEVENTID: a stable 63-bit integer from dragoman's stable event id."""
    return stable_int(event_id)


def _date_parts(row: Row) -> dict[str, Optional[Any]]:
    day = row.get("date")
    if day is None:
        return {"SQLDATE": None, "MonthYear": None, "Year": None, "FractionDate": None}
    return {
        "SQLDATE": int(day.strftime("%Y%m%d")),
        "MonthYear": day.year * 100 + day.month,
        "Year": day.year,
        "FractionDate": f"{day.year + day.timetuple().tm_yday / 365:.4f}",
    }


def _actor(prefix: str, actor: ActorParts) -> dict[str, Optional[Any]]:
    types = list(actor.types[:3]) + [None] * (3 - len(actor.types[:3]))
    return {
        f"{prefix}Code": actor.code, f"{prefix}Name": actor.name, f"{prefix}CountryCode": actor.country,
        f"{prefix}KnownGroupCode": actor.known_group,
        f"{prefix}Type1Code": types[0], f"{prefix}Type2Code": types[1], f"{prefix}Type3Code": types[2],
    }


def _geo(prefix: str, geo: Geo) -> dict[str, Optional[Any]]:
    return {
        f"{prefix}_Type": geo.type, f"{prefix}_FullName": geo.full_name, f"{prefix}_CountryCode": geo.country_fips,
        f"{prefix}_ADM1Code": geo.adm1, f"{prefix}_Lat": geo.lat, f"{prefix}_Long": geo.lon,
        f"{prefix}_FeatureID": geo.feature_id,
    }


def source_url(row: Row) -> Optional[str]:
    return row.get("article_url") or row.get("article_origin")


def event_values(row: Row) -> dict[str, Any]:
    """The filled GDELT Events columns of one exported event row."""
    cameo = row["cameo"]
    geo = action_geo(row.get("location_name"), row.get("location_country"), row.get("lat"), row.get("lon"),
                     row.get("location_geonameid"))
    return {
        "GLOBALEVENTID": global_event_id(row["id"]),
        **_date_parts(row),
        **_actor("Actor1", actor_parts(row, "source")),
        **_actor("Actor2", actor_parts(row, "target")),
        "IsRootEvent": 1 if (row.get("sentence") is not None and row["sentence"] < ROOT_SENTENCES) else 0,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": row.get("cameo_root") or cameo[:2],
        "QuadClass": row.get("quad_class"),
        "GoldsteinScale": row.get("goldstein"),
        "NumMentions": row.get("group_mentions"),
        "NumSources": row.get("group_sources"),
        "NumArticles": row.get("group_articles"),
        **_geo("ActionGeo", geo),
        "DATEADDED": timestamp14(row.get("article_ingested_at")),
        "SOURCEURL": source_url(row),
    }


def mention_values(row: Row) -> dict[str, Any]:
    """The filled GDELT Mentions columns of one exported event row (the mention is its sentence)."""
    url = row.get("article_url")
    added = timestamp14(row.get("article_ingested_at"))
    host = urlsplit(url).hostname if url else None
    return {
        "GLOBALEVENTID": global_event_id(row["id"]),
        "EventTimeDate": added,
        "MentionTimeDate": added,
        "MentionType": 1 if url else 2,
        "MentionSourceName": host or row.get("article_source"),
        "MentionIdentifier": source_url(row),
        "SentenceID": row["sentence"] + 1 if row.get("sentence") is not None else None,
        "Actor1CharOffset": _offset(row.get("source_start")),
        "Actor2CharOffset": _offset(row.get("target_start")),
        "ActionCharOffset": _offset(row.get("trigger_start")),
        "InRawText": 1,
        "Confidence": max(10, round(100 * (row.get("confidence") or 0))),
        "MentionDocLen": row.get("article_length"),
    }


def _offset(value: Optional[int]) -> int:
    return -1 if value is None else value


def _computed(values: Callable[[Row], dict[str, Any]]) -> set[str]:
    """The columns a writer fills, read off its output for a bare row (every key is always there)."""
    return set(values({"id": "x", "cameo": "010", "sentence": 0, "date": None}))


EVENT_COLUMNS = check_writers("gdelt_events", _computed(event_values))
MENTION_COLUMNS = check_writers("gdelt_mentions", _computed(mention_values))


def write(rows: Iterable[Row], out: Path, header: bool = False) -> tuple[list[Path], int]:
    """``out/gdelt_events.tsv`` and ``out/gdelt_mentions.tsv`` from exported event rows, streamed;
    ``header`` adds a first line of column names (GDELT ships none)."""
    events_path, mentions_path = out / "gdelt_events.tsv", out / "gdelt_mentions.tsv"
    with events_path.open("w", encoding="utf-8", newline="") as events, \
            mentions_path.open("w", encoding="utf-8", newline="") as mentions:
        if header:
            events.write(tsv_line([c.name for c in EVENT_COLUMNS]))
            mentions.write(tsv_line([c.name for c in MENTION_COLUMNS]))
        for row in rows:
            values = event_values(row)
            events.write(tsv_line([values.get(c.name) for c in EVENT_COLUMNS]))
            found = mention_values(row)
            mentions.write(tsv_line([found.get(c.name) for c in MENTION_COLUMNS]))
    return [events_path, mentions_path], 0
