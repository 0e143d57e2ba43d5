"""Linker: exact copies in one run are caught, with a bounded memory of what the run has seen."""

from __future__ import annotations

from dragoman.records import ArticleMeta, Skipped
from dragoman.run import Linker


def _cleaned(*ids: str) -> list:
    return [(ArticleMeta(id=article_id, origin=f"{article_id}.txt"), "Russia accused Turkey.") for article_id in ids]


def test_copies_are_caught_in_the_run_or_by_the_store():
    stored: set[str] = set()
    linker = Linker(lambda ids: stored & set(ids), remember=2)
    first = linker.link(_cleaned("a1", "a2", "a1"))
    assert [isinstance(r, Skipped) for r in first] == [False, False, True]  # a1 again, same run
    linker.link(_cleaned("a3"))
    # a2 is still remembered by the run; a1 is not, so only the store can say it is a copy
    assert isinstance(linker.link(_cleaned("a2"))[0], Skipped)
    assert not isinstance(linker.link(_cleaned("a1"))[0], Skipped)
    stored.add("a1")
    later = linker.link(_cleaned("a1", "a4"))
    assert later[0] == Skipped("a1.txt", "already stored", duplicate_of="a1")
    assert not isinstance(later[1], Skipped)


def test_near_copies_are_linked_to_their_first_copy():
    from dragoman.ingest.dedup import Deduper

    story = ("MOSCOW, March 14 (Meridian News) - Russia accused Turkey on Tuesday of shelling villages in "
             "northern Syria, and the two governments met in Geneva to discuss a truce on the border.")
    linker = Linker(lambda ids: set(), Deduper())
    first, update = linker.link([
        (ArticleMeta(id="a1"), story),
        (ArticleMeta(id="a2"), story + " (Updates with a correction.)"),
    ])
    assert first[0].duplicate_of is None
    assert update[0].duplicate_of == "a1"
    assert set(linker.take_signatures(["a1", "a2"])) == {"a1"}  # only first copies are indexed and saved
