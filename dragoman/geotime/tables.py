"""The one loader of the time/place rule tables under ``dragoman/data/geotime`` (YAML).

Every section has a declared shape; a malformed entry raises ``DataError`` naming the file and
the entry. Users pass extra files through the same loader: their entries add to or override the
built-in ones. Tables are loaded once per process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from dragoman import yamlio
from dragoman.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "geotime"
TIME_WORDS = DATA_DIR / "time_words.yaml"
PLACE_WORDS = DATA_DIR / "places.yaml"


_CLOCK = re.compile(r"(?:[01]\d|2[0-4]):[0-5]\d")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _mapping_of(check: Callable[[Any], bool], what: str) -> Callable[[Any], str]:
    def validate(value: Any) -> str:
        return "" if check(value) else f"expected {what}, got {value!r}"

    return validate


def _fields(required: dict[str, Callable[[Any], bool]], optional: dict[str, Callable[[Any], bool]]):  # type: ignore[no-untyped-def]
    def validate(value: Any) -> str:
        if not isinstance(value, dict):
            return f"expected a mapping, got {value!r}"
        for key, check in required.items():
            if key not in value or not check(value[key]):
                return f"missing or bad field {key!r}"
        for key, item in value.items():
            if key not in required and (key not in optional or not optional[key](item)):
                return f"unknown or bad field {key!r}"
        return ""

    return validate


def _is_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_str(v) for v in value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# section name -> validator of one entry; list sections hold plain strings
TIME_SHAPES: dict[str, Callable[[Any], str]] = {
    "weekdays": _mapping_of(lambda v: _is_int(v) and 1 <= v <= 7, "a weekday number 1-7"),
    "months": _mapping_of(lambda v: _is_int(v) and 1 <= v <= 12, "a month number 1-12"),
    "seasons": _fields({"code": _is_str, "month": _is_int}, {}),
    "parts_of_day": _mapping_of(_is_str, "a part-of-day code"),
    "numbers": _mapping_of(_number, "a number"),
    "ordinals": _mapping_of(_is_int, "an integer"),
    "units": _fields({"code": _is_str}, {"time": lambda v: isinstance(v, bool), "scale": _is_int}),
    "fixed": _fields({"value": _is_str}, {"type": _is_str, "after": _is_str_list, "text": _is_str}),
    "relative_days": _mapping_of(_is_int, "a day offset"),
    "reference_days": _mapping_of(_is_int, "a day offset"),
    "shifts": _mapping_of(lambda v: v in (-1, 0, 1), "-1, 0 or 1"),
    "positions": _mapping_of(lambda v: v in ("START", "MID", "END"), "START, MID or END"),
    "holidays": _fields({"month": _is_int, "day": _is_int}, {}),
    "floating_holidays": _fields({"month": _is_int, "weekday": _is_int, "n": _is_int}, {}),
    "clock_words": _mapping_of(lambda v: isinstance(v, str) and bool(_CLOCK.fullmatch(v)), "a time HH:MM"),
    "clock_halves": _mapping_of(lambda v: v in (0, 12), "0 or 12 hours"),
}
TIME_LISTS = (
    "ambiguous_months", "vague_numbers", "future_auxiliaries", "future_verbs", "not_durations",
    "scheduling_verbs", "future_cues", "time_zones", "duration_fillers", "clock_links", "continuation_openers",
    "content_prepositions",
)

PLACE_SHAPES: dict[str, Callable[[Any], str]] = {
    "aliases": _mapping_of(_is_str, "the gazetteer name it stands for"),
    "places": _fields(
        {"country": _is_str, "lat": _number, "lon": _number},
        {"kind": _is_str, "population": _is_int, "names": _is_str_list},
    ),
    "demonyms": _mapping_of(_is_str, "an ISO-3166 alpha-3 code or a gazetteer name"),
}
PLACE_LISTS = ("not_places", "common_words", "name_connectors", "titles", "eponym_heads", "generic_suffixes")


def _merge(
    paths: Sequence[Path], shapes: dict[str, Callable[[Any], str]], lists: Sequence[str]
) -> dict[str, Any]:
    merged: dict[str, Any] = {name: {} for name in shapes}
    merged.update({name: [] for name in lists})
    for path in paths:
        tables = yamlio.load_mapping(path, "rule table", expected="a mapping of sections at the top level")
        for section, entries in tables.items():
            if section in lists:
                if not _is_str_list(entries):
                    raise DataError(f"{path}: section {section!r} must be a list of strings")
                merged[section].extend(e.lower() for e in entries)
                continue
            if section not in shapes:
                raise DataError(f"{path}: unknown section {section!r}")
            if not isinstance(entries, dict):
                raise DataError(f"{path}: section {section!r} must be a mapping")
            for key, value in entries.items():
                problem = shapes[section](value)
                if problem or not isinstance(key, str):
                    raise DataError(f"{path}: {section} entry {key!r}: {problem or 'key must be text'}")
                merged[section][key.lower() if section != "places" else key] = value
    return merged


@lru_cache(maxsize=8)
def time_words(extra: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The temporal word tables: built-in file plus the user's extra files."""
    return _merge((TIME_WORDS, *extra), TIME_SHAPES, TIME_LISTS)


@lru_cache(maxsize=8)
def place_words(extra: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The place aliases and extra places: built-in file plus the user's extra files."""
    return _merge((PLACE_WORDS, *extra), PLACE_SHAPES, PLACE_LISTS)
