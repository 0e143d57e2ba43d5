"""Purposes: protests, appeals, demands, rejections and threats take the finer code their own
words give ("rallied for independence" 1414); a condition or a country's name gives none."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ACTORS = {
    "Bolivian miners": "BOLLAB", "Bolivian students": "BOLEDU", "Bolivia": "BOL", "Paraguay": "PRY",
    "Paraguayan farmers": "PRYAGR", "the Democratic Republic of Congo": "COD",
}

CASES = [
    ("Bolivian miners rallied in La Paz to demand the resignation of the mining minister.", "1411"),
    ("Bolivian students marched through La Paz calling for independence for the eastern lowlands.", "1414"),
    ("Bolivian miners blocked highways to press their demands for greater freedom of assembly.", "1443"),
    ("Paraguayan farmers began a hunger strike to protest the new land tax policy.", "1422"),
    ("Bolivia demanded that Paraguay end its curbs on the press.", "1051"),
    ("Bolivia demanded that Paraguay renounce violence against its border guards.", "1056"),
    ("Bolivia threatened to resume terrorist bombings in Paraguay.", "1383"),
    ("Paraguay promised to democratize its courts.", "0344"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_purpose_gives_the_finer_code(code, text, expected):
    assert expected in {e.cameo for e in code(text, ACTORS)}


@pytest.mark.parametrize("text,expected", [
    # the blockade is the condition, not the threat
    ("Bolivia threatened to respond unless Paraguay ends the blockade of its river ports.", "1381"),
    # "Democratic" in a country's name is no call for democracy
    ("Bolivia demanded that the Democratic Republic of Congo abandon its nuclear program.", "1044"),
])
def test_words_outside_the_purpose_give_no_finer_code(code, text, expected):
    assert expected not in {e.cameo for e in code(text, ACTORS)}
