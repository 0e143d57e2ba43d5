"""Each CAMEO root from a wire-style sentence of our own: sentence in, (code, source, target) out."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    # 01 statements
    ("Norway said on Monday that the fishing season would open late.", {"Norway": "NOR"}, ("010", "NOR", None)),
    ("The Kremlin declined to comment on the report.", {"Kremlin": "RUSGOV"}, ("011", "RUSGOV", None)),
    ("Egypt expressed condolences to Morocco after the earthquake.",
     {"Egypt": "EGY", "Morocco": "MAR"}, ("018", "EGY", "MAR")),
    ("Peru denied the allegations made by Chile.", {"Peru": "PER", "Chile": "CHL"}, ("016", "PER", None)),
    # 02 appeals
    ("Kenya urged Uganda to hold talks with the rebels.", {"Kenya": "KEN", "Uganda": "UGA"}, ("026", "KEN", "UGA")),
    ("Sudan appealed to Japan for humanitarian aid.", {"Sudan": "SDN", "Japan": "JPN"}, ("0233", "SDN", "JPN")),
    # 03 intent to cooperate
    ("Brazil pledged to provide economic aid to Haiti.", {"Brazil": "BRA", "Haiti": "HTI"}, ("0331", "BRA", "HTI")),
    ("Vietnam agreed to resume negotiations with Cambodia.",
     {"Vietnam": "VNM", "Cambodia": "KHM"}, ("036", "VNM", "KHM")),
    # 04 consult
    ("Austria hosted Slovenia for a two-day summit.", {"Austria": "AUT", "Slovenia": "SVN"}, ("043", "AUT", "SVN")),
    ("Ghana visited Togo on Tuesday.", {"Ghana": "GHA", "Togo": "TGO"}, ("042", "GHA", "TGO")),
    ("Chile held talks with Bolivia on Friday.", {"Chile": "CHL", "Bolivia": "BOL"}, ("046", "CHL", "BOL")),
    # 05 diplomatic cooperation
    ("Fiji praised Samoa for its handling of the crisis.", {"Fiji": "FJI", "Samoa": "WSM"}, ("051", "FJI", "WSM")),
    ("Qatar signed a defence pact with Oman.", {"Qatar": "QAT", "Oman": "OMN"}, ("057", "QAT", "OMN")),
    # 06 material cooperation
    ("Finland extradited two suspects to Estonia.", {"Finland": "FIN", "Estonia": "EST"}, ("063", "FIN", "EST")),
    # 07 aid
    ("Canada sent food and medicine to Haiti.", {"Canada": "CAN", "Haiti": "HTI"}, ("073", "CAN", "HTI")),
    # 08 yield
    ("Myanmar released the detained journalists from Thailand.",
     {"Myanmar": "MMR", "Thailand": "THA"}, ("0841", "MMR", "THA")),
    ("Italy lifted sanctions on Libya.", {"Italy": "ITA", "Libya": "LBY"}, ("085", "ITA", "LBY")),
    # 09 investigate
    ("Ukraine launched an investigation into the crash.", {"Ukraine": "UKR"}, ("090", "UKR", None)),
    # 10 demands
    ("Greece demanded that Turkey release the detained soldiers.",
     {"Greece": "GRC", "Turkey": "TUR"}, ("1053", "GRC", "TUR")),
    # 11 disapprove
    ("Poland lashed out at Belarus over the border closures.",
     {"Poland": "POL", "Belarus": "BLR"}, ("111", "POL", "BLR")),
    ("Armenia accused Azerbaijan of war crimes.", {"Armenia": "ARM", "Azerbaijan": "AZE"}, ("1124", "ARM", "AZE")),
    # 12 reject
    ("Serbia ruled out talks with Kosovo.", {"Serbia": "SRB", "Kosovo": "XKX"}, ("125", "SRB", "XKX")),
    # 13 threaten
    ("Pakistan threatened to impose sanctions on India.", {"Pakistan": "PAK", "India": "IND"}, ("1312", "PAK", "IND")),
    # 14 protest
    ("Thousands of Chilean students demonstrated against the government.",
     {"Chilean students": "CHLEDU"}, ("141", "CHLEDU", None)),
    # 15 force posture
    ("Ethiopia massed troops near Eritrea.", {"Ethiopia": "ETH", "Eritrea": "ERI"}, ("154", "ETH", "ERI")),
    # 16 reduce relations
    ("Senegal cut diplomatic ties with Gambia.", {"Senegal": "SEN", "Gambia": "GMB"}, ("161", "SEN", "GMB")),
    ("Germany imposed sanctions on Belarus.", {"Germany": "DEU", "Belarus": "BLR"}, ("163", "DEU", "BLR")),
    # 17 coerce
    ("Nigerian police arrested twenty Cameroonian traders.",
     {"Nigerian police": "NGACOP", "Cameroonian traders": "CMRBUS"}, ("173", "NGACOP", "CMRBUS")),
    ("Thailand imposed a curfew on Bangkok.", {"Thailand": "THA"}, ("1723", "THA", None)),
    # 18 assault
    ("Rebels from Mali kidnapped three aid workers from France.",
     {"Rebels from Mali": "MLIREB", "France": "FRA"}, ("181", "MLIREB", "FRA")),
    # 19 fight
    ("Israeli troops clashed with Syrian troops on the border.",
     {"Israeli troops": "ISRMIL", "Syrian troops": "SYRMIL"}, ("190", "ISRMIL", "SYRMIL")),
    ("Turkey launched air strikes against Iraq.", {"Turkey": "TUR", "Iraq": "IRQ"}, ("195", "TUR", "IRQ")),
    # 20 mass violence
    ("Sudanese militias massacred villagers in Darfur.", {"Sudanese militias": "SDNMIL"}, ("202", "SDNMIL", None)),
]


@pytest.mark.parametrize("text,actors,expected", CASES, ids=[c[2][0] for c in CASES])
def test_each_root(dyads, text, actors, expected):
    assert expected in dyads(text, actors)


def test_every_root_is_covered():
    assert {c[2][0][:2] for c in CASES} == {f"{n:02d}" for n in range(1, 21)}
