"""Within-document resolution: surnames, nominals and subject pronouns point to earlier actors."""

import pytest


def find(actors, text):
    """The actor whose span text is ``text`` (None when absent)."""
    return next((a for a in actors if a.text == text), None)



pytestmark = pytest.mark.model

STORY = (
    "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Antalya on Monday. "
    "Lavrov told reporters the talks had been useful. "
    "He said a second round would follow. "
    "The minister then flew back to Moscow."
)


def test_surname_pronoun_and_nominal(extract):
    actors = extract(STORY, "2021-04-01")
    surname = find(actors, "Lavrov")
    pronoun = find(actors, "He")
    nominal = find(actors, "The minister")
    assert (surname.code, surname.rule, surname.name) == ("RUSGOV", "coref:surname", "Sergei Lavrov")
    assert (pronoun.code, pronoun.kind, pronoun.rule, pronoun.name) == ("RUSGOV", "pronoun", "coref:pronoun",
                                                                        "Sergei Lavrov")
    assert (nominal.code, nominal.kind, nominal.rule) == ("RUSGOV", "nominal", "coref:nominal")


def test_resolved_mentions_keep_their_own_offsets(extract):
    for actor in extract(STORY, "2021-04-01"):
        assert STORY[actor.start:actor.end] == actor.text


def test_unknown_person_resolved_by_surname(extract):
    text = ("Kenyan Interior Minister Fred Matiang'i toured the camp. "
            "Matiang'i promised more police.")
    actors = extract(text)
    assert find(actors, "Matiang'i").code == "KENGOV"


def test_they_refers_to_a_group(extract):
    text = "Syrian rebels seized the hill on Sunday. They said the army had fled."
    pronoun = find(extract(text), "They")
    assert (pronoun.code, pronoun.rule) == ("SYRREB", "coref:pronoun")


def test_unresolved_pronoun_is_not_emitted(extract):
    assert find(extract("He said the weather would improve."), "He") is None
