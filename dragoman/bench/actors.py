"""Actor-stage scaling benchmark: lookup cost must stay flat as the dictionary grows.

``bench_actor_scaling(texts)`` parses the texts once, times ``ActorResolver.extract`` with the built-in
dictionaries, then with a synthetic people/organisation file that makes them ``factor`` times larger.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from dragoman.actors import ActorResolver
from dragoman.nlp import load_nlp

_SYLLABLES = ("ka", "lo", "mir", "tan", "vel", "zor", "ri", "bu", "sen", "dra", "ph", "ul", "nex", "qua", "tio")
_COUNTRIES = ("USA", "RUS", "CHN", "FRA", "GBR", "TUR", "IRN", "IND", "BRA", "NGA", "KEN", "EGY")
_SECTORS = ("GOV", "MIL", "LEG", "JUD", "SPY")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def synthetic_entries(count: int, seed: int = 13) -> list[dict[str, Any]]:
    """``count`` invented people (dated roles) and organisations in the dictionary file format."""
    rng = random.Random(seed)
    entries: list[dict[str, Any]] = []
    for number in range(count):
        if number % 4 == 3:
            name = f"{_word(rng)} {_word(rng)} Council"
            entries.append({"name": name, "aliases": [f"{name} {number}"],
                            "code": rng.choice(_COUNTRIES) + rng.choice(_SECTORS)})
            continue
        start = rng.randint(1990, 2015)
        entries.append({
            "name": f"{_word(rng)} {_word(rng)} {number}",
            "roles": [
                {"code": rng.choice(_COUNTRIES) + rng.choice(_SECTORS), "title": "Minister",
                 "start": str(start), "end": str(start + rng.randint(1, 6))},
                {"code": rng.choice(_COUNTRIES) + "GOV", "title": "President", "start": str(start + 7), "end": None},
            ],
        })
    return entries


def _time_extract(resolver: ActorResolver, docs: list, published: str | None, repeat: int) -> float:  # type: ignore[type-arg]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for doc in docs:
            resolver.extract(doc, published)
        best = min(best, time.perf_counter() - started)
    return best


def bench_actor_scaling(texts: Sequence[str], factor: int = 10, repeat: int = 3,
                        published: str | None = "2015-06-01") -> dict[str, Any]:
    """Time the actor stage with the built-in dictionary and one grown ``factor``x; ratio target < 1.5."""
    nlp = load_nlp()
    docs = list(nlp.pipe(list(texts)))
    base = ActorResolver()
    base_size = base.lexicon.size
    with tempfile.TemporaryDirectory() as folder:
        grown_file = Path(folder) / "synthetic_people.yaml"
        # aliases and names each add one phrase; size the file so the total reaches factor x base
        wanted = max(0, base_size * (factor - 1))
        grown_file.write_text(yaml.safe_dump(synthetic_entries(wanted), sort_keys=False), encoding="utf-8")
        started = time.perf_counter()
        grown = ActorResolver([grown_file])
        load_seconds = time.perf_counter() - started
        grown_size = grown.lexicon.size
        base_seconds = _time_extract(base, docs, published, repeat)
        grown_seconds = _time_extract(grown, docs, published, repeat)
    return {
        "texts": len(docs),
        "base_entries": base_size,
        "grown_entries": grown_size,
        "base_seconds": round(base_seconds, 4),
        "grown_seconds": round(grown_seconds, 4),
        "ratio": round(grown_seconds / base_seconds, 3) if base_seconds else None,
        "grown_load_seconds": round(load_seconds, 2),
    }
