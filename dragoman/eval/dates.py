"""Temporal expressions against TimeML gold (TempEval-3: TimeBank + AQUAINT), and event dates
against the project's own set (``dragoman.eval.event_dates``).

Reads ``*.tml`` files (a folder, searched recursively, or one file). Each document's creation
time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is the article date. Scores as in
TempEval-3: expression precision/recall/F1 under strict (same span) and relaxed (overlap) match,
and value/type F1 where a true positive is a relaxed match with the same attribute.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from dragoman.errors import EvalError
from dragoman.eval import EvalReport, default_path, prf, shared_dir
from dragoman.eval.event_dates import EVENT_DATES, evaluate_event_dates
from dragoman.records import TimeExpr

log = logging.getLogger(__name__)

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_WEEK = re.compile(r"-W(\d{1,2})(?!\d)")


@dataclass
class GoldTimex:
    start: int
    end: int
    value: str
    type: str


@dataclass
class TimeMLDoc:
    name: str
    dct: Optional[str]
    text: str
    timexes: list[GoldTimex]


def _dct(raw: str) -> Optional[str]:
    for match in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(match.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            value = attrs.get("value", "")
            return value[:10] if re.match(r"\d{4}-\d\d-\d\d", value) else None
    return None


def read_timeml(path: Path) -> TimeMLDoc:
    """The TEXT of a TimeML file with its TIMEX3 spans (offsets into the unescaped text)."""
    raw = path.read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise EvalError(f"{path}: not a TimeML file (no <TEXT> element)")
    chunks: list[str] = []
    length = 0
    open_timex: Optional[tuple[int, dict[str, str]]] = None
    timexes: list[GoldTimex] = []
    cursor = 0
    content = body.group(1)
    for match in _TAG.finditer(content):
        piece = html.unescape(content[cursor : match.start()])
        chunks.append(piece)
        length += len(piece)
        cursor = match.end()
        closing, name = match.group(1) == "/", match.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(match.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("value", ""), attrs.get("type", "DATE")))
            open_timex = None
    chunks.append(html.unescape(content[cursor:]))
    return TimeMLDoc(path.stem, _dct(raw), "".join(chunks), timexes)


def _files(data: Path) -> list[Path]:
    if data.is_file():
        files = [data]
    else:
        files = sorted(data.rglob("*.tml"))
    if not files or any(f.suffix != ".tml" for f in files):
        raise EvalError(f"{data}: no TimeML (.tml) files found; expected TempEval-3 style TimeML")
    return files


def canonical(value: Optional[str]) -> Optional[str]:
    """A TIMEX3 value with ISO week numbers padded: TimeBank writes "2000-W7" for "2000-W07"."""
    if value is None:
        return None
    return _WEEK.sub(lambda m: f"-W{int(m.group(1)):02d}", value)


def _overlaps(a: GoldTimex, b: TimeExpr) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(gold: list[GoldTimex], found: list[TimeExpr], counts: dict[str, int]) -> None:
    """Add one document's matches to the running counts."""
    counts["gold"] += len(gold)
    counts["system"] += len(found)
    strict = {(g.start, g.end) for g in gold} & {(t.start, t.end) for t in found}
    counts["strict_tp"] += len(strict)
    used: set[int] = set()
    for g in gold:
        for index, t in enumerate(found):
            if index in used or not _overlaps(g, t):
                continue
            used.add(index)
            counts["relaxed_tp"] += 1
            counts["value_tp"] += int(canonical(t.value) == canonical(g.value))
            counts["value_exact_tp"] += int(t.value == g.value)
            counts["type_tp"] += int(t.type == g.type)
            break


def evaluate(data: Optional[Path], limit: Optional[int]) -> list[EvalReport]:
    """Expression scores on TimeML gold, and event dates on the shipped event-date set.

    Without ``--data``: TempEval-3 training data from ../shared (when present) and
    ``event_dates.jsonl``; with it: a ``.jsonl`` file is an event-date set, anything else TimeML.
    """
    if data is not None:
        if data.is_file() and data.suffix == ".jsonl":
            return [evaluate_event_dates(data, limit)]
        return [evaluate_expressions(data, limit)]
    reports = []
    if (shared_dir() / "eval" / "time").is_dir():
        reports.append(evaluate_expressions(None, limit))
    reports.append(evaluate_event_dates(EVENT_DATES, limit))
    return reports


def evaluate_expressions(data: Optional[Path], limit: Optional[int]) -> EvalReport:
    """Expression and value scores of the TimeTagger on TimeML gold."""
    from dragoman.geotime import TimeTagger
    from dragoman.nlp import load_nlp

    root = data if data is not None else default_path("time", "tempeval3_training", "TBAQ-cleaned")
    files = _files(root)[: limit or None]
    docs = [read_timeml(f) for f in files]
    tagger = TimeTagger()
    nlp = load_nlp()
    counts = {k: 0 for k in ("gold", "system", "strict_tp", "relaxed_tp", "value_tp", "value_exact_tp", "type_tp")}
    for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16), strict=False):
        found = tagger.extract(parsed, doc.dct)
        score_document(doc.timexes, found, counts)
    sys_n, gold_n = counts["system"], counts["gold"]
    metrics: dict[str, float] = {}
    pairs = (
        ("strict", "strict_tp"),
        ("relaxed", "relaxed_tp"),
        ("value", "value_tp"),
        ("value_exact", "value_exact_tp"),
        ("type", "type_tp"),
    )
    for key, tp in pairs:
        metrics.update(prf(counts[tp], sys_n - counts[tp], gold_n - counts[tp], key))
    return EvalReport(
        evaluator="dates",
        dataset=root.name,
        path=str(root),
        size=len(docs),
        metrics=metrics,
        counts=counts,
        notes=[
            "value/type: relaxed match with the same attribute (TempEval-3 style)",
            "value: week numbers compared padded (W7 = W07); value_exact: plain string equality",
        ],
    )
