"""Negation and modality: refusals and negated cooperation are rejections, threats are not attacks,
future and conditional acts are intentions or threats, never coded as done."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ACTORS = {"Iran": "IRN", "Israel": "ISR", "China": "CHN", "Japan": "JPN", "Cuba": "CUB", "Spain": "ESP"}

CASES = [
    ("China will not negotiate with Japan.", ("125", "CHN", "JPN"), True),
    ("China refused to negotiate with Japan.", ("125", "CHN", "JPN"), False),
    ("China ruled out talks with Japan.", ("125", "CHN", "JPN"), False),
    ("Iran threatened to strike Israel.", ("138", "IRN", "ISR"), False),
    ("Cuba threatened to impose an embargo on Spain.", ("1312", "CUB", "ESP"), False),
    ("Spain will send humanitarian aid to Cuba.", ("0333", "ESP", "CUB"), False),
    ("Iran will attack Israel if the talks fail.", ("138", "IRN", "ISR"), False),
    # an obligation put on another actor in reported speech is the speaker's demand
    ("Spain said Cuba must release the prisoners.", ("1053", "ESP", "CUB"), False),
    # intending a hostile act is a threat
    ("Japan plans to impose sanctions on China.", ("1312", "JPN", "CHN"), False),
]


@pytest.mark.parametrize("text,expected,negated", CASES)
def test_modality_recodes(code, text, expected, negated):
    events = code(text, ACTORS)
    found = {(e.cameo, e.source.code, e.target.code if e.target else None): e for e in events}
    assert expected in found
    assert found[expected].negated is negated


@pytest.mark.parametrize("text,forbidden_root", [
    ("Iran threatened to strike Israel.", "19"),
    ("Iran did not attack Israel.", "19"),
    ("Iran will attack Israel if the talks fail.", "19"),
    ("China refused to negotiate with Japan.", "04"),
])
def test_the_wrapped_act_is_not_coded_as_done(code, text, forbidden_root):
    assert forbidden_root not in {e.cameo_root for e in code(text, ACTORS)}


def test_negated_attack_yields_nothing(code):
    assert code("Iran did not attack Israel.", ACTORS) == []


@pytest.mark.parametrize("text", [
    # a guess at what someone wants or may ask is no appeal or demand
    "Iran might want Israel to leave the talks.",
    "China may ask Japan to pay compensation.",
])
def test_a_guessed_verbal_act_is_not_coded(code, text):
    assert code(text, ACTORS) == []


@pytest.mark.parametrize("text,forbidden_root", [
    # the act of an if- or unless-clause may never happen, and is no intention or threat of anyone's
    ("If Spain convicts the Cuban envoy, he will face ten years in prison.", "11"),
    ("Japan would lose face if China criticized its envoy.", "11"),
    ("Unless Spain condemns the raid, Cuba will recall its ambassador.", "11"),
])
def test_an_act_under_a_condition_is_not_coded_as_done(code, text, forbidden_root):
    assert forbidden_root not in {e.cameo_root for e in code(text, ACTORS)}
