"""Shared fixtures: one spaCy pipeline and one dragoman Coder per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.eval import shared_dir

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"


@pytest.fixture(scope="session")
def nlp():
    from dragoman.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def coder():
    from dragoman.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the project; tests that need it skip cleanly when it is absent."""
    path = shared_dir()
    if not (path / "eval").is_dir():
        pytest.skip(f"{path}/eval not present")
    return path


@pytest.fixture()
def wire_story() -> str:
    return (
        "Russia accuses Turkey over Syrian border clashes\n\n"
        "By Elena Marsh | March 14, 2019 | 4:09am EDT\n\n"
        "MOSCOW, March 14 (Meridian News) - Russia accused Turkey on Tuesday of shelling villages "
        "in northern Syria, and the two governments met in Geneva to discuss a truce.\n\n"
        '"We will not accept this," Russian Foreign Minister Sergei Lavrov told reporters.'
    )
