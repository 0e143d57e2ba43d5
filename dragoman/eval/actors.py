"""Actor evaluation: country and country+sector accuracy on the source/target actors of event gold.

Two formats, detected from the files:

* PLOVER gold records (a JSON list; records with ``text`` and ``source``/``target`` lists of
  ``{actorText, code, sector}``): each gold actor is located in the sentence by its text and matched
  to the extracted actor that overlaps it most. A gold actor with no overlapping actor is wrong.
* PETR-2 validation JSONL (``text``, ``date``, ``event_codings`` with ``sourcecode``/``targetcode``):
  the gold has no spans, so a gold code counts as found when some actor of the sentence carries its
  country (and, for country+sector, its first sector). A weaker, set-membership measure.

Scoring: gold codes are normalised (JAP->JPN, ITL->ITA, VTN->VNM; "---" = no country); the sector is
the first three letters of the gold sector (JRN->MED, CIV/SOC->CVL); "***" (coder unsure) is left out
of the country+sector count. For IGO/NGO/IMG actors country+sector compares the body code prefix.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dragoman.errors import EvalError
from dragoman.eval import EvalReport, default_path
from dragoman.records import Actor

log = logging.getLogger(__name__)

COUNTRY_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "---": None}
SECTOR_FIXES = {"JRN": "MED", "CIV": "CVL", "SOC": "CVL"}
BODIES = frozenset({"IGO", "NGO", "IMG"})
PLOVER_FILE = "PLOVER_GSR_CAMEO.txt"
PETR2_FILE = "PETR2_GSR_validation.jsonl"
WORLD_FILE = "world_actors.jsonl"  # dragoman's own dev set of long-tail actors (dragoman/eval/data)
SHIPPED = Path(__file__).resolve().parent / "data" / WORLD_FILE


@dataclass
class Gold:
    """One gold actor: its country, sector (None: none; "***": unscored) and, for PLOVER, its text."""

    country: str | None
    sector: str | None
    body: str | None = None  # IGO/NGO code as given ("IGOUNO")
    text: str | None = None


def _gold(code: str | None, sector: str | None, text: str | None = None) -> Gold:
    code = (code or "").strip().upper()
    country = COUNTRY_FIXES.get(code[:3], code[:3]) if code else None
    if country in BODIES:
        return Gold(country, None, body=code, text=text)
    raw = sector if sector is not None else (code[3:6] or None)
    if raw is not None and raw.strip() == "***":
        return Gold(country, "***", text=text)
    first = raw.strip()[:3].upper() if raw and raw.strip() else None
    return Gold(country, SECTOR_FIXES.get(first, first) if first else None, text=text)


def _first_sector(actor: Actor) -> str | None:
    return actor.sector.split()[0] if actor.sector else None


def _scores(gold: Gold, actor: Actor | None) -> tuple[bool, bool | None]:
    """(country right, country+sector right or None when unscored)."""
    if actor is None:
        return False, (None if gold.sector == "***" else False)
    country_ok = actor.country == gold.country
    if gold.sector == "***":
        return country_ok, None
    if gold.country in BODIES:
        body_ok = country_ok and (gold.body == gold.country or (actor.code or "").startswith(gold.body or ""))
        return country_ok, body_ok
    return country_ok, country_ok and _first_sector(actor) == gold.sector


def _locate(text: str, phrase: str) -> tuple[int, int] | None:
    fragments = [f.strip() for f in phrase.replace("…", "...").split("...") if f.strip()]
    for fragment in fragments[:1]:
        at = text.find(fragment)
        if at < 0:
            at = text.lower().find(fragment.lower())
        if at >= 0:
            return at, at + len(fragment)
    return None


def _overlapping(actors: list[Actor], span: tuple[int, int]) -> Actor | None:
    best, best_overlap = None, 0
    for actor in actors:
        overlap = min(actor.end, span[1]) - max(actor.start, span[0])
        if overlap > best_overlap or (
            overlap == best_overlap and overlap > 0 and best and not best.code and actor.code
        ):
            best, best_overlap = actor, overlap
    return best


def _read_plover(path: Path) -> list[dict[str, Any]]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not a PLOVER gold JSON list: {exc}") from exc
    if not isinstance(records, list):
        raise EvalError(f"{path}: expected a JSON list of PLOVER records")
    return [r for r in records if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]


def _read_petr2(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        for _number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rows.append(json.loads(line))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not PETR-2 validation JSONL: {exc}") from exc
    if rows and "event_codings" not in rows[0]:
        raise EvalError(f"{path}: JSONL records lack event_codings; not the PETR-2 validation format")
    return rows


def _petr2_date(value: str | None) -> str | None:
    if value and len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def _plover_gold(record: dict[str, Any]) -> list[Gold]:
    golds = []
    for side in ("source", "target"):
        items = record.get(side)
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict) and item.get("actorText"):
                golds.append(_gold(item.get("code"), item.get("sector"), item["actorText"]))
    return golds


def _petr2_gold(record: dict[str, Any]) -> list[Gold]:
    golds = []
    for coding in record.get("event_codings") or []:
        if coding.get("noevents"):
            continue
        for key in ("sourcecode", "targetcode"):
            if coding.get(key):
                golds.append(_gold(coding[key], None))
    return golds


def _read_world(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row, dict) or not all(row.get(k) for k in ("text", "actor", "country")):
                raise EvalError(f"{path}: line {number}: needs text, actor and country")
            if row["actor"] not in row["text"]:
                raise EvalError(f"{path}: line {number}: actor {row['actor']!r} is not in the text")
            rows.append(row)
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not world-actors JSONL: {exc}") from exc
    return rows


def score_world(records: list[dict[str, Any]], resolver, nlp) -> tuple[dict[str, int], list[str], dict[str, list[int]]]:  # type: ignore[no-untyped-def]
    """Counts for the own dev set: the gold actor string is located in its sentence and matched to
    the most-overlapping actor, as for PLOVER; also per-kind (country right, count) pairs."""
    counts = {"gold": 0, "found": 0, "country_correct": 0, "sector_scored": 0, "country_sector_correct": 0}
    misses: list[str] = []
    by_kind: dict[str, list[int]] = {}
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=32), strict=True):
        actors = resolver.extract(doc, record.get("published"))
        start = record["text"].index(record["actor"])
        actor = _overlapping(actors, (start, start + len(record["actor"])))
        gold = _gold(record.get("code") or record["country"], record.get("sector") if not record.get("code") else None,
                     record["actor"])
        # found: the string is coded at all (an actor with a code), not merely noticed
        _count(counts, gold, actor, found=bool(actor is not None and actor.code))
        country_ok, sector_ok = _scores(gold, actor)
        kind = by_kind.setdefault(record.get("kind") or "other", [0, 0, 0])
        kind[0] += int(country_ok)
        kind[1] += int(bool(sector_ok))
        kind[2] += 1
        if not country_ok or sector_ok is False:
            misses.append(f"{record.get('id')} {record['actor']!r}: gold {gold.country}/{gold.sector or gold.body}, "
                          f"got {actor.code if actor else None}")
    return counts, misses, by_kind


def score_plover(records: list[dict[str, Any]], resolver, nlp) -> tuple[dict[str, int], list[str]]:  # type: ignore[no-untyped-def]
    """Counts for PLOVER-format records, plus a few misses for the notes."""
    counts = {"gold": 0, "found": 0, "country_correct": 0, "sector_scored": 0, "country_sector_correct": 0}
    misses: list[str] = []
    texts = [r["text"] for r in records]
    for record, doc in zip(records, nlp.pipe(texts, batch_size=32), strict=False):
        actors = resolver.extract(doc, record.get("date"))
        for gold in _plover_gold(record):
            span = _locate(record["text"], gold.text or "")
            actor = _overlapping(actors, span) if span else None
            _count(counts, gold, actor)
            if actor is None or actor.country != gold.country:
                misses.append(
                    f"{gold.text!r}: gold {gold.country}/{gold.sector}, got "
                    f"{(actor.text, actor.code) if actor else None}"
                )
    return counts, misses


def score_petr2(records: list[dict[str, Any]], resolver, nlp) -> tuple[dict[str, int], list[str]]:  # type: ignore[no-untyped-def]
    """Counts for PETR-2 records: a gold code is found when an actor of the sentence carries it."""
    counts = {"gold": 0, "found": 0, "country_correct": 0, "sector_scored": 0, "country_sector_correct": 0}
    misses: list[str] = []
    records = [r for r in records if _petr2_gold(r)]
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=32), strict=False):
        actors = resolver.extract(doc, _petr2_date(record.get("date")))
        for gold in _petr2_gold(record):
            scored = [(_scores(gold, a), a) for a in actors]
            best = max(scored, key=lambda s: (s[0][0], bool(s[0][1])), default=None)
            actor = best[1] if best and best[0][0] else None
            _count(counts, gold, actor, found=bool(actors))
            if actor is None:
                misses.append(
                    f"{record.get('id')}: gold {gold.country}/{gold.sector or gold.body} not among "
                    f"{[a.code for a in actors]}"
                )
    return counts, misses


def _count(counts: dict[str, int], gold: Gold, actor: Actor | None, found: bool | None = None) -> None:
    country_ok, sector_ok = _scores(gold, actor)
    counts["gold"] += 1
    counts["found"] += int(actor is not None if found is None else found)
    counts["country_correct"] += int(country_ok)
    if sector_ok is not None:
        counts["sector_scored"] += 1
        counts["country_sector_correct"] += int(sector_ok)


def _report(dataset: str, path: Path, size: int, counts: dict[str, int], notes: list[str]) -> EvalReport:
    gold = counts["gold"] or 1
    scored = counts["sector_scored"] or 1
    metrics = {
        "country.accuracy": round(counts["country_correct"] / gold, 4),
        "country_sector.accuracy": round(counts["country_sector_correct"] / scored, 4),
        "found.rate": round(counts["found"] / gold, 4),
    }
    return EvalReport("actors", dataset, str(path), size, metrics, dict(counts), notes)


def _files(data: Path | None) -> list[tuple[str, Path]]:
    if data is None:
        # the shipped dev set always; the public sets beside it when ../shared is there
        found = [("world_actors", SHIPPED)]
        try:
            found += [("plover_gsr", default_path("events", "plover_gsr", PLOVER_FILE)),
                      ("petr2_gsr", default_path("events", "petr2_gsr", PETR2_FILE))]
        except EvalError as exc:
            log.info("actors eval: public gold sets not found (%s); scoring the shipped dev set only", exc)
        return found
    data = Path(data)
    if data.is_dir():
        found = [("plover_gsr", p) for p in sorted(data.rglob(PLOVER_FILE))]
        found += [("world_actors", p) for p in sorted(data.rglob("world_actors*.jsonl"))]
        found += [("petr2_gsr", p) for p in sorted(data.rglob("*.jsonl")) if not p.name.startswith("world_actors")]
        found += [("plover_gsr", p) for p in sorted(data.rglob("*.json"))]
        if not found:
            raise EvalError(f"{data}: no PLOVER gold (JSON list) or PETR-2 JSONL inside")
        return found
    if data.name.startswith("world_actors"):
        return [("world_actors", data)]
    if data.suffix == ".jsonl":
        return [("petr2_gsr", data)]
    if data.suffix in {".txt", ".json"}:
        return [("plover_gsr", data)]
    raise EvalError(f"{data}: expected PLOVER gold (.txt/.json JSON list) or PETR-2 validation .jsonl")


def evaluate(data: Path | None, limit: int | None) -> list[EvalReport]:
    """Country and country+sector accuracy of the actors stage on event gold."""
    from dragoman.actors import ActorResolver
    from dragoman.nlp import load_nlp

    nlp = load_nlp()
    resolver = ActorResolver()
    reports = []
    for dataset, path in _files(data):
        if dataset == "world_actors":
            records = _read_world(path)[:limit]
            counts, misses, by_kind = score_world(records, resolver, nlp)
            report = _report(dataset, path, len(records), counts, [
                "own dev set: the gold actor string located in its sentence, matched to the most-overlapping actor",
                *misses])
            for kind, (country_ok, _sector_ok, total) in sorted(by_kind.items()):
                report.metrics[f"{kind}.country.accuracy"] = round(country_ok / total, 4)
            reports.append(report)
            continue
        if dataset == "plover_gsr":
            records = _read_plover(path)[:limit]
            counts, misses = score_plover(records, resolver, nlp)
            how = "gold actorText located in the sentence; matched to the most-overlapping actor"
        else:
            records = _read_petr2(path)[:limit]
            counts, misses = score_petr2(records, resolver, nlp)
            how = "no gold spans: a gold code counts when some actor of the sentence carries it"
        log.info("actors eval %s: %s", dataset, counts)
        reports.append(_report(dataset, path, len(records), counts, [how, *misses[:15]]))
    return reports
