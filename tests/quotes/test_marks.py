"""Quote-mark scanning: a text in, the quoted parts out (no model needed)."""

from __future__ import annotations

import pytest

from dragoman.quotes.marks import scan_marks


def parts(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in quote.parts] for quote in scan_marks(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The envoy said "talks are over" on Monday.', [["talks are over"]]),
        ("The envoy said “talks are over” on Monday.", [["talks are over"]]),
        ("“We will not,” Lavrov said, “accept these terms.”", [["We will not,"], ["accept these terms."]]),
        ("“He told me ‘never again’ last year,” she said.", [["He told me ‘never again’ last year,"]]),
        ('"He told me \'never again\' last year," she said.', [["He told me 'never again' last year,"]]),
        ("The minister’s aides rejected the ‘so-called peace plan’ outright.", [["so-called peace plan"]]),
        ("It’s the government’s plan, the minister’s aide said.", []),
        # Two apostrophes stand for a double mark in some newspaper archives.
        ("''We can't wait,'' the mayor said. ''It's time.''", [["We can't wait,"], ["It's time."]]),
    ],
)
def test_balanced_marks(text: str, expected: list[list[str]]) -> None:
    assert parts(text) == expected


def test_three_paragraph_quote_is_one_quotation() -> None:
    text = (
        "The governor read from her statement:\n\n"
        "“The floods destroyed four bridges and the main road to the capital.\n\n"
        "“Our engineers will work through the night to open a temporary route.\n\n"
        "“Nobody should travel until we say it is safe.”\n\n"
        "Rescue teams reached the valley on Friday."
    )
    assert parts(text) == [[
        "The floods destroyed four bridges and the main road to the capital.",
        "Our engineers will work through the night to open a temporary route.",
        "Nobody should travel until we say it is safe.",
    ]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opening mark never closed: dropped at the paragraph end, the next paragraph is intact.
        ("The mayor said “the budget is balanced.\n\nCouncil members called it “fiction” on Tuesday.",
         [["fiction"]]),
        # A second opening mark supersedes an unclosed one in the same paragraph.
        ('He said "the vote is rigged and then she said "we won fairly" to cheers.', [["we won fairly"]]),
        # A stray closing mark is ignored.
        ("Officials denied it” and left. Later the spokesman said “no comment.”", [["no comment."]]),
        # The last paragraph of a long quote lost its closing mark: the collected parts are kept.
        ("“First part of the speech.\n“Second part without an end\nThe crowd cheered.",
         [["First part of the speech.", "Second part without an end"]]),
    ],
)
def test_unbalanced_marks_stay_in_their_paragraph(text: str, expected: list[list[str]]) -> None:
    assert parts(text) == expected


def test_empty_and_markless_texts() -> None:
    assert scan_marks("") == []
    assert scan_marks('"') == []
    assert scan_marks("No quotation here at all.") == []


def test_two_apostrophe_marks_are_two_characters_wide() -> None:
    text = "The mayor said ''the council's plan is dead'' on Monday."
    [quote] = scan_marks(text)
    assert text[quote.outer_start : quote.outer_end] == "''the council's plan is dead''"
