"""A benchmark corpus of distinct ~600-word articles recombined from a few seed articles.

Each generated article keeps one seed's opening paragraph (dateline, byline) and adds paragraphs
drawn from other seeds, with weekdays and months rotated, so no two are near-copies and the
deduplication stage does not skip work. Deterministic for a given seed list and ``seed``.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Iterable
from pathlib import Path

from dragoman.errors import InputError
from dragoman.ingest import prepare, read_inputs
from dragoman.records import RawArticle, Skipped

DEMO = Path(__file__).resolve().parents[2] / "demo"
_DAYS = list(calendar.day_name)
_MONTHS = list(calendar.month_name)[1:]
_CALENDAR_WORD = re.compile(r"\b(" + "|".join(_DAYS + _MONTHS) + r")\b")


def seed_articles(paths: Iterable[str]) -> list[tuple[str | None, list[str]]]:
    """(title, paragraphs) of every readable English article under ``paths``."""
    seeds = []
    for raw in read_inputs(paths):
        if isinstance(raw, Skipped):
            continue
        prepared = prepare(raw)
        if isinstance(prepared, Skipped):
            continue
        meta, text = prepared
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        if paragraphs:
            seeds.append((meta.title, paragraphs))
    return seeds


def _rotate(text: str, shift: int) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(1)
        names = _DAYS if word in _DAYS else _MONTHS
        return names[(names.index(word) + shift) % len(names)]

    return _CALENDAR_WORD.sub(swap, text)


def generate(
    seeds: list[tuple[str | None, list[str]]], n: int = 500, words: int = 600, seed: int = 7
) -> list[RawArticle]:
    """``n`` distinct articles of about ``words`` words recombined from ``seeds``."""
    if len(seeds) < 2:
        raise InputError("the benchmark corpus needs at least two seed articles")
    rng = random.Random(seed)
    pool = [(i, p) for i, (_, paragraphs) in enumerate(seeds) for p in paragraphs[1:]]
    articles = []
    for k in range(n):
        base = k % len(seeds)
        title, paragraphs = seeds[base]
        body = [paragraphs[0]]
        count = len(paragraphs[0].split())
        for _, paragraph in rng.sample(pool, len(pool)):
            if count >= words:
                break
            body.append(paragraph)
            count += len(paragraph.split())
        text = _rotate("\n\n".join(body), k)
        articles.append(RawArticle(origin=f"bench#{k + 1}", text=text, title=f"{title or 'Untitled'} ({k + 1})"))
    return articles
