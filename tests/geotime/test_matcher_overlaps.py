"""The toponym matcher's overlap test answers as a scan over every taken span would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dragoman.geotime.matcher import _Overlaps

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(lambda p: (min(p), max(p))), max_size=12)


@given(spans, st.integers(0, 60), st.integers(1, 10))
def test_overlaps_agrees_with_a_scan(taken: list[tuple[int, int]], start: int, width: int) -> None:
    end = start + width
    expected = any(s < end and start < e for s, e in taken)
    assert _Overlaps(taken).overlaps(start, end) == expected
