"""The explorer's aggregations: counts per period and quad class, dyad edges, places and top actors,
over hand-built records whose answers can be counted by eye."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.errors import InputError
from dragoman.records import Actor, ArticleMeta, ArticleRecord, Event, Location, Trigger
from dragoman.store import EventFilter, Store
from dragoman.store import aggregate
from dragoman.store.query import ActorFilter

RUS = ("Russia", "RUS")
UKR = ("Ukraine", "UKR")
FJI = ("Fiji", "FJI")
SUVA = Location("Suva", "FJI", -18.14, 178.44)
TAVEUNI = Location("Taveuni", "FJI", -16.85, 180.0 + 0.02)  # east of the antimeridian, stored as 180.02
KYIV = Location("Kyiv", "UKR", 50.45, 30.52)


def _actor(text: str, who: tuple[str, str], start: int = 0) -> Actor:
    name, code = who
    return Actor(text, start, start + len(text), name, code, code[:3], code[3:] or None, "country", "dictionary")


def _article(n: int, published: str, acts: list[tuple[tuple[str, str], tuple[str, str], str, float, int, str,
                                                       Location | None]]) -> ArticleRecord:
    """One article whose sentence n holds one act each: (source, target, cameo, goldstein, quad, date, place)."""
    sentences, events, actors = [], [], []
    offset = 0
    for k, (source, target, cameo, goldstein, quad, day, place) in enumerate(acts):
        sentence = f"{source[0]} acted against {target[0]}."
        src = _actor(source[0], source, offset)
        tgt = _actor(target[0], target, offset + sentence.index(target[0]))
        trigger_start = offset + len(source[0]) + 1
        events.append(Event(
            id=f"x{n}-{k}", sentence=k, start=offset, end=offset + len(sentence),
            trigger=Trigger("acted", trigger_start, trigger_start + 5), cameo=cameo, cameo_root=cameo[:2],
            goldstein=goldstein, quad_class=quad, source=src, target=tgt, date=day, date_precision="day",
            location=place, rule="test.act",
        ))
        actors += [src, tgt]
        sentences.append(sentence)
        offset += len(sentence) + 1
    return ArticleRecord(ArticleMeta(id=f"article{n:04d}", title=f"Story {n}", published=published),
                         " ".join(sentences), actors, [], events)


@pytest.fixture()
def store(tmp_path):
    store = Store(tmp_path / "agg.duckdb")
    store.add([
        _article(1, "2022-02-24", [(RUS, UKR, "190", -10.0, 4, "2022-02-24", KYIV),
                                   (RUS, UKR, "112", -2.0, 3, "2022-02-25", KYIV),
                                   (UKR, RUS, "111", -2.0, 3, "2022-03-02", KYIV)]),
        _article(2, "2022-03-10", [(RUS, ("Ukraine", "UKRGOV"), "036", 4.0, 1, "2022-03-10", None),
                                   (FJI, RUS, "042", 1.9, 1, "2022-03-11", SUVA),
                                   (FJI, UKR, "042", 1.9, 1, "2022-03-12", TAVEUNI)]),
    ])
    return store


def test_timeline_counts_events_per_period_and_quad_class_with_the_goldstein_sum(store):
    rows = aggregate.timeline(store, EventFilter(), "month")
    by_key = {(r["period"], r["quad_class"]): r for r in rows}
    assert by_key[(date(2022, 2, 1), 4)]["events"] == 1
    assert by_key[(date(2022, 2, 1), 3)]["goldstein_sum"] == -2.0
    assert by_key[(date(2022, 3, 1), 1)]["events"] == 3
    assert by_key[(date(2022, 3, 1), 1)]["goldstein_sum"] == pytest.approx(7.8)
    assert sum(r["events"] for r in rows) == 6


def test_timeline_takes_the_same_filter_as_the_listing_and_its_reverse_dyad(store):
    forward = EventFilter(source="RUS", target="UKR")
    assert sum(r["events"] for r in aggregate.timeline(store, forward, "year")) == 3  # UKR and UKRGOV: a prefix
    backward = aggregate.reverse_dyad(forward)
    assert (backward.source, backward.target) == ("UKR", "RUS")
    assert [(r["period"], r["events"]) for r in aggregate.timeline(store, backward, "day")] == [(date(2022, 3, 2), 1)]


def test_an_unknown_period_is_refused_by_name(store):
    with pytest.raises(InputError, match="decade"):
        aggregate.timeline(store, EventFilter(), "decade")


def test_network_edges_are_dyads_weighted_by_count_with_their_nodes(store):
    graph = aggregate.network(store, EventFilter())
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("RUS", "UKR")]["events"] == 2
    assert edges[("RUS", "UKR")]["goldstein_mean"] == -6.0
    assert set(edges) == {("RUS", "UKR"), ("UKR", "RUS"), ("RUS", "UKRGOV"), ("FJI", "RUS"), ("FJI", "UKR")}
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["RUS"] == {"id": "RUS", "sent": 3, "received": 2}
    assert aggregate.network(store, EventFilter(), limit=1)["edges"][0]["source"] == "RUS"


def test_places_are_counted_and_longitudes_wrap_at_the_antimeridian(store):
    places = {p["name"]: p for p in aggregate.places(store, EventFilter())}
    assert places["Kyiv"]["events"] == 3
    assert places["Kyiv"]["goldstein_mean"] == pytest.approx(-4.667, abs=1e-3)
    assert places["Taveuni"]["lon"] == pytest.approx(-179.98)
    assert places["Suva"]["lon"] == pytest.approx(178.44)
    assert [p["name"] for p in aggregate.places(store, EventFilter(quad_class=1))] == ["Suva", "Taveuni"]


def test_top_actors_rank_by_mentions_and_keep_each_code_a_name_was_used_with(store):
    rows = aggregate.top_actors(store, ActorFilter())
    assert (rows[0]["name"], rows[0]["code"], rows[0]["mentions"]) == ("Russia", "RUS", 5)
    ukraine = {(r["code"], r["first_seen"], r["last_seen"]) for r in rows if r["name"] == "Ukraine"}
    assert ukraine == {("UKR", date(2022, 2, 24), date(2022, 3, 10)), ("UKRGOV", date(2022, 3, 10), date(2022, 3, 10))}
    assert [r["code"] for r in aggregate.top_actors(store, ActorFilter(code="ukrg"))] == ["UKRGOV"]
    assert aggregate.top_actors(store, ActorFilter(name="%")) == []  # a search is literal text


def test_hostile_filter_values_are_parameters_not_sql(store):
    hostile = EventFilter(place="'; DROP TABLE events; --", text="%' OR 1=1 --")
    assert aggregate.event_count(store, hostile) == 0
    assert aggregate.event_count(store, EventFilter()) == 6


def test_the_text_filter_reads_the_sentence_from_the_article(store):
    against_russia = EventFilter(text="against russia")
    assert aggregate.event_count(store, against_russia) == 2  # Ukraine's criticism and Fiji's consultation
    assert sum(r["events"] for r in aggregate.timeline(store, against_russia, "year")) == 2
    assert {(e["source"], e["target"]) for e in aggregate.network(store, against_russia)["edges"]} == {
        ("UKR", "RUS"), ("FJI", "RUS")}
