"""Reported violence: a speaker who opens the sentence alleges the act (112); a trailing
attribution only sources it, and the act is coded. A speaker telling of its own act, or a news
outlet relaying a report, accuses no one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ACTORS = {
    "Armenia": "ARM", "Azerbaijan": "AZE", "Azerbaijani troops": "AZEMIL", "Armenian state television": "ARMMED",
    "the Karabakh Strip": "AZE", "Georgia": "GEO",
}

CASES = [
    # leading speaker, another actor's attack: the speaker's allegation against the attacker
    ("Armenia said Azerbaijani troops shelled three border villages on Sunday.", {("1123", "ARM", "AZEMIL")}),
    ("Armenia said that Azerbaijan had attacked its border posts.", {("1123", "ARM", "AZE")}),
    # a passive with no agent: where the fire came from names the accused
    ("Armenia said a rocket was fired at it from the Karabakh Strip overnight.", {("1123", "ARM", "AZE")}),
    # trailing attribution only sources the report: the attack itself is coded
    ("Azerbaijani troops shelled three border villages on Sunday, Armenia said.", {("194", "AZEMIL", None)}),
    # the media relay news, they do not accuse
    ("Armenian state television said Azerbaijani troops shelled three villages.", {("194", "AZEMIL", None)}),
    # a speaker telling of its own act claims it, and the act stays coded
    ("Azerbaijan said it attacked the border posts of Armenia.", {("190", "AZE", "ARM")}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_reported_violence(dyads, text, expected):
    assert dyads(text, ACTORS) == expected


def test_an_allegation_names_the_rule(code):
    events = code("Georgia said Azerbaijani troops shelled three border villages.", ACTORS)
    assert [e.rule.split(">")[0] for e in events] == ["allegation"]
