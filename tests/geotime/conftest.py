"""Shared fixtures of the time/place tests: one spaCy pipeline per session."""

from __future__ import annotations

import pytest

from dragoman.nlp import load_nlp


@pytest.fixture(scope="session")
def geo_nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline (cached by load_nlp, so shared with other areas' fixtures)."""
    return load_nlp()
