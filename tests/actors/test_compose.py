"""Composition: country/organisation + title + name make one actor spanning the noun phrase."""

import pytest


def find(actors, text):
    """The actor whose span text is ``text`` (None when absent)."""
    return next((a for a in actors if a.text == text), None)



pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "sentence, mention, code",
    [
        # unknown people still get a code from nationality + title
        ("Kenyan Interior Minister Fred Matiang'i visited the border post on Monday.",
         "Kenyan Interior Minister Fred Matiang'i", "KENGOV"),
        ("Chilean Defence Minister Jorge Pardoza inspected the fleet.", "Chilean Defence Minister Jorge Pardoza",
         "CHLGOV"),
        # known person: the whole phrase is one actor
        ("Russian Foreign Minister Sergei Lavrov arrived in Cairo.", "Russian Foreign Minister Sergei Lavrov",
         "RUSGOV"),
        # ministries are government, the armed forces military
        ("Russia's defence ministry denied the report.", "Russia's defence ministry", "RUSGOV"),
        ("U.S. intelligence officials briefed reporters.", "U.S. intelligence officials", "USASPY"),
        ("Iraqi troops entered the town at dawn.", "Iraqi troops", "IRQMIL"),
        ("Hungarian officials rejected the proposal.", "Hungarian officials", "HUNGOV"),
        ("Turkish police detained four suspects.", "Turkish police", "TURCOP"),
        ("Nigerian lawmakers passed the budget.", "Nigerian lawmakers", "NGALEG"),
        ("Syrian rebels shelled the airport.", "Syrian rebels", "SYRREB"),
        ("Egyptian protesters gathered outside the embassy.", "Egyptian protesters", "EGYOPP"),
        ("Pakistani journalists staged a walkout.", "Pakistani journalists", "PAKMED"),
        ("The president of France called for calm.", "president of France", "FRAGOV"),
        ("Former Peruvian president Alberto Vantoro left the country.", "Former Peruvian president Alberto Vantoro",
         "PERELI"),
        # possessives: the country owns the thing, the thing is not an actor
        ("Turkey's drone program has grown fast.", "Turkey", "TUR"),
        # plural demonyms are the country's civilians
        ("Palestinians marched through the old city.", "Palestinians", "PSECVL"),
    ],
)
def test_composition(extract, sentence, mention, code):
    actor = find(extract(sentence, "2019-05-01"), mention)
    assert actor is not None and actor.code == code


def test_coordinated_nationalities_share_the_title(extract):
    actors = extract("Senior Hungarian and Romanian officials agreed to meet again.")
    assert [(a.text, a.code) for a in actors[:2]] == [("Hungarian", "HUNGOV"), ("Romanian officials", "ROUGOV")]


def test_title_and_name_take_the_document_country(extract):
    text = ("Sudanese troops moved into the capital overnight. "
            "Army chief Gen. Idris Mahjoub Kambal said the operation would end soon.")
    actor = find(extract(text), "Army chief Gen. Idris Mahjoub Kambal")
    assert (actor.code, actor.rule) == ("SDNMIL", "compose:title+name+context")


@pytest.mark.parametrize(
    "sentence, mention, code",
    [
        ("Ankara said the talks had failed.", "Ankara", "TURGOV"),
        ("Washington warned of new sanctions.", "Washington", "USAGOV"),
        ("The Kremlin rejected the accusation.", "Kremlin", "RUSGOV"),
        ("The Pentagon confirmed the strike.", "Pentagon", "USAMIL"),
        ("Downing Street declined to comment.", "Downing Street", "GBRGOV"),
        # after a locative preposition a capital is a place: the country only
        ("The delegates met in Ankara on Friday.", "Ankara", "TUR"),
    ],
)
def test_capitals_and_seats_as_metonyms(extract, sentence, mention, code):
    actor = find(extract(sentence), mention)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    "sentence, mention, code",
    [
        ("The United Nations condemned the attack.", "United Nations", "IGOUNO"),
        ("The U.N. Security Council met in emergency session.", "U.N. Security Council", "IGOUNO"),
        ("NATO troops patrolled the border.", "NATO troops", "IGONATMIL"),
        ("The IAEA sent inspectors.", "IAEA", "IGOUNO"),
        ("The African Union suspended the country.", "African Union", "IGOAFR"),
        ("Amnesty International published the report.", "Amnesty International", "NGOAMN"),
        ("Boko Haram fighters raided the village.", "Boko Haram fighters", "NGAREB"),
    ],
)
def test_international_organisations_and_armed_groups(extract, sentence, mention, code):
    actor = find(extract(sentence), mention)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Zelmor Quantrell said the deal was fair.", "Zelmor Quantrell"),
        ("The Brivane Alliance for Reform rejected the plan.", "Brivane Alliance for Reform"),
    ],
)
def test_unknown_stays_unknown(extract, sentence, mention):
    actor = next(a for a in extract(sentence) if mention in a.text)
    assert actor.code is None and actor.country is None
