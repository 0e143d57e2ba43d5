"""Article date, byline and dateline read from plain-text wire stories."""

from __future__ import annotations

import pytest

from dragoman.ingest.metadata import parse_date, read_text_metadata


@pytest.mark.parametrize(
    "text, byline, published, published_from, dateline",
    [
        (
            "Ministers quit\nBy Jane Doe | March 14, 2019 | 4:09am EDT\n"
            "MOSCOW, March 13 (Reuters) - Two ministers quit.",
            "Jane Doe",
            "2019-03-14",
            "byline",
            "Moscow",
        ),
        ("MOSCOW, March 13 (Reuters) - Two ministers quit on Tuesday.", None, None, None, "Moscow"),
        ("GENEVA, March 13, 2019 (Reuters) - Talks opened in the city.", None, "2019-03-13", "dateline", "Geneva"),
        ("KABUL, 14 March 2019 (Reuters) -- A bomb exploded near a market.", None, "2019-03-14", "dateline", "Kabul"),
        ("LONDON/MOSCOW (Reuters) - Oil prices fell on Thursday.", None, None, None, "London"),
        ("ST. LOUIS (AP) — The city council voted on Monday.", None, None, None, "St. Louis"),
        ("WASHINGTON — The Senate passed the bill late on Friday.", None, None, None, "Washington"),
        ("The Senate passed the bill on Friday, aides said.", None, None, None, None),
    ],
)
def test_read_text_metadata(text, byline, published, published_from, dateline) -> None:  # type: ignore[no-untyped-def]
    meta = read_text_metadata(text)
    assert (meta.byline, meta.published, meta.published_from, meta.dateline) == (
        byline,
        published,
        published_from,
        dateline,
    )


def test_title_is_split_from_body() -> None:
    meta = read_text_metadata("Ministers quit\nMOSCOW (Reuters) - Two ministers quit.")
    assert meta.title == "Ministers quit"
    assert meta.body.startswith("MOSCOW")


@pytest.mark.parametrize(
    "text, iso",
    [("March 14, 2019", "2019-03-14"), ("14 March 2019", "2019-03-14"), ("2019-03-14", "2019-03-14"), ("soon", None)],
)
def test_parse_date(text: str, iso) -> None:  # type: ignore[no-untyped-def]
    found = parse_date(text)
    assert (found.isoformat() if found else None) == iso
