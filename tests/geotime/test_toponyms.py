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


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # towns the small model tags as ORG or PERSON, or not at all
        ("Aid trucks reached Malakal and Kisumu late on Friday.", {"Malakal": "SSD", "Kisumu": "KEN"}),
        ("Officials at the U.S. Food and Drug Administration said the batch was recalled.", {"U.S.": "USA"}),
        ("The outbreak spread from Tamil Nadu to Kerala within a week.", {"Tamil Nadu": "IND", "Kerala": "IND"}),
        # a town is taken when its country is already named
        (
            "Bushfires in Australia forced the evacuation of Esperance on Monday.",
            {"Australia": "AUS", "Esperance": "AUS"},
        ),
        # place adjectives name their place
        ("Syrian and Turkish officials met near the border.", {"Syrian": "SYR", "Turkish": "TUR"}),
        ("The European Union and the DRC signed a trade pact.", {"European Union": "EUU", "DRC": "COD"}),
        # news-agency abbreviations and generic suffixes
        ("Storms hit Baltimore, Md., overnight.", {"Baltimore": "USA", "Md.": "USA"}),
    ],
)
def test_the_gazetteer_matcher_finds_what_the_ner_missed(geo_nlp, resolver, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    places = {p.text: p.country for p in resolver.extract(geo_nlp(sentence), [], None)}
    for text, country in expected.items():
        assert places.get(text) == country, (text, places)


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence, not_places",
    [
        ("Police said the fire started at noon.", {"Police"}),  # a town in Poland, and a common word
        ("As the talks ended, ministers left.", {"As"}),
        ("Senator Ann Kent said Kent would vote against the bill.", {"Kent"}),  # a surname used alone
        ("Cases of West Nile virus rose in the region.", {"West Nile"}),  # a disease, not a place
        ("Mr. Houston told reporters the deal was off.", {"Houston"}),  # after a title
        ("The deal was announced on Sunday in a statement.", {"Sunday"}),
    ],
)
def test_the_gazetteer_matcher_guards_against_people_and_words(geo_nlp, resolver, sentence, not_places) -> None:  # type: ignore[no-untyped-def]
    places = {p.text for p in resolver.extract(geo_nlp(sentence), [], None)}
    assert not places & not_places, places


def test_demonyms_name_their_place(resolver: PlaceResolver) -> None:
    assert resolver.gazetteer.country_of_demonym("Syrian") == "SYR"
    assert resolver.gazetteer.demonym_place("European").name == "Europe"  # type: ignore[union-attr]


def test_divisions_rank_by_their_share_of_the_country(resolver: PlaceResolver) -> None:
    assert resolver.resolve("Md.").country == "USA"  # type: ignore[union-attr]  # not Liberia's Maryland
    assert resolver.resolve("Victoria").country == "AUS"  # type: ignore[union-attr]  # not Hong Kong's old name
    assert resolver.resolve("Oaxaca State").name == "Oaxaca"  # type: ignore[union-attr]


@pytest.mark.model
@pytest.mark.parametrize(
    "story, admin1",
    [
        # the state the story names elsewhere pulls the ambiguous town, against the larger namesake
        ("Storms knocked out power across Illinois on Monday. In Springfield, crews worked through the night.",
         "Illinois"),
        # with no geography of its own, the larger namesake
        ("In Springfield, crews worked through the night.", "Missouri"),
    ],
)
def test_the_article_geography_pulls_an_ambiguous_town(geo_nlp, resolver, story: str, admin1: str) -> None:  # type: ignore[no-untyped-def]
    places = {p.text: p for p in resolver.extract(geo_nlp(story), [], None)}
    assert (places["Springfield"].country, places["Springfield"].admin1) == ("USA", admin1)


def test_a_nearby_unambiguous_place_pulls_a_city() -> None:
    from dragoman.geotime.gazetteer import GazetteerEntry
    from dragoman.geotime.toponyms import NEARBY_BONUS, ArticleGeography

    decatur = GazetteerEntry("Decatur", "city", "USA", "Illinois", 39.84, -88.95, 71000)
    near = GazetteerEntry("Springfield", "city", "USA", "Illinois", 39.80, -89.64, 114000)
    far = GazetteerEntry("Springfield", "city", "USA", "Missouri", 37.22, -93.30, 170000)
    geography = ArticleGeography.of([[decatur], [near, far]], None)
    assert geography.bonus(far) == 0.0
    assert geography.bonus(near) > NEARBY_BONUS  # the same state and within reach
