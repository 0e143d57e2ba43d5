"""The dictionary loader: fails loudly on malformed entries; user files add and override entries."""

from pathlib import Path

import pytest

from dragoman.actors import ActorResolver
from dragoman.actors.lexicon import load_lexicon
from dragoman.errors import DataError


def find(actors, text):
    """The actor whose span text is ``text`` (None when absent)."""
    return next((a for a in actors if a.text == text), None)


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    "content, message",
    [
        ("- {name: Ada Vorn, roles: [{code: usagov, start: 2001}]}\n", r"entry 1 \(Ada Vorn\) role 1"),
        ("- {name: Ada Vorn, roles: [{code: USAGOV, start: 2001-13}]}\n", "no month 13"),
        ("- {name: Ada Vorn, roles: [{code: USAGOV, start: 2005, end: 2001}]}\n", "before it starts"),
        ("- {name: Ada Vorn}\n", "needs roles"),
        ("- {aliases: [x]}\n", "needs a name"),
        ("sectors: {XYZ: {person: [bosun]}}\n", "unknown sector"),
        ("FRA: {adjectives: [Gallic]}\n", "country FRA"),
    ],
)
def test_malformed_entries_fail_loudly(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message) as error:
        load_lexicon([path])
    assert str(path) in str(error.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(DataError, match="not found"):
        load_lexicon([tmp_path / "nope.yaml"])


def test_builtin_dictionaries_load():
    lexicon = load_lexicon()
    assert lexicon.proper.get(("Ivorian",)).code == "CIV"
    assert lexicon.proper.get(("U.S.",)).code == "USA"
    assert lexicon.terms.get(("foreign", "minister")).sector == "GOV"


USER_FILE = """\
- name: Hillary Clinton
  roles:
    - {code: USAMED, title: Columnist, start: 2000, end: null}
- name: Brivane Alliance for Reform
  aliases: [BAR]
  code: BRAOPP
"""


@pytest.mark.model
def test_user_dictionary_overrides_and_adds(actor_nlp, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    resolver = ActorResolver([FIXTURES / "people.yaml", tmp_path])  # a folder stands for its *.yaml files
    doc = actor_nlp("Hillary Clinton met the Brivane Alliance for Reform.")
    actors = resolver.extract(doc, "2011-01-01")
    assert find(actors, "Hillary Clinton").code == "USAMED"
    assert find(actors, "Brivane Alliance for Reform").code == "BRAOPP"


def test_lexicon_is_cached_per_file_set():
    assert load_lexicon([FIXTURES / "people.yaml"]) is load_lexicon([Path(FIXTURES / "people.yaml")])


@pytest.mark.parametrize(
    "content, message",
    [
        ("- {name: Ada Vorn, nicknames: [Ada Vee], roles: [{code: USAGOV, start: 2001}]}\n", "must be one word"),
        ("- {name: Ada Vorn, surname: 7, roles: [{code: USAGOV, start: 2001}]}\n", "surname must be"),
        ("- {name: Ada Vorn, nickname: Ada, roles: [{code: USAGOV, start: 2001}]}\n", "unknown keys"),
        ("communities: {home: {Kenya: [Kikuyu]}}\n", "ISO-3166"),
        ("communities: {elsewhere: [Roma]}\n", "home and/or shared"),
        ("FRA: {name_order: backwards}\n", "family-first"),
    ],
)
def test_malformed_second_round_entries_fail_loudly(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_lexicon([path])


def test_surname_nickname_and_name_order_from_user_files(tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text(
        "- {name: Tovar Ilsen Marr, surname: Ilsen Marr, nicknames: [Tovik], roles: [{code: NORGOV, start: 2001}]}\n"
        "- {name: Quon Beilan, roles: [{code: CHNGOV, start: 2001}]}\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon([path])
    assert lexicon.surnames["Ilsen Marr"] == {"Tovar Ilsen Marr"}
    assert "Marr" not in lexicon.surnames  # the surname field replaces the last-word rule
    assert lexicon.proper.get(("Tovik",)).name == "Tovar Ilsen Marr"
    assert "Quon Beilan" in lexicon.surnames["Quon"]  # China writes the family name first


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Afganistan", "AFG"),  # a letter missing
        ("Phillippines", "PHL"),  # a letter extra
        ("Khatmandu", "NPL"),  # letters swapped
        ("Allawi", None),  # a slip at the first letter is not allowed ("Malawi")
        ("Tog", None),  # too short to guess
    ],
)
def test_one_spelling_slip(word, expected):
    from dragoman.actors.lexicon import fuzzy_lookup

    entry = fuzzy_lookup(load_lexicon(), word, "country")
    assert (entry.code if entry else None) == expected


def test_places_prefer_a_country_the_text_names():
    from dragoman.actors.places import country_of_place

    assert country_of_place("Tripoli") == "LBY"
    assert country_of_place("Tripoli", {"LBN"}) == "LBN"
    assert country_of_place("Samarra") == "IRQ"  # written without the diacritics of the gazetteer
