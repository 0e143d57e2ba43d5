"""Temporal expressions: found by patterns built from the word tables, normalized to TIMEX3 values.

Relative expressions are anchored on the article date, never on "now"; the governing verb's
tense decides which way ambiguous ones ("Friday", "in June") point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

from spacy.tokens import Doc

from dragoman.geotime import calendar as cal
from dragoman.nlp import doc_text
from dragoman.geotime.tables import time_words
from dragoman.geotime.tense import FUTURE, PAST, UNKNOWN, tense_at
from dragoman.records import TimeExpr

B = r"(?<![\w$/.-])"  # no match inside a word or a number
E = r"(?![\w])"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_PREPOSITIONS_BEFORE_MONTH = re.compile(
    r"(?:in|since|until|till|by|through|of|during|from|before|after|to|early|late|and|or|last|next|this)\s+$",
    re.I,
)
_PREPOSITIONS_BEFORE_PLURAL = re.compile(r"(?:for|over|in|within|during|after|took|take)\s+$", re.I)
_PREPOSITIONS_BEFORE_SEASON = re.compile(
    r"(?:in|during|over|through|since|by|until|before|after|this|last|next|early|late)\s+$", re.I
)
_QUARTER_VALUE = re.compile(r"^(\d{4})-(Q\d|H\d)$")
_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b")
_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d")
NEAREST_KINDS = frozenset({"month"})  # kinds resolved to the nearest occurrence when the tense says nothing
# "the next day", "two days later", "a week earlier" count from the day the story last named, not the article's
_REFERENCE_UNITS = ("day", "night", "week")
_FULL_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)")


def _alt(words: Any) -> str:
    """A regex alternation of table words, longest first; spaces match any blank or hyphen."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in ordered) + ")"


@dataclass
class Found:
    """A match before normalization."""

    start: int
    end: int
    kind: str
    parts: dict[str, Optional[str]]


class Rules:
    """The compiled patterns and the tables they read."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.words = words
        wd = _alt(words["weekdays"])
        mon = _alt(words["months"])
        pod = _alt(words["parts_of_day"])
        season = _alt(words["seasons"])
        shift = _alt(words["shifts"])
        pos = _alt(words["positions"])
        num = "(?:" + _alt(words["numbers"]) + r"|\d+(?:\.\d+)?)"
        vague = _alt(words["vague_numbers"])
        unit = _alt(words["units"])
        units_plural = r"(?:centuries|" + unit[3:-1] + ")"
        ordinal = _alt(words["ordinals"])
        filler = _alt(words["duration_fillers"])
        rel = _alt(words["relative_days"])
        clock_word = _alt(words["clock_words"])
        # a clock time owns the zone and the day written right after it: "4 a.m. EDT Thursday"
        clock_day = (
            rf"(?:\s+(?P<tz>{_alt(words['time_zones'])}))?(?:,?\s+(?:on\s+)?(?P<wd>{wd})|\s+(?P<rel>{rel}))?{E}"
        )
        self.unit_names = sorted(words["units"], key=len, reverse=True)
        patterns: list[tuple[str, str]] = [
            ("date", rf"{B}(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d){E}"),
            ("date", rf"{B}(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{{4}}|\d\d){E}"),
            (
                "date",
                rf"{B}(?:(?P<shift>{shift})\s+)?(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\.?\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?{E}",
            ),
            (
                "date",
                rf"{B}(?:(?P<shift>{shift})\s+)?(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{mon})\.?(?:,?\s+(?P<y>{YEAR}))?{E}",
            ),
            ("month", rf"{B}(?:(?P<pos>{pos})[\s-]*)?(?P<mon>{mon})\.?(?:\s+of)?,?\s+(?P<y>{YEAR}){E}"),
            ("month", rf"{B}(?:(?P<pos>{pos})[\s-]*)?(?:(?P<shift>{shift})\s+)?(?P<mon>{mon})\.?{E}"),
            (
                "year",
                rf"{B}(?:(?P<pos>{pos})[\s-]*)?(?:(?P<fiscal>fiscal)\s+(?:year\s+)?)?(?P<y>{YEAR})(?![\w%]|[.,]\d|-\d)",
            ),
            ("decade", rf"{B}(?:the\s+)?(?:(?P<pos>{pos})[\s-]*)?(?P<dec>(?:1[6-9]|20)\d0)'?s{E}"),
            ("weekday", rf"{B}(?:(?P<shift>{shift})\s+)?(?P<wd>{wd})(?:\s+(?P<pod>{pod}))?{E}"),
            ("relday", rf"{B}(?P<rel>{_alt(words['relative_days'])})(?:\s+(?P<pod>{pod}))?{E}"),
            ("refday", rf"{B}(?P<ref>{_alt(words['reference_days'])}){E}"),
            ("podshift", rf"{B}(?P<shift>last|this)\s+(?P<pod>{pod}){E}"),
            (
                "unitshift",
                rf"{B}(?:(?P<pos>{pos})[\s-]*|(?P<side>earlier|later)\s+)?(?P<shift>{shift})\s+(?P<unit>week|weekend|month|quarter|year|decade|century){E}",
            ),
            ("weekend", rf"{B}the\s+weekend{E}"),
            (
                "season",
                rf"{B}(?:(?P<pos>{pos})[\s-]*)?(?:(?P<shift>{shift})\s+|the\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?{E}",
            ),
            (
                "ago",
                rf"{B}(?P<num>{num}|{vague})[\s-]+(?P<unit>{units_plural}|{unit})s?\s+(?P<dir>ago|earlier|later|from\s+now|hence){E}",
            ),
            (
                "duration",
                rf"{B}(?:the\s+)?(?:(?P<lead>past|last|next|previous|coming|first|final|latest|following)\s+)?(?P<num>{num}|{vague})(?:[\s-]+{filler})?[\s-]+(?P<unit>{units_plural}|{unit})s?(?:-long)?{E}",
            ),
            ("duration", rf"{B}the\s+(?P<lead>past|last|previous|next|coming)\s+(?P<unit>{unit}){E}"),
            ("long", rf"{B}(?P<unit>centuries|{unit}s?)-long{E}"),
            (
                "plural",
                rf"{B}(?:(?P<lead>the\s+past|the\s+last|the\s+next|the\s+coming|recent|coming)\s+)?(?P<unit>centuries|{unit}s){E}",
            ),
            (
                "quarter",
                rf"{B}(?:(?P<y1>{YEAR})(?:'s)?\s+|(?P<this>this\s+year's|last\s+year's)\s+|the\s+)?(?P<ord>{ordinal})[\s-]+(?:fiscal\s+)?(?P<q>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y>{YEAR})|(?P<shift>last|this|next)\s+year))?{E}",
            ),
            (
                "lastquarter",
                rf"{B}(?:the|this|that)\s+(?:(?P<which>latest|recent|most\s+recent|year-earlier|year-ago|same)\s+)?(?:fiscal\s+)?(?:quarter|period){E}",
            ),
            ("clock", rf"{B}(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?{clock_day}"),
            ("clock", rf"{B}(?P<noon>{clock_word}){clock_day}"),
            (
                "clock",
                rf"{B}(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s+(?:o'clock\s+)?(?:in\s+the|at)\s+(?P<half>{_alt(words['clock_halves'])}){clock_day}",
            ),
            ("fixed", rf"{B}(?P<fixed>{_alt(words['fixed'])}){E}"),
            ("holiday", rf"{B}(?P<hol>{_alt(list(words['holidays']) + list(words['floating_holidays']))}){E}"),
        ]
        # For each pattern above, a piece every one of its matches contains: a text without that piece
        # cannot match, so the slower pattern (a lookbehind first defeats the regex engine's skipping) is not
        # run. None where the piece is in nearly every article or slower to look for than the pattern.
        needs: list[Optional[str]] = [
            r"\d{4}-\d\d-\d\d",
            r"\d/\d",
            None,
            rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}",
            None,
            None,
            None,
            r"(?:1[6-9]|20)\d0'?s",
            None,
            None,
            _alt({w.split()[-1] for w in words["reference_days"]}),  # each entry's last word
            rf"(?:last|this)\s+{pod}",
            None,
            r"the\s+weekend",
            None,
            r"\s+(?:ago|earlier|later|from\s+now|hence)",
            None,
            rf"the\s+(?:past|last|previous|next|coming)\s+{unit}",
            r"-long",
            None,
            r"[\s-]+(?:fiscal\s+)?(?:quarter|half)",
            r"(?:quarter|period)",
            r"[ap]\.?\s?m\b",
            clock_word,
            r"\d\s+(?:o'clock\s+)?(?:in\s+the|at)\s+",
            None,
            None,
        ]
        self.patterns = [
            (kind, re.compile(rx, re.I), re.compile(need, re.I) if need else None)
            for (kind, rx), need in zip(patterns, needs, strict=True)
        ]
        # The same patterns, case-sensitive, for lower-cased text: re's IGNORECASE turns off its fast
        # literal tests, so this is about twice as fast. Valid only while the patterns' own letters are
        # all lower case (table words are lower-cased by _alt); otherwise every text takes the slow path.
        sources = [rx for _kind, rx in patterns] + [need for need in needs if need]
        self.folded_patterns = (
            [(re.compile(rx), re.compile(need) if need else None)
             for (_kind, rx), need in zip(patterns, needs, strict=True)]
            if not any(_UPPER_IN_PATTERN.search(rx) for rx in sources)
            else None
        )
        longest: dict[int, str] = {}
        for name, number in words["months"].items():
            if len(name) > len(longest.get(number, "")):
                longest[number] = name
        self.full_months = set(longest.values())

    def find(self, text: str) -> list[Found]:
        """All matches, overlaps resolved longest first."""
        found: list[Found] = []
        folded = _folded(text) if self.folded_patterns is not None else None
        for n, (kind, pattern, need) in enumerate(self.patterns):
            subject = text
            if folded is not None and self.folded_patterns is not None:
                subject = folded
                pattern, need = self.folded_patterns[n]
            if need is not None and not need.search(subject):
                continue
            for match in pattern.finditer(subject):
                # parts from the original text: _plausible reads their case
                parts = {name: text[match.start(name) : match.end(name)]
                         for name in pattern.groupindex if match.start(name) >= 0}
                end = match.end()
                if text[end - 1] == "." and text[match.start() : end - 1].split()[-1].lower() in self.full_months:
                    end -= 1  # "last June." ends a sentence; only "Sept." owns its dot
                item = Found(match.start(), end, kind, parts)
                if self._plausible(item, text):
                    found.append(item)
        found.sort(key=lambda f: (-(f.end - f.start), f.start))
        chosen: list[Found] = []
        taken: list[tuple[int, int]] = []
        for item in found:
            if all(item.end <= s or item.start >= e for s, e in taken):
                chosen.append(item)
                taken.append((item.start, item.end))
        return sorted(chosen, key=lambda f: f.start)

    def _plausible(self, item: Found, text: str) -> bool:
        """Reject matches that are ordinary words in this context ("may", "march", "the past")."""
        surface = text[item.start : item.end]
        before = text[max(0, item.start - 20) : item.start]
        mon = item.parts.get("mon")
        if mon is not None:
            if not mon[0].isupper():
                return False
            if item.kind == "month" and len(surface) == len(mon) + surface.endswith("."):
                ambiguous = mon.lower() in self.words["ambiguous_months"]
                if ambiguous and not _PREPOSITIONS_BEFORE_MONTH.search(before):
                    return False
                if ambiguous and _NAME_AFTER.match(text, item.end):
                    return False  # a first name: "Jan Kavan", "May Chidiac"
        if item.kind == "duration" and re.match(r"[\s-]+old\b", text[item.end : item.end + 6]):
            return False  # an age: "a 6-year-old boy"
        if item.kind == "duration":
            lower = _norm(surface)
            if any(lower.startswith(w) for w in self.words["not_durations"]):
                return False
            if "quarter" in lower and "lead" not in item.parts:
                return False
            if re.fullmatch(r"(?:the )?an? [a-z]+(?:s|s? long)", lower):
                return False  # "a decades-long war", "a day-long talk": the article is the noun's, not a count
        if item.kind == "season" and not ({"shift", "y", "pos"} & item.parts.keys()):
            if not _PREPOSITIONS_BEFORE_SEASON.search(before):
                return False
        if item.kind == "plural" and "lead" not in item.parts and not _PREPOSITIONS_BEFORE_PLURAL.search(before):
            return False
        if item.kind in ("holiday", "weekday", "season") and not surface[-1].isalpha():
            return False
        if item.kind == "holiday" and not item.parts["hol"][0].isupper():
            return False
        if item.kind == "fixed":
            entry = self.words["fixed"][_norm(item.parts["fixed"])]
            after = entry.get("after")
            if after and not re.search(r"(?:" + "|".join(map(re.escape, after)) + r")\s+$", before, re.I):
                return False
        return True


# an upper-case letter in a pattern, other than "(?P<" and the class escapes \D, \S, \W, \B
_UPPER_IN_PATTERN = re.compile(r"(?<![\\?])[A-Z]|\\[A-Z](?<![DSWB])")


def _folded(text: str) -> Optional[str]:
    """``text.lower()`` when case-sensitive matching on it is exactly IGNORECASE matching on ``text``.

    That holds when every letter outside ASCII is uncased: re also folds a few of those onto ASCII
    letters ("ſ" matches "s"), and ``lower`` can lengthen a string ("İ"), which would move offsets.
    """
    if not text.isascii() and any(not ch.isascii() and (ch.lower() != ch or ch.upper() != ch) for ch in set(text)):
        return None
    return text.lower()


def _norm(words: str) -> str:
    return re.sub(r"[\s-]+", " ", words.lower()).strip()


@lru_cache(maxsize=8)
def compiled_rules(extra: tuple[Path, ...] = ()) -> Rules:
    """Patterns compiled once per process."""
    return Rules(time_words(extra))


Value = tuple[Optional[str], str, Optional[str]]  # value, type, mod


class Normalizer:
    """Turns a Found into a TIMEX3 value, given the article date and the verb's tense."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.words = words
        self.unit_names = sorted(words["units"], key=len, reverse=True)
        self.handlers: dict[str, Callable[[dict[str, Optional[str]], Optional[date], int], Optional[Value]]] = {
            "date": self.date,
            "month": self.month,
            "year": self.year,
            "decade": self.decade,
            "weekday": self.weekday,
            "relday": self.relday,
            "refday": self.refday,
            "podshift": self.podshift,
            "unitshift": self.unitshift,
            "weekend": self.weekend,
            "season": self.season,
            "ago": self.ago,
            "duration": self.duration,
            "long": self.long,
            "plural": self.plural,
            "quarter": self.quarter,
            "lastquarter": self.lastquarter,
            "clock": self.clock,
            "fixed": self.fixed,
            "holiday": self.holiday,
        }

    def normalize(self, found: Found, anchor: Optional[date], direction: int) -> Optional[Value]:
        """(value, type, mod), or None when the match is not a time expression after all."""
        return self.handlers[found.kind](found.parts, anchor, direction)

    # helpers
    def _mod(self, parts: dict[str, Optional[str]]) -> Optional[str]:
        pos = parts.get("pos")
        return self.words["positions"][_norm(pos).rstrip("-").strip() or "mid"] if pos else None

    def _shift(self, parts: dict[str, Optional[str]]) -> Optional[int]:
        shift = parts.get("shift")
        return self.words["shifts"].get(_norm(shift)) if shift else None

    def _month(self, name: str) -> int:
        return int(self.words["months"][name.lower().rstrip(".")])

    def _unit(self, name: str) -> tuple[str, dict[str, Any]]:
        lower = _norm(name)
        if lower == "centuries":
            return "century", self.words["units"]["century"]
        for unit in self.unit_names:
            if lower.startswith(unit):
                return unit, self.words["units"][unit]
        raise KeyError(name)

    def _amount(self, num: str) -> Optional[float]:
        lower = _norm(num)
        if lower in self.words["vague_numbers"]:
            return None
        if lower in self.words["numbers"]:
            return float(self.words["numbers"][lower])
        return float(lower)

    # handlers
    def date(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        month = int(parts["m"]) if "m" in parts else self._month(parts["mon"])
        day = int(re.sub(r"\D", "", parts["d"]))
        if "y" in parts:
            year = int(parts["y"])
            year = year + (1900 if year >= 50 else 2000) if year < 100 else year
            found = cal.safe_date(year, month, day)
        elif anchor is not None:
            shift = self._shift(parts)
            found = cal.day_near(anchor, month, day, shift if shift else direction)
        else:
            return (None, "DATE", None)
        return (found.isoformat(), "DATE", None) if found else None

    def month(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        month = self._month(parts["mon"])
        if "y" in parts:
            return (cal.month_value(int(parts["y"]), month), "DATE", self._mod(parts))
        if anchor is None:
            return (None, "DATE", self._mod(parts))
        year = cal.month_near(anchor, month, direction, self._shift(parts))
        return (cal.month_value(year, month), "DATE", self._mod(parts))

    def year(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        return (parts["y"], "DATE", self._mod(parts))

    def decade(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        return (parts["dec"][:3] + "X", "DATE", self._mod(parts))

    def weekday(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        pod = parts.get("pod")
        kind = "TIME" if pod else "DATE"
        if anchor is None:
            return (None, kind, None)
        shift = self._shift(parts)
        day = cal.weekday_near(anchor, int(self.words["weekdays"][parts["wd"].lower()]), direction, shift or None)
        value = day.isoformat() + (f"T{self.words['parts_of_day'][pod.lower()]}" if pod else "")
        return (value, kind, None)

    def relday(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        rel = _norm(parts["rel"])
        pod = parts.get("pod")
        if rel == "tonight":
            pod = "night"
        kind = "TIME" if pod else "DATE"
        if anchor is None:
            return (None, kind, None)
        day = anchor + timedelta(days=int(self.words["relative_days"][rel]))
        return (day.isoformat() + (f"T{self.words['parts_of_day'][pod.lower()]}" if pod else ""), kind, None)

    def refday(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        if anchor is None:
            return (None, "DATE", None)
        offset = int(self.words["reference_days"][_norm(parts["ref"])])
        return ((anchor + timedelta(days=offset)).isoformat(), "DATE", None)

    def podshift(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        if anchor is None:
            return (None, "TIME", None)
        pod = parts["pod"].lower()
        day = anchor - timedelta(days=1) if parts["shift"].lower() == "last" else anchor
        return (f"{day.isoformat()}T{self.words['parts_of_day'][pod]}", "TIME", None)

    def unitshift(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        if anchor is None:
            return (None, "DATE", self._mod(parts))
        shift = self._shift(parts) or 0
        unit = parts["unit"].lower()
        mod = self._mod(parts) or {"earlier": "START", "later": "END"}.get((parts.get("side") or "").lower())
        if unit == "week":
            return (cal.week_value(anchor + timedelta(weeks=shift)), "DATE", mod)
        if unit == "weekend":
            return (cal.week_value(anchor + timedelta(weeks=shift)) + "-WE", "DATE", mod)
        if unit == "month":
            return (cal.month_value(*cal.add_months(anchor.year, anchor.month, shift)), "DATE", mod)
        if unit == "quarter":
            year, quarter = cal.add_quarters(*cal.quarter_of(anchor), shift)
            return (f"{year}-Q{quarter}", "DATE", mod)
        if unit == "year":
            return (str(anchor.year + shift), "DATE", mod)
        if unit == "decade":
            return (str(anchor.year // 10 + shift)[:3] + "X", "DATE", mod)
        return (str(anchor.year // 100 + shift), "DATE", mod)

    def weekend(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        if anchor is None:
            return (None, "DATE", None)
        saturday = cal.weekday_near(anchor, 6, direction)
        return (cal.week_value(saturday) + "-WE", "DATE", None)

    def season(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        code = self.words["seasons"][parts["season"].lower()]["code"]
        if "y" in parts:
            return (f"{parts['y']}-{code}", "DATE", self._mod(parts))
        if anchor is None:
            return (None, "DATE", self._mod(parts))
        year = cal.season_near(anchor, code, direction, self._shift(parts))
        return (f"{year}-{code}", "DATE", self._mod(parts))

    def ago(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        unit, info = self._unit(parts["unit"])
        amount = self._amount(parts["num"])
        sign = -1 if _norm(parts["dir"]) in ("ago", "earlier") else 1
        mod = "APPROX" if amount is None or unit in ("decade", "century") else None
        if anchor is None or amount is None:
            return (None, "DATE", mod)
        steps = int(amount * info.get("scale", 1)) * sign
        if unit in ("day", "night"):
            return ((anchor + timedelta(days=steps)).isoformat(), "DATE", mod)
        if unit == "week":
            return (cal.week_value(anchor + timedelta(weeks=steps)), "DATE", mod)
        if unit == "month":
            return (cal.month_value(*cal.add_months(anchor.year, anchor.month, steps)), "DATE", mod)
        if unit == "quarter":
            year, quarter = cal.add_quarters(*cal.quarter_of(anchor), steps)
            return (f"{year}-Q{quarter}", "DATE", mod)
        if unit in ("year", "decade", "century"):
            return (str(anchor.year + steps), "DATE", mod)
        return ((anchor.isoformat()), "TIME", mod)

    def _period(self, unit: str, info: dict[str, Any], amount: Optional[float]) -> str:
        code = info["code"]
        prefix = "PT" if info.get("time") else "P"
        if amount is None:
            return f"{prefix}X{'E' if unit == 'decade' else 'C' if unit == 'century' else code}"
        total = amount * info.get("scale", 1)
        number = str(int(total)) if total == int(total) else str(total)
        return f"{prefix}{number}{code}"

    def duration(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        unit, info = self._unit(parts["unit"])
        amount = self._amount(parts["num"]) if "num" in parts else 1.0
        return (self._period(unit, info, amount), "DURATION", None)

    def long(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        unit, info = self._unit(parts["unit"])
        several = parts["unit"].lower().endswith("s")  # "decades-long": how many is not said
        return (self._period(unit, info, None if several else 1.0), "DURATION", None)

    def plural(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        unit, info = self._unit(parts["unit"])
        lead = _norm(parts.get("lead") or "")
        if lead == "recent" and unit == "year":
            return ("PAST_REF", "DATE", None)
        return (self._period(unit, info, None), "DURATION", None)

    def quarter(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        ordinal = int(self.words["ordinals"][parts["ord"].lower()])
        half = parts["q"].lower() == "half"
        count = 2 if half else 4
        number = count if ordinal == -1 else ordinal
        if number > count:
            return None
        letter = "H" if half else "Q"
        year: Optional[int] = None
        if parts.get("y") or parts.get("y1"):
            year = int(parts.get("y") or parts["y1"])
        elif anchor is not None:
            if parts.get("shift") or parts.get("this"):
                word = (parts.get("shift") or parts["this"]).lower()
                year = (
                    anchor.year - 1 if word.startswith("last") else anchor.year + 1 if word == "next" else anchor.year
                )
            else:
                quarter = number * 2 - 1 if half else number
                year = cal.quarter_near(anchor, quarter, direction)
        return (f"{year}-{letter}{number}" if year else None, "DATE", None)

    def lastquarter(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        if anchor is None:
            return (None, "DATE", None)
        year, quarter = cal.add_quarters(*cal.quarter_of(anchor), -1)
        which = _norm(parts.get("which") or "")
        if which in ("year earlier", "year ago"):
            year -= 1
        return (f"{year}-Q{quarter}", "DATE", None)

    def clock(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        if "noon" in parts:
            hour, minute = (int(x) for x in self.words["clock_words"][_norm(parts["noon"])].split(":"))
        else:
            hour, minute = int(parts["h"]) % 12, int(parts.get("mi") or 0)
            if "half" in parts:
                hour += self.words["clock_halves"][parts["half"].lower()]
            else:
                hour += 12 if parts["ap"].lower() == "p" else 0
        day = "XXXX-XX-XX"
        if anchor is not None:
            day = anchor.isoformat()
            if parts.get("wd"):
                day = cal.weekday_near(anchor, int(self.words["weekdays"][parts["wd"].lower()]), direction).isoformat()
            elif parts.get("rel"):
                day = (anchor + timedelta(days=int(self.words["relative_days"][_norm(parts["rel"])]))).isoformat()
        return (f"{day}T{hour:02d}:{minute:02d}", "TIME", None)

    def fixed(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        entry = self.words["fixed"][_norm(parts["fixed"])]
        return (entry["value"], entry.get("type", "DATE"), None)

    def holiday(self, parts: dict, anchor: Optional[date], direction: int) -> Optional[Value]:
        name = _norm(parts["hol"])
        if anchor is None:
            return (None, "DATE", None)
        fixed = self.words["holidays"].get(name)
        if fixed:
            found = cal.day_near(anchor, fixed["month"], fixed["day"], direction)
            return (found.isoformat(), "DATE", None) if found else None
        rule = self.words["floating_holidays"][name]
        options = [cal.nth_weekday(anchor.year + k, rule["month"], rule["weekday"], rule["n"]) for k in (-1, 0, 1)]
        before = [d for d in options if d <= anchor]
        after = [d for d in options if d >= anchor]
        pick = (max(before) if direction <= 0 and before else min(after)) if after or before else options[1]
        return (pick.isoformat(), "DATE", None)


@lru_cache(maxsize=8)
def normalizer(extra: tuple[Path, ...] = ()) -> Normalizer:
    """The normalizer over the same tables, built once per process."""
    return Normalizer(time_words(extra))


def parse_anchor(published: Optional[str]) -> Optional[date]:
    """The article date as a date, or None when it is unknown or malformed."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


_NUMBER_NOUN_TAGS = ("NNS", "NNPS")  # "2000 troops" counts; "the 1996 law" names a year


def _year_is_quantity(doc: Doc, start: int, end: int) -> bool:
    """A four-digit number that counts things ("2000 troops") rather than naming a year."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span[-1]
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.dep_ == "nummod" and token.head.i > token.i and token.head.tag_ in _NUMBER_NOUN_TAGS:
        return True
    return bool(nxt is not None and nxt.tag_ in ("NNS",) and nxt.head.i == nxt.i and token.head is nxt)


class TimeTagger:
    """Finds and normalizes temporal expressions in a parsed article."""

    def __init__(self, extra_files: tuple[Path, ...] = ()) -> None:
        self.extra = tuple(Path(p) for p in extra_files)
        self.rules = compiled_rules(self.extra)
        self.normalizer = normalizer(self.extra)
        words = time_words(self.extra)
        self.future_aux = frozenset(words["future_auxiliaries"])
        self.future_verbs = frozenset(words["future_verbs"])
        self.scheduling = frozenset(words["scheduling_verbs"])
        cues = "|".join(
            re.escape(c).replace(r"\ ", r"\s+") for c in sorted(words["future_cues"], key=len, reverse=True)
        )
        self.future_cue = re.compile(rf"\b(?:{cues})\s+(?:on\s+)?$", re.I) if cues else None
        links = _alt(words["clock_links"])
        # what may separate a clock time from the day it belongs to, before and after it
        self.day_before_clock = re.compile(rf",?(?:\s+{links})*\s+", re.I)
        self.day_after_clock = re.compile(rf"(?:\s+\([^()\n]{{1,30}}\))?,?(?:\s+{links})?\s+\(?", re.I)

    def extract(self, doc: Doc, published: Optional[str]) -> list[TimeExpr]:
        """TIMEX3-style expressions of the article, anchored on ``published`` (YYYY-MM-DD)."""
        anchor = parse_anchor(published)
        text = doc_text(doc)
        times: list[TimeExpr] = []
        clocks: list[int] = []  # clock times without a day of their own
        reference: Optional[date] = None  # the last day the story named
        for found in self.rules.find(text):
            if found.kind == "year" and _year_is_quantity(doc, found.start, found.end):
                continue
            direction = UNKNOWN
            if anchor is not None:
                direction = tense_at(doc, found.start, found.end, self.future_aux, self.future_verbs, self.scheduling)
                if self.future_cue is not None and self.future_cue.search(text[max(0, found.start - 30) : found.start]):
                    direction = FUTURE
            # news mostly looks back: without a tense, past, except for a bare month (the nearest)
            result = self.normalizer.normalize(
                found, self._anchor_for(found, anchor, reference),
                direction if direction or found.kind in NEAREST_KINDS else PAST,
            )
            if result is None:
                continue
            value, kind, mod = result
            if value == "ANCHOR_YEAR":
                value = str(anchor.year) if anchor else None
            if found.kind == "ago" and anchor is not None and _norm(found.parts["unit"]).startswith("year"):
                value = self._same_period_earlier(doc, found, times) or value
            times.append(TimeExpr(text[found.start : found.end], found.start, found.end, value, kind, mod))
            named_day = _FULL_DAY.match(value or "")
            if named_day and found.kind not in ("clock", "fixed"):
                reference = date.fromisoformat(named_day.group(1))
            if found.kind == "clock" and not (found.parts.keys() & {"wd", "rel"}):
                clocks.append(len(times) - 1)
        for index in clocks:
            self._date_clock(text, times, index)
        return times

    @staticmethod
    def _anchor_for(found: Found, anchor: Optional[date], reference: Optional[date]) -> Optional[date]:
        """The article date, or for an expression that counts from the story's own time the last day
        the story named ("charged them on Thursday. The next day, ...")."""
        if reference is None:
            return anchor
        if found.kind == "refday":
            return reference
        if found.kind == "ago" and _norm(found.parts["dir"]) in ("earlier", "later"):
            unit = _norm(found.parts["unit"])
            return reference if unit.startswith(_REFERENCE_UNITS) else anchor
        return anchor

    def _date_clock(self, text: str, times: list[TimeExpr], index: int) -> None:
        """A clock time takes the date of a day written next to it ("Friday at 10 a.m.")."""
        clock = times[index]
        neighbours = []
        if index > 0 and self.day_before_clock.fullmatch(text[times[index - 1].end : clock.start]):
            neighbours.append(times[index - 1])
        if index + 1 < len(times) and self.day_after_clock.fullmatch(text[clock.end : times[index + 1].start]):
            neighbours.append(times[index + 1])
        for other in neighbours:
            if other.value and _FULL_DATE.match(other.value) and clock.value and "T" in clock.value:
                clock.value = other.value[:10] + clock.value[clock.value.index("T") :]
                return

    def _same_period_earlier(self, doc: Doc, found: Found, times: list[TimeExpr]) -> Optional[str]:
        """ "a year earlier" next to a quarter of results means that quarter one year before."""
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or _norm(found.parts["num"]) not in ("a", "one"):
            return None
        # results stories name the quarter once and then compare over a few sentences
        reach = max(span.sent.start_char - 400, 0)
        for earlier in reversed(times):
            if earlier.start < reach:
                break
            match = _QUARTER_VALUE.match(earlier.value or "")
            if match:
                return f"{int(match.group(1)) - 1}-{match.group(2)}"
        return None
