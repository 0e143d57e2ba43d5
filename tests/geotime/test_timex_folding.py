"""The lower-cased fast path of the time patterns finds exactly what IGNORECASE matching finds."""

from __future__ import annotations

import copy

import pytest

from dragoman.geotime.timex import Rules, compiled_rules


@pytest.fixture(scope="module")
def rules() -> Rules:
    return compiled_rules()


@pytest.mark.parametrize(
    "text",
    [
        "Talks ended on Thursday, March 14, 2019, and resume NEXT MONTH.",
        "In early June the MINISTRY said three years ago it had won “the battle” — last week.",
        "The ſtrike on Monday and İstanbul's vote last Sunday night.",  # letters re folds, lower() lengthens
        "Über 2,000 troops arrived in the spring of 2018 at 5 p.m.",
    ],
)
def test_fast_path_matches_ignorecase_path(rules: Rules, text: str) -> None:
    slow = copy.copy(rules)
    slow.folded_patterns = None
    assert rules.find(text) == slow.find(text)


def test_patterns_are_all_lower_case(rules: Rules) -> None:
    assert rules.folded_patterns is not None
