"""The cached gazetteer index: built once, reopened read-only, rebuilt when stale or corrupt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman import gazindex
from dragoman.gazindex import GazetteerIndex, fold

TINY = [
    (("Freedonia", "country", "FRD", None, 10.0, 20.0, 5_000_000, 1), ["Freedonia"]),
    (("Port Ellis", "city", "FRD", None, 10.5, 20.5, 120_000, 2), ["Port Ellis", "Ellisport"]),
    (("Port Ellis", "city", "SLV", None, -5.0, 3.0, 2_000, 3), ["Port Ellis"]),
]


@pytest.fixture
def tiny_sources(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Replace the package sources by three invented places; count the builds."""
    builds: list[int] = []

    def places() -> Iterator:
        builds.append(1)
        yield from TINY

    monkeypatch.setattr(gazindex, "source_places", places)
    return builds


def test_first_use_builds_the_file_and_later_uses_read_it(tmp_path: Path, tiny_sources: list[int]) -> None:
    first = GazetteerIndex(tmp_path)
    assert first.path.is_file() and first.path.parent == tmp_path
    assert [row[2] for row in first.rows("port ellis")] == ["FRD", "SLV"]  # build order kept
    second = GazetteerIndex(tmp_path)
    assert second.rows(fold("Ellisport"))[0][0] == "Port Ellis"
    assert [row[0] for row in second.countries()] == ["Freedonia"]
    assert len(tiny_sources) == 1


def test_a_corrupt_file_is_rebuilt(tmp_path: Path, tiny_sources: list[int]) -> None:
    path = GazetteerIndex(tmp_path).path
    path.write_bytes(b"not a database at all")
    assert GazetteerIndex(tmp_path).rows("freedonia")
    assert len(tiny_sources) == 2


def test_an_unwritable_cache_falls_back_to_memory(tmp_path: Path, tiny_sources: list[int]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    index = GazetteerIndex(blocker / "sub")
    assert index.rows("freedonia")[0][2] == "FRD"
    assert not any(p.suffix == ".tmp" for p in tmp_path.rglob("*"))


def test_the_cache_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gazindex.cache_dir() == tmp_path / "dragoman"


def test_the_key_changes_with_the_format(monkeypatch: pytest.MonkeyPatch) -> None:
    key = gazindex.cache_key()
    monkeypatch.setattr(gazindex, "FORMAT", gazindex.FORMAT + 1)
    assert gazindex.cache_key() != key
