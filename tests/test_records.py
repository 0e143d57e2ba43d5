"""The record contract: the shipped JSON Schema is the one derived from records.py."""

from __future__ import annotations

import pytest

from dragoman.records import split_code
from dragoman.schema import build_schema, load_schema


def test_shipped_schema_matches_the_records():
    assert load_schema() == build_schema(), "run `python -m dragoman.schema` after changing records.py"


@pytest.mark.parametrize(
    "code, expected",
    [("RUSGOV", ("RUS", "GOV")), ("USAMILGOV", ("USA", "MIL GOV")), ("IRN", ("IRN", None)), (None, (None, None))],
)
def test_split_code(code, expected):
    assert split_code(code) == expected
