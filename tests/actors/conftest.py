"""Shared fixtures of the actor tests: one parsed model, one resolver with the test people."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def actor_nlp():
    from dragoman.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def resolver():
    from dragoman.actors import ActorResolver

    return ActorResolver([FIXTURES / "people.yaml"])


@pytest.fixture(scope="session")
def extract(actor_nlp, resolver):
    """extract(text, published) -> list of actors."""

    def run(text: str, published: str | None = None):
        return resolver.extract(actor_nlp(text), published)

    return run

