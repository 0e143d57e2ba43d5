"""PLOVER: one JSON object per event (JSON Lines), in the data format of the PLOVER manual.

Field names are the manual's (``actor``/``recipient`` for CAMEO's source/target, ``event`` for the
list of event types); the record validates against ``data/schema/plover.schema.json``. An event
with no PLOVER type (CAMEO 010 "make statement" has none) is left out and counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from dragoman import __version__
from dragoman.export.actors import actor_parts
from dragoman.export.geo import COUNTRY, US_CITY, US_STATE, WORLD_CITY, action_geo, country_name

Row = dict[str, Any]
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "schema" / "plover.schema.json"
# PLOVER's own codes for the two IGOs it names apart from the rest (manual, "Non-state actors")
PLOVER_IGOS = {"UNO": "UNO", "EUR": "EUR", "EEC": "EUR"}
RESOLUTION = {COUNTRY: 1, US_STATE: 2, US_CITY: 4, WORLD_CITY: 4}


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The shipped JSON Schema of an exported PLOVER record."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _entity(row: Row, role: str) -> list[dict[str, Any]]:
    if not (row.get(f"{role}_text") or row.get(f"{role}_code")):
        return []
    parts = actor_parts(row, role)
    code = parts.country
    if code is None and row.get(f"{role}_country"):
        groups = (row.get(f"{role}_sector") or "").split()
        code = next((PLOVER_IGOS[g] for g in groups if g in PLOVER_IGOS), row[f"{role}_country"])
    return [{
        "entity_text": row.get(f"{role}_text") or parts.name or "",
        "code": code,
        "country_name": country_name(parts.country),
        "sector": parts.types[0] if parts.types else None,
        "other_sector_codes": list(parts.types[1:]),
        "identifier_text": row.get(f"{role}_name"),
        "actor_code": parts.code,
    }]


def _location(row: Row) -> Optional[dict[str, Any]]:
    name = row.get("location_name")
    if not name:
        return None
    geo = action_geo(name, row.get("location_country"), row.get("lat"), row.get("lon"), row.get("location_geonameid"))
    return {
        "resolved_place": name,
        "geonameid": row.get("location_geonameid"),
        "lat": row.get("lat"),
        "lon": row.get("lon"),
        "city": name if geo.type in (US_CITY, WORLD_CITY) else None,
        "province": name if geo.type == US_STATE else None,
        "country": geo.country_name,
        "country_code": row.get("location_country"),
        "resolution": RESOLUTION.get(geo.type or 0),
    }


def record(row: Row) -> Optional[dict[str, Any]]:
    """The PLOVER record of one exported event row; None when the event has no PLOVER type or date."""
    if not row.get("plover_type") or row.get("date") is None:
        return None
    ingested = row.get("article_ingested_at")
    return {
        "id": row["id"],
        "date": row["date"].isoformat(),
        "date_precision": row.get("date_precision"),
        "actor": _entity(row, "source"),
        "recipient": _entity(row, "target"),
        "event": [row["plover_type"]],
        "mode": [row["plover_mode"]] if row.get("plover_mode") else [],
        "context": [],  # dragoman codes no PLOVER contexts
        "event_loc": _location(row),
        "event_text": [row["trigger_text"]] if row.get("trigger_text") else [],
        "quad_code": row.get("quad_class"),
        "text_info": {"sequence": row["sentence"], "start": row["start"], "end": row["end"]},
        "cite_info": {
            "citation": row["article_id"],
            "url": row.get("article_url"),
            "title": row.get("article_title"),
            "language": "en",
            "publication": row.get("article_source"),
            "coder": f"dragoman {__version__}",
            "codebook": "CAMEO mapped to PLOVER (dragoman/data/plover/cameo_map.yaml)",
        },
        "coder": f"dragoman {__version__}",
        "coded_date": ingested.date().isoformat() if ingested is not None else None,
        "story_id": row["article_id"],
        "sentence_number": row["sentence"] + 1,
        "cameo": row["cameo"],
    }


def write(rows: Iterable[Row], out: Path, header: bool = False) -> tuple[list[Path], int]:
    """``out/plover_events.jsonl`` from exported event rows, streamed; returns the path and how many
    events were left out for want of a PLOVER type or a date."""
    path = out / "plover_events.jsonl"
    left_out = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            found = record(row)
            if found is None:
                left_out += 1
                continue
            handle.write(json.dumps(found, ensure_ascii=False) + "\n")
    return [path], left_out
