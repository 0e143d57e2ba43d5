"""The first-copy rule over scored pairs, as the local run applies it article by article."""

from __future__ import annotations

import pytest

from dragoman.batch.neardup import band_shape, hash_bytes, resolve_links


@pytest.mark.parametrize(
    "pairs, links",
    [
        # B and C copy A: both linked to A
        ([("A", 1, "B", 2, 0.9), ("A", 1, "C", 3, 0.8)], {"B": "A", "C": "A"}),
        # C resembles only B, and B is a copy of A: B is no first copy, so C becomes one
        ([("A", 1, "B", 2, 0.9), ("B", 2, "C", 3, 0.75)], {"B": "A"}),
        # C resembles two first copies: the closer one wins
        ([("A", 1, "C", 3, 0.72), ("B", 2, "C", 3, 0.95)], {"C": "B"}),
        # a tie goes to the earlier copy
        ([("B", 2, "C", 3, 0.8), ("A", 1, "C", 3, 0.8)], {"C": "A"}),
        # D resembles C (a first copy, as C's only match B is linked) and B (linked): D goes to C
        ([("A", 1, "B", 2, 0.9), ("B", 2, "C", 3, 0.8), ("C", 3, "D", 4, 0.8), ("B", 2, "D", 4, 0.99)],
         {"B": "A", "D": "C"}),
    ],
)
def test_first_copy_rule(pairs, links):
    assert resolve_links(pairs) == links


def test_bands_cover_the_signature_as_datasketchs_index_does():
    from dragoman.ingest.dedup import Deduper

    bands, rows = band_shape()
    assert (bands, rows) == (14, 9)
    # every band lies inside the signature: a band past its end would make every pair a candidate
    assert bands * rows * hash_bytes() <= len(Deduper().signature("Ankara and Athens resumed talks on Tuesday."))
