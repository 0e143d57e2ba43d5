"""Toponym resolution: ambiguous names settle by population, the article's countries and qualifiers."""

from __future__ import annotations

from collections import Counter

import pytest

from dragoman.geotime import PlaceResolver
from dragoman.geotime.gazetteer import fold


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver()


@pytest.mark.parametrize(
    "name, country",
    [
        ("Paris", "FRA"),  # the largest Paris
        ("Moscow", "RUS"),
        ("Geneva", "CHE"),
        ("U.S.", "USA"),  # an alias
        ("Britain", "GBR"),
        ("Georgia", "GEO"),  # a country outranks a state without context
        ("Gaza", "PSE"),  # a place the sources lack, from places.yaml
        ("Peking", "CHN"),  # an exonym from the alternate names
    ],
)
def test_names_resolve_without_context(resolver: PlaceResolver, name: str, country: str) -> None:
    entry = resolver.resolve(name)
    assert entry is not None and entry.country == country


def test_article_countries_pull_an_ambiguous_name(resolver: PlaceResolver) -> None:
    assert resolver.resolve("Birmingham").country == "GBR"  # type: ignore[union-attr]
    entry = resolver.resolve("Birmingham", Counter({"USA": 5}))
    assert entry is not None and (entry.country, entry.admin1) == ("USA", "Alabama")


def test_dateline_pulls_an_ambiguous_city(resolver: PlaceResolver) -> None:
    assert resolver.resolve("London").country == "GBR"  # type: ignore[union-attr]
    assert resolver.resolve("London", dateline="Toronto").country == "CAN"  # type: ignore[union-attr]


def test_unknown_names_resolve_to_nothing(resolver: PlaceResolver) -> None:
    assert resolver.resolve("Qwertyland") is None


@pytest.mark.parametrize("raw, key", [("São Paulo", "sao paulo"), ("the U.S.", "us"), ("Ho  Chi-Minh", "ho chi minh")])
def test_fold(raw: str, key: str) -> None:
    assert fold(raw) == key


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence, name, country, admin1",
    [
        ("Tornadoes struck Paris, Texas, on Monday.", "Paris", "USA", "Texas"),
        ("Riot police cleared a square in Paris on Saturday.", "Paris", "FRA", None),
        ("Floods hit Springfield, Illinois, overnight.", "Springfield", "USA", "Illinois"),
    ],
)
def test_adjacent_qualifier_settles_the_city(geo_nlp, resolver, sentence, name, country, admin1) -> None:  # type: ignore[no-untyped-def]
    places = {p.text: p for p in resolver.extract(geo_nlp(sentence), [], None)}
    assert places[name].country == country
    assert places[name].admin1 == admin1
