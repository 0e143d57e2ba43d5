"""GDELT geography from a stored place, and the column files' loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import DataError
from dragoman.export import columns
from dragoman.export.geo import action_geo


@pytest.mark.parametrize("place, expected", [
    (("Budapest", "HUN", 47.49835, 19.04045, 3054643), (4, "Budapest, Hungary", "HU", None, "3054643")),
    (("Hungary", "HUN", 47.0, 20.0, 719819), (1, "Hungary", "HU", "HU", "HU")),
    (("Texas", "USA", 31.0, -99.0, None), (2, "Texas, United States", "US", "USTX", "USTX")),
    # a dateline capital stored without an id: the city of that name at that point, not the state
    (("Washington", "USA", 38.895, -77.036, None), (3, "Washington, United States", "US", None, None)),
    (("Baltic Sea", "BAS", 58.0, 20.0, None), (None, "Baltic Sea", None, None, None)),
    ((None, None, None, None, None), (0, None, None, None, None)),
])
def test_action_geo(place, expected):
    geo = action_geo(*place)
    assert (geo.type, geo.full_name, geo.country_fips, geo.adm1, geo.feature_id) == expected


def test_a_malformed_column_file_fails_loudly(tmp_path, monkeypatch):
    (tmp_path / "broken.csv").write_text("name,filled,dragoman\nSQLDATE,maybe,the date\n", encoding="utf-8")
    monkeypatch.setattr(columns, "DATA", tmp_path)
    with pytest.raises(DataError, match="broken.csv:2"):
        columns.load_columns("broken")


def test_a_writer_that_disagrees_with_its_column_file_fails_loudly():
    with pytest.raises(DataError, match="AvgTone"):
        columns.check_writers("gdelt_events", {"GLOBALEVENTID", "AvgTone"})


@pytest.mark.parametrize("table", ["gdelt_events", "gdelt_mentions", "icews"])
def test_the_readme_mapping_tables_are_the_column_files(table):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for number, column in enumerate(columns.load_columns(table), 1):
        assert f"| {number} | `{column.name}` | {column.dragoman.replace('|', chr(92) + '|')} |" in readme
