"""The PETRARCH2 conversion (scripts/convert_petrarch.py) and what the converted dictionaries do."""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path

import pytest
import yaml

from dragoman.actors import ActorResolver
from dragoman.actors.lexicon import CONVERTED_FILES, DATA_DIR, builtin_files
from dragoman.errors import DataError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def convert():
    spec = importlib.util.spec_from_file_location("convert_petrarch", ROOT / "scripts" / "convert_petrarch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A TABARI file in the PETRARCH format, with invented people and bodies.
COUNTRY_FILE = textwrap.dedent("""\
    # test dictionary
    FREEDONIA_  [FRE]
    +FREEDONIAN_
    MARTA_VELANDRO_  # CountryInfo.txt
    +PRESIDENT_MARTA_VELANDRO
    +MARTA_J._VELANDRO
    \t[USAGOV 990101-031231]
    \t[USAELI]
    TOMAS_ORREGO_
    \t[USAGOVLEG >100301]
    PELLAN_
    \t[USAGOV 050101-060101]
    CHOI_SO-YEON_
    \t[KORGOV 040101-061201]
    OLD_ORDER_GUARD_ [USAMIL]
    +OOG
    +US
    \t
    NORTHWIND_HOLDINGS_\t[MNCCAN]
    KINGSWAY_CORP_\t[MNC]
    SHORTDATE_PERSON_
    \t[USAGOV 2004017-20061201]
""")


@pytest.fixture(scope="module")
def converted(convert, tmp_path_factory):
    folder = tmp_path_factory.mktemp("petrarch")
    (folder / "Phoenix.Countries.actors.txt").write_text(COUNTRY_FILE, encoding="utf-8")
    converter = convert.Converter(convert.Own(), frozenset({"guard"}), frozenset({"senate"}))
    converter.add_file(folder / "Phoenix.Countries.actors.txt")
    return converter


def test_people_keep_dated_roles_and_open_ends_are_marked(converted):
    velandro = converted.people["Marta Velandro"]
    assert velandro["roles"] == [{"code": "USAGOV", "start": "1999-01-01", "end": "2003-12-31"}]
    # the undated default code beside dated roles is left out; the title alias is dropped
    assert velandro["aliases"] == ["Marta J. Velandro"]
    orrego = converted.people["Tomas Orrego"]["roles"]
    assert orrego == [{"code": "USALEG", "start": "2010-03-01", "end": None, "seen_until": "2014-01-30"}]


def test_general_filters(converted):
    assert "Pellan" not in converted.people  # a bare surname
    assert converted.dropped["one-word personal name or alias (bare surname)"] >= 1
    assert converted.dropped["malformed date"] == 1  # "2004017"
    assert "Shortdate Person" not in converted.people
    # Korean given names: both spellings news copy uses
    choi = converted.people["Choi So-Yeon"]
    assert "Choi So-yeon" in choi["aliases"]


def test_organisations_acronyms_and_companies(converted):
    guard = converted.orgs["Old Order Guard"]
    assert guard["code"] == "USAMIL" and guard["aliases"] == ["OOG"]  # "US": a two-letter acronym, dropped
    assert converted.orgs["Northwind Holdings"]["code"] == "CANBUS"  # MNC + country: a company of it
    assert "Kingsway Corp" not in converted.orgs  # MNC without a country


def test_agents_expand_macros_and_drop_ordinary_words(convert, tmp_path):
    agents = tmp_path / "Phoenix.agents.txt"
    agents.write_text(textwrap.dedent("""\
        !PERSON! = MAN, MEN, WOMAN, WOMEN
        !MINIST! = MINISTER, MINISTRY
        FERRY!PERSON! [~BUS]
        HARBOUR_MINIST [~GOVMED]
        BUDDHIST_ABBOT [~BUD]
        AUTHORITY [~GOV]
        CATTLE_RUSTLER [~CRM]
        """), encoding="utf-8")
    converter = convert.Converter(convert.Own(), frozenset(), frozenset())
    sectors = converter.agents(agents)
    assert sectors["BUS"]["group"] == ["ferrymen", "ferrywomen"]
    assert sectors["BUS"]["person"] == ["ferryman", "ferrywoman"]
    assert sectors["GOV"] == {"organization": ["harbour ministry"], "person": ["harbour minister"]}
    assert sectors["REL"]["person"] == ["buddhist abbot"]
    assert sectors["CRM"]["person"] == ["cattle rustler"]
    assert "authority" not in str(sectors)  # one word, not an agent noun


def test_converted_files_ship_with_the_licence():
    folder = DATA_DIR / "petrarch2"
    assert "MIT License" in (folder / "LICENSE").read_text(encoding="utf-8")
    files = builtin_files()
    converted = [DATA_DIR / name for name in CONVERTED_FILES]
    assert files[:len(converted)] == converted  # loaded first: every own file overrides them


def test_a_converted_person_is_coded_on_the_article_date(actor_nlp):
    resolver = ActorResolver()
    doc = actor_nlp("Adam Giersz spoke to reporters in Warsaw.")
    inside = next(a for a in resolver.extract(doc, "2012-05-01") if a.name == "Adam Giersz")
    assert (inside.code, inside.rule) == ("POLGOV", "dictionary:person:role")
    # PETRARCH's open-ended role (">091201") is vouched for until January 2014: later it is used, but marked
    beyond = next(a for a in resolver.extract(doc, "2019-05-01") if a.name == "Adam Giersz")
    assert (beyond.code, beyond.rule) == ("POLGOV", "dictionary:person:role+unconfirmed")


def test_a_later_entry_of_the_same_person_wins_and_keeps_earlier_aliases(tmp_path, actor_nlp, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    earlier = tmp_path / "a_earlier.yaml"
    later = tmp_path / "b_later.yaml"
    earlier.write_text(yaml.safe_dump([{"name": "Odile Varga", "aliases": ["Odile M. Varga"],
                                        "roles": [{"code": "HUNELI", "start": "2001", "end": "2009"}]}]))
    later.write_text(yaml.safe_dump([{"name": "Odile Varga",
                                      "roles": [{"code": "HUNGOV", "start": "2001", "end": None}]}]))
    resolver = ActorResolver([earlier, later])
    actors = resolver.extract(actor_nlp("Odile M. Varga spoke in Budapest."), "2005-01-01")
    assert next(a for a in actors if a.name == "Odile Varga").code == "HUNGOV"


def test_seen_until_is_only_for_open_roles(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump([{"name": "Odile Varga", "roles": [
        {"code": "HUNGOV", "start": "2001", "end": "2004", "seen_until": "2003"}]}]))
    with pytest.raises(DataError, match="seen_until is for open-ended roles"):
        ActorResolver([bad])


def test_a_title_in_the_text_beats_an_elite_role_from_the_dictionary(tmp_path, actor_nlp, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    people = tmp_path / "people.yaml"
    people.write_text(yaml.safe_dump([{"name": "Odile Varga", "roles": [
        {"code": "HUNGOV", "start": "1994", "end": "1998-07"},
        {"code": "HUNELI", "start": "1998-07", "end": "2006"}]}]))
    resolver = ActorResolver([people])
    actors = resolver.extract(actor_nlp("Prime Minister Odile Varga arrived in Vienna."), "2000-01-01")
    actor = next(a for a in actors if a.name == "Odile Varga")
    assert (actor.code, actor.rule) == ("HUNGOV", "dictionary:person+title")


def test_converted_people_do_not_make_an_own_surname_ambiguous(extract):
    # PETRARCH adds McKeeva Bush (Cayman Islands); "Bush" alone still means the American Bushes
    actors = extract("The Bush administration declared that China must drop its barriers.", "2004-01-01")
    assert next(a for a in actors if a.text.startswith("Bush")).code == "USAGOV"
