"""Fixtures of the quotes tests: one spaCy pipeline for the whole session."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def quotes_nlp() -> Language:
    """The shared spaCy pipeline (cached by load_nlp)."""
    from dragoman.nlp import load_nlp

    return load_nlp()
