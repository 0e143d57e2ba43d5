"""Fixtures for the events tests: code a sentence with hand-placed actors (no actor stage)."""

from __future__ import annotations

import re

import pytest

from dragoman.events import EventCoder
from dragoman.records import Actor, Event, Quote


@pytest.fixture(scope="session")
def coder() -> EventCoder:
    return EventCoder()


def place_actors(text: str, codes: dict[str, str]) -> list[Actor]:
    """One resolved Actor per occurrence of each surface string."""
    actors = []
    for surface, code in codes.items():
        for match in re.finditer(re.escape(surface), text):
            actors.append(Actor(surface, match.start(), match.end(), name=surface, code=code, country=code[:3]))
    return actors


@pytest.fixture(scope="session")
def code(nlp, coder):  # type: ignore[no-untyped-def]
    """code(sentence, {"Russia": "RUS", ...}) -> events."""

    def run(text: str, codes: dict[str, str], quotes: list[Quote] | None = None) -> list[Event]:
        doc = nlp(text)
        return coder.code(doc, place_actors(text, codes), quotes or [], "testarticle01")

    return run


def summary(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """{(cameo, source code, target code)} of a list of events."""
    return {(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


@pytest.fixture(scope="session")
def dyads(code):  # type: ignore[no-untyped-def]
    """dyads(sentence, actors) -> {(cameo, source code, target code)}."""

    def run(text: str, codes: dict[str, str],
            quotes: list[Quote] | None = None) -> set[tuple[str, str | None, str | None]]:
        return summary(code(text, codes, quotes))

    return run
