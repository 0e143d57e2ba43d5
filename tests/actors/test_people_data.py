"""Checks of the named-people dictionary under dragoman/data/actors/people/.

Plain YAML loading on purpose: these tests pin the data, not the loader that reads it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

PEOPLE_DIR = Path(__file__).resolve().parents[2] / "dragoman" / "data" / "actors" / "people"
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
PARTIAL_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# gender/surname/nicknames/note(s)/wikidata are optional keys the actor lexicon also accepts.
PERSON_KEYS = {"name", "aliases", "nicknames", "surname", "roles", "gender", "note", "notes", "wikidata"}
ROLE_KEYS = {"code", "title", "start", "end"}
# First parts that are not ISO 3166 alpha-3 country codes (documented in README.md).
NON_ISO_PREFIXES = {"IGO", "XKX"}
# Nothing in the files may start after the year they were written for.
LATEST_START = (2026, 12, 31)


def _load() -> dict[str, list[dict[str, Any]]]:
    """Every people file, parsed, by file name."""
    return {
        path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(PEOPLE_DIR.glob("*.yaml"))
    }


FILES = _load()
PEOPLE = [(fname, person) for fname, people in FILES.items() for person in people]


def _date_parts(value: Any) -> tuple[int, ...] | None:
    """A date as (year,), (year, month) or (year, month, day); None for null."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    if isinstance(value, str) and PARTIAL_DATE_RE.match(value):
        parts = tuple(int(part) for part in value.split("-"))
        if len(parts) > 1 and not 1 <= parts[1] <= 12:
            raise ValueError(f"no month {parts[1]} in {value!r}")
        return parts
    raise ValueError(f"not a date: {value!r}")


def _roles_of(name: str) -> list[dict[str, Any]]:
    for _, person in PEOPLE:
        if person["name"] == name:
            return person["roles"]
    raise KeyError(name)


def test_files_are_lists_of_people() -> None:
    assert FILES, f"no YAML files in {PEOPLE_DIR}"
    for fname, people in FILES.items():
        assert isinstance(people, list), fname
        for person in people:
            assert isinstance(person, dict), (fname, person)
            assert set(person) <= PERSON_KEYS, (
                fname,
                person.get("name"),
                set(person) - PERSON_KEYS,
            )
            assert isinstance(person.get("name"), str) and person["name"].strip(), (fname, person)
            assert isinstance(person.get("roles"), list) and person["roles"], (
                fname,
                person["name"],
            )
            aliases = person.get("aliases", [])
            assert isinstance(aliases, list), (fname, person["name"])
            assert all(isinstance(a, str) and a.strip() for a in aliases), (fname, person["name"])


def test_at_least_800_people() -> None:
    assert len(PEOPLE) >= 800


def test_no_duplicate_names_across_files() -> None:
    seen: dict[str, str] = {}
    for fname, person in PEOPLE:
        name = person["name"]
        assert name not in seen, f"{name} in both {seen[name]} and {fname}"
        seen[name] = fname


def test_no_alias_is_another_persons_name() -> None:
    names = {person["name"]: fname for fname, person in PEOPLE}
    for fname, person in PEOPLE:
        for alias in person.get("aliases", []):
            assert alias != person["name"], (fname, alias)
            assert alias not in names, (
                f"alias {alias} of {person['name']} ({fname}) is a name in {names[alias]}"
            )


def test_no_phrase_names_two_people() -> None:
    owner: dict[str, str] = {}
    for fname, person in PEOPLE:
        for phrase in {person["name"], *person.get("aliases", [])}:
            other = owner.setdefault(phrase, person["name"])
            assert other == person["name"], (
                f"{phrase!r} names both {other} and {person['name']} ({fname})"
            )


def test_aliases_are_full_names_not_nicknames() -> None:
    # A one-word alias ("Jokowi", "Barbecue") would match far too much running text.
    for fname, person in PEOPLE:
        for alias in person.get("aliases", []):
            assert len(re.split(r"[\s-]+", alias.strip())) >= 2, (fname, person["name"], alias)


def test_nicknames_are_one_word_and_surnames_are_strings() -> None:
    for fname, person in PEOPLE:
        for nickname in person.get("nicknames", []):
            assert isinstance(nickname, str) and len(nickname.split()) == 1, (fname, person["name"], nickname)
        surname = person.get("surname")
        assert surname is None or (isinstance(surname, str) and surname.strip()), (fname, person["name"])
        assert person.get("gender") in (None, "m", "f"), (fname, person["name"])


@pytest.mark.parametrize(
    "name, gender",
    [("Angela Merkel", "f"), ("Theresa May", "f"), ("Xi Jinping", "m"), ("Jacinda Ardern", "f"),
     ("Vladimir Putin", "m"), ("Margaret Thatcher", "f"), ("Ellen Johnson Sirleaf", "f")],
)
def test_gender_of_well_known_leaders(name: str, gender: str) -> None:
    person = next(p for _, p in PEOPLE if p["name"] == name)
    assert person.get("gender") == gender


def test_names_use_ascii_apostrophes() -> None:
    for fname, person in PEOPLE:
        for text in [person["name"], *person.get("aliases", [])]:
            assert "\u2019" not in text and "\u2018" not in text, (fname, text)


@pytest.mark.parametrize("fname,person", PEOPLE, ids=[p["name"] for _, p in PEOPLE])
def test_roles_are_well_formed(fname: str, person: dict[str, Any]) -> None:
    for role in person["roles"]:
        where = (fname, person["name"], role)
        assert isinstance(role, dict) and set(role) == ROLE_KEYS, where
        code = role["code"]
        assert isinstance(code, str) and CODE_RE.match(code), where
        prefix = code[:3]
        assert prefix in NON_ISO_PREFIXES or pycountry.countries.get(alpha_3=prefix), where
        assert isinstance(role["title"], str) and role["title"].strip(), where
        start = _date_parts(role["start"])
        assert start is not None, where
        assert start <= LATEST_START[: len(start)], where
        end = _date_parts(role["end"])
        if end is not None:
            common = min(len(start), len(end))
            assert end[:common] >= start[:common], where


def _day(parts: tuple[int, ...], last: bool) -> int:
    """A full or partial date as an ordinal: its first day, or its last day when ``last``."""
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if last else 1)
    day = parts[2] if len(parts) > 2 else (calendar.monthrange(year, month)[1] if last else 1)
    return dt.date(year, month, day).toordinal()


def _span(role: dict[str, Any]) -> tuple[int, int]:
    """A role as (earliest possible first day, latest possible last day); an open end is far away."""
    start = _date_parts(role["start"])
    end = _date_parts(role["end"])
    return _day(start, last=False), (_day(end, last=True) if end else dt.date.max.toordinal())


@pytest.mark.parametrize("fname,person", PEOPLE, ids=[p["name"] for _, p in PEOPLE])
def test_same_office_is_not_held_twice_at_once(fname: str, person: dict[str, Any]) -> None:
    by_office: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for role in person["roles"]:
        by_office.setdefault((role["code"], role["title"]), []).append(_span(role))
    for office, spans in by_office.items():
        spans.sort()
        for (_, first_end), (second_start, _) in itertools.pairwise(spans):
            # terms may touch on the handover day (or within a partial date's month) but not overlap
            assert second_start >= first_end - 31, (fname, person["name"], office)


SPOT_CHECKS = [
    # name, code, title, start, end (None = current)
    ("Sergei Lavrov", "RUSGOV", "Foreign Minister", "2004-03-09", None),
    ("Hillary Clinton", "USALEG", "Senator", "2001-01-03", "2009-01-21"),
    ("Hillary Clinton", "USAGOV", "Secretary of State", "2009-01-21", "2013-02-01"),
    ("Joe Biden", "USAGOV", "Vice President", "2009-01-20", "2017-01-20"),
    ("Joe Biden", "USAGOV", "President", "2021-01-20", "2025-01-20"),
    ("Barack Obama", "USAGOV", "President", "2009-01-20", "2017-01-20"),
    ("Donald Trump", "USAGOV", "President", "2025-01-20", None),
    ("Vladimir Putin", "RUSGOV", "Prime Minister", "2008-05-08", "2012-05-07"),
    ("Vladimir Putin", "RUSGOV", "President", "2012-05-07", None),
    ("Angela Merkel", "DEUGOV", "Chancellor", "2005-11-22", "2021-12-08"),
    ("Volodymyr Zelensky", "UKRGOV", "President", "2019-05-20", None),
    ("Benjamin Netanyahu", "ISRGOV", "Prime Minister", "2022-12-29", None),
    ("Ban Ki-moon", "IGOUNO", "Secretary-General", "2007-01-01", "2016-12-31"),
    ("Antonio Guterres", "IGOUNO", "Secretary-General", "2017-01-01", None),
    ("Jens Stoltenberg", "IGONAT", "Secretary-General", "2014-10-01", "2024-10-01"),
    ("Xi Jinping", "CHNGOV", "President", "2013-03-14", None),
    ("Narendra Modi", "INDGOV", "Prime Minister", "2014-05-26", None),
    ("Hassan Nasrallah", "LBNREB", "Hezbollah Secretary-General", "1992-02-16", "2024-09-27"),
    ("Maria Zakharova", "RUSGOV", "Foreign Ministry Spokeswoman", "2015-08-10", None),
    ("Recep Tayyip Erdogan", "TURGOV", "President", "2014-08-28", None),
    ("Luiz Inacio Lula da Silva", "BRAGOV", "President", "2023-01-01", None),
    ("Tony Blair", "GBRGOV", "Prime Minister", "1997-05-02", "2007-06-27"),
    ("Hua Chunying", "CHNGOV", "Foreign Ministry Spokeswoman", "2012-09", "2024"),
    ("Mao Ning", "CHNGOV", "Foreign Ministry Spokeswoman", "2022-09", None),
    ("Dmitry Peskov", "RUSGOV", "Kremlin Spokesman", "2012-05-22", None),
    ("Ned Price", "USAGOV", "State Department Spokesman", "2021-01-20", "2023-03"),
    ("Hibatullah Akhundzada", "AFGREB", "Taliban Leader", "2016-05-25", "2021-08-15"),
    ("Hibatullah Akhundzada", "AFGGOV", "Supreme Leader", "2021-08-15", None),
    ("Mohammed bin Salman", "SAUGOV", "Crown Prince", "2017-06-21", None),
    ("Mark Rutte", "IGONAT", "Secretary-General", "2024-10-01", None),
    ("Mohamed ElBaradei", "IGOIAE", "IAEA Director General", "1997-12-01", "2009-11-30"),
    ("Ismail Haniyeh", "PSEREB", "Hamas Political Bureau Chief", "2017-05-06", "2024-07-31"),
    ("Valery Gerasimov", "RUSMIL", "Chief of the General Staff", "2012-11-09", None),
    ("Kim Jong Un", "PRKGOV", "Leader", "2011-12-17", None),
    ("Abdel Fattah al-Burhan", "SDNGOV", "Chairman of the Sovereignty Council", "2019-08-21", None),
]


def _as_text(value: Any) -> str | None:
    return None if value is None else str(value)


@pytest.mark.parametrize("name,code,title,start,end", SPOT_CHECKS)
def test_spot_check_well_known_roles(
    name: str, code: str, title: str, start: str, end: str | None
) -> None:
    roles = _roles_of(name)
    wanted = {"code": code, "title": title, "start": start, "end": end}
    found = [
        {
            "code": r["code"],
            "title": r["title"],
            "start": _as_text(r["start"]),
            "end": _as_text(r["end"]),
        }
        for r in roles
    ]
    assert wanted in found, f"{name}: {found}"
