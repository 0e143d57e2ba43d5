"""Dated roles from a Wikidata JSON dump: people's "position held" (P39) statements as an actor file.

``build_roles(dump, out)`` streams a user-supplied dump (``latest-all.json.gz``: one entity per line
inside a JSON array; ``.gz``, ``.bz2`` or plain) twice, in bounded memory:

1. the small facts positions need: each position's jurisdiction ("applies to jurisdiction", P1001),
   country (P17) and English label (the role's title), every place's country and every item's
   ISO 3166-1 alpha-3 code (P298); people are not kept;
2. each human (P31 = Q5) with a P39 statement: one role per statement, with its start (P580) and end
   (P582) qualifiers, coded ``<country>GOV`` where the country is the position's jurisdiction (or
   that jurisdiction's country, or the position's P17) that has an alpha-3 code.

Memory holds only positions and countries (a few hundred thousand small entries for the full dump),
never the people, who are written out as they are read. The output is the ``--actors`` people format.
Roles are GOV: Wikidata positions do not say which sector they belong to; a user who needs MIL or
LEG roles edits the file or filters by position.
"""

from __future__ import annotations

import bz2
import gzip
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import yaml

from dragoman.errors import InputError

log = logging.getLogger(__name__)

HUMAN = "Q5"
POSITION_HELD, START, END = "P39", "P580", "P582"
JURISDICTION, COUNTRY, ALPHA3 = "P1001", "P17", "P298"


@dataclass
class BuildSummary:
    entities: int = 0
    people: int = 0
    roles: int = 0
    skipped_roles: int = 0  # no country could be found for the position
    positions: int = 0
    countries: int = 0
    out: str = ""
    notes: list[str] = field(default_factory=list)


def _open(path: Path) -> IO[str]:
    if not path.is_file():
        raise InputError(f"{path}: Wikidata dump not found")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


def entities(path: Path) -> Iterator[dict[str, Any]]:
    """The dump's entities, one JSON object per line (the array's brackets and commas skipped)."""
    with _open(path) as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip().rstrip(",")
            if not line or line in {"[", "]"}:
                continue
            try:
                entity = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}: line {number} is not a Wikidata entity: {exc.msg}") from exc
            if not isinstance(entity, dict) or "id" not in entity:
                raise InputError(f"{path}: line {number} is not a Wikidata entity (no id)")
            yield entity


def _values(entity: dict[str, Any], prop: str) -> list[Any]:
    claims = entity.get("claims") or {}
    found = []
    for statement in claims.get(prop, []):
        if statement.get("rank") == "deprecated":
            continue
        value = (statement.get("mainsnak") or {}).get("datavalue", {}).get("value")
        if value is not None:
            found.append(value)
    return found


def _item_ids(entity: dict[str, Any], prop: str) -> list[str]:
    return [v["id"] for v in _values(entity, prop) if isinstance(v, dict) and "id" in v]


def _time(qualifiers: dict[str, Any], prop: str) -> str | None:
    """A qualifier's date as YYYY, YYYY-MM or YYYY-MM-DD, as precise as Wikidata states it."""
    for snak in qualifiers.get(prop, []):
        value = (snak.get("datavalue") or {}).get("value") or {}
        time = value.get("time")
        if not isinstance(time, str) or not time.startswith("+"):
            continue
        year, month, day = time[1:11].split("-")
        precision = value.get("precision", 11)
        if precision >= 11 and month != "00" and day != "00":
            return f"{year}-{month}-{day}"
        if precision >= 10 and month != "00":
            return f"{year}-{month}"
        return year
    return None


def _label(entity: dict[str, Any]) -> str | None:
    label = (entity.get("labels") or {}).get("en") or {}
    return label.get("value")


def build_roles(dump: Path, out: Path) -> BuildSummary:
    """Write the dated roles of every person in ``dump`` to ``out`` (YAML, the people format)."""
    summary = BuildSummary(out=str(out))
    alpha3: dict[str, str] = {}
    position_places: dict[str, tuple[str, ...]] = {}  # position -> jurisdictions, then its own countries
    place_country: dict[str, str] = {}  # jurisdiction -> its country (P17), for provinces and cities
    position_titles: dict[str, str] = {}  # position -> its English label ("Minister of the Interior of Peru")
    for entity in entities(dump):
        summary.entities += 1
        qid = entity["id"]
        codes = [v for v in _values(entity, ALPHA3) if isinstance(v, str) and len(v) == 3]
        if codes:
            alpha3[qid] = codes[0].upper()
        jurisdictions = _item_ids(entity, JURISDICTION)
        countries = _item_ids(entity, COUNTRY)
        if jurisdictions:
            position_places[qid] = tuple(jurisdictions + countries)
            label = _label(entity)
            if label:
                position_titles[qid] = label
        if countries:
            place_country[qid] = countries[0]
    summary.positions, summary.countries = len(position_places), len(alpha3)

    def country_of(position: str) -> str | None:
        for place in position_places.get(position, ()):
            code = alpha3.get(place) or alpha3.get(place_country.get(place, ""))
            if code:
                return code
        return None

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        handle.write(f"# Dated roles from Wikidata 'position held' (P39) statements in {dump.name}\n"
                     "# written by `dragoman actors build --wikidata`; Wikidata content is CC0.\n")
        for entity in entities(dump):
            if HUMAN not in _item_ids(entity, "P31"):
                continue
            name = _label(entity)
            statements = (entity.get("claims") or {}).get(POSITION_HELD, [])
            if not name or not statements:
                continue
            roles = []
            for statement in statements:
                if statement.get("rank") == "deprecated":
                    continue
                position = ((statement.get("mainsnak") or {}).get("datavalue") or {}).get("value", {}).get("id")
                country = country_of(position) if position else None
                if country is None:
                    summary.skipped_roles += 1
                    continue
                qualifiers = statement.get("qualifiers") or {}
                role: dict[str, Any] = {"code": f"{country}GOV"}
                title = position_titles.get(position)
                if title:
                    role["title"] = title
                role["start"] = _time(qualifiers, START)
                role["end"] = _time(qualifiers, END)
                roles.append(role)
            if not roles:
                continue
            aliases = [a["value"] for a in (entity.get("aliases") or {}).get("en", []) if a.get("value")]
            person: dict[str, Any] = {"name": name}
            if aliases:
                person["aliases"] = aliases
            person["roles"] = roles
            person["wikidata"] = entity["id"]
            handle.write(yaml.safe_dump([person], sort_keys=False, allow_unicode=True, default_flow_style=None))
            summary.people += 1
            summary.roles += len(roles)
    log.info("wikidata roles: %s", summary)
    return summary

