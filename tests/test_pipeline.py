"""Pipeline.link: exact copies in one run are caught, with a bounded memory of what the run has seen."""

from __future__ import annotations

import pytest

import dragoman.pipeline as pipeline_module
from dragoman.records import ArticleMeta, Skipped


def _prepared(*ids: str) -> list:
    return [(ArticleMeta(id=article_id, origin=f"{article_id}.txt"), "Russia accused Turkey.") for article_id in ids]


@pytest.mark.model
def test_copies_are_caught_in_the_run_or_by_the_store(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline_module, "LINKED_IDS", 2)
    monkeypatch.setattr(pipeline, "_linked", type(pipeline._linked)())
    first = pipeline.link(_prepared("a1", "a2", "a1"), is_stored=lambda ids: set())
    assert [isinstance(r, Skipped) for r in first] == [False, False, True]  # a1 again, same run
    pipeline.link(_prepared("a3"), is_stored=lambda ids: set())
    assert list(pipeline._linked) == ["a2", "a3"]  # only the latest two are remembered
    # a2 is still remembered by the run; a1 is not, so only the store can say it is a copy
    assert isinstance(pipeline.link(_prepared("a2"), is_stored=lambda ids: set())[0], Skipped)
    later = pipeline.link(_prepared("a1", "a4"), is_stored=lambda ids: {"a1"} & set(ids))
    assert later[0] == Skipped("a1.txt", "already stored", duplicate_of="a1")
    assert not isinstance(later[1], Skipped)
