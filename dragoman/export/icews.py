"""ICEWS: the 20 columns of the ICEWS Coded Event Data files, tab-separated, with their header.

The columns and what fills them are listed in ``data/export/icews.csv``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Optional

from dragoman.export.actors import actor_parts
from dragoman.export.columns import check_writers, stable_int, tsv_line
from dragoman.export.gdelt import global_event_id
from dragoman.export.geo import US_CITY, US_STATE, WORLD_CITY, action_geo, country_name

Row = dict[str, Any]


def _actor(prefix: str, row: Row, role: str) -> dict[str, Optional[str]]:
    actor = actor_parts(row, role)
    return {
        f"{prefix} Name": actor.name,
        f"{prefix} Sectors": ",".join(actor.sector_names) or None,
        f"{prefix} Country": country_name(actor.country),
    }


def event_values(row: Row) -> dict[str, Any]:
    """The filled ICEWS columns of one exported event row."""
    geo = action_geo(row.get("location_name"), row.get("location_country"), row.get("lat"), row.get("lon"),
                     row.get("location_geonameid"))
    day = row.get("date")
    return {
        "Event ID": global_event_id(row["id"]),
        "Event Date": day.isoformat() if day is not None else None,
        **_actor("Source", row, "source"),
        "Event Text": row.get("cameo_label"),
        "CAMEO Code": row["cameo"],
        "Intensity": row.get("goldstein"),
        **_actor("Target", row, "target"),
        "Story ID": stable_int(row["article_id"]),
        "Sentence Number": row["sentence"] + 1 if row.get("sentence") is not None else None,
        "Publisher": row.get("article_source"),
        "City": row.get("location_name") if geo.type in (US_CITY, WORLD_CITY) else None,
        "Province": row.get("location_name") if geo.type == US_STATE else None,
        "Country": geo.country_name if geo.type != 0 else None,
        "Latitude": row.get("lat"),
        "Longitude": row.get("lon"),
    }


COLUMNS = check_writers("icews", set(event_values({"id": "x", "article_id": "a", "cameo": "010", "sentence": 0})))


def write(rows: Iterable[Row], out: Path, header: bool = True) -> tuple[list[Path], int]:
    """``out/icews_events.tsv`` from exported event rows, streamed; ICEWS files always have a header."""
    path = out / "icews_events.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(tsv_line([c.name for c in COLUMNS]))
        for row in rows:
            values = event_values(row)
            handle.write(tsv_line([values.get(c.name) for c in COLUMNS]))
    return [path], 0
