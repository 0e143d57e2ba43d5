"""Event dates against the project's own gold: the date of each act, not of each expression.

``event_dates.jsonl`` (``dragoman/eval/data``) holds wire-style paragraphs written for dragoman,
each with its publication date and the gold date of every event trigger (rules in
``dragoman/eval/data/README.md``). Two measures:

- ``event_date.accuracy``: every gold trigger is dated by the geotime stage (an event is made at the
  trigger, in its sentence, and ``locate_events`` dates it): how well narrative time works, whatever
  the event coder finds;
- ``coded_date.accuracy``: among gold triggers the event coder also coded (an event whose trigger
  overlaps), the share whose coded event carries the gold date; ``coded.rate`` is that share of gold.

A date is right when value and precision are both right: "2016-W14" for "last week", not a day.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from dragoman.errors import EvalError
from dragoman.eval import EvalReport
from dragoman.records import Event, Trigger

EVENT_DATES = Path(__file__).parent / "data" / "event_dates.jsonl"
_GOLD_DATE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?$")


@dataclass
class GoldEventDate:
    trigger: str
    date: str
    n: int = 1  # which occurrence of the trigger word in the paragraph


@dataclass
class DatedParagraph:
    id: str
    published: str
    text: str
    events: list[GoldEventDate]


def _gold_event(path: Path, line: int, entry: Any) -> GoldEventDate:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("trigger", "date")):
        raise EvalError(f"{path}:{line}: each event needs a 'trigger' and a 'date' (text), got {entry!r}")
    if not _GOLD_DATE.match(entry["date"]):
        raise EvalError(f"{path}:{line}: date {entry['date']!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www")
    n = entry.get("n", 1)
    if not isinstance(n, int) or n < 1:
        raise EvalError(f"{path}:{line}: 'n' must be a positive occurrence number, got {n!r}")
    return GoldEventDate(entry["trigger"], entry["date"], n)


def read_event_dates(path: Path) -> list[DatedParagraph]:
    """The paragraphs of an event-date gold file (JSON Lines); EvalError naming the line on a bad one."""
    items = []
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{line}: not JSON ({exc.msg})") from exc
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in ("id", "published", "text")):
            raise EvalError(f"{path}:{line}: expected an object with 'id', 'published', 'text' and 'events'")
        if not isinstance(data.get("events"), list):
            raise EvalError(f"{path}:{line}: 'events' must be a list")
        events = [_gold_event(path, line, e) for e in data["events"]]
        items.append(DatedParagraph(data["id"], data["published"], data["text"], events))
    if not items:
        raise EvalError(f"{path}: no paragraphs found; expected event-date JSON Lines")
    return items


def trigger_offset(text: str, trigger: str, n: int) -> Optional[int]:
    """Where the n-th whole-word occurrence of ``trigger`` starts in ``text``."""
    found = [m.start() for m in re.finditer(rf"\b{re.escape(trigger)}\b", text)]
    return found[n - 1] if len(found) >= n else None


def evaluate_event_dates(path: Path, limit: Optional[int]) -> EvalReport:
    """Date every gold trigger with the geotime stage, and compare the coder's own events."""
    from dragoman.coder import Coder  # heavy: loads spaCy and every stage
    from dragoman.config import Options
    from dragoman.geotime import locate_events

    paragraphs = read_event_dates(path)[: limit or None]
    coder = Coder(Options(min_chars=1))
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    for item in paragraphs:
        record = coder.code(item.text, published=item.published)
        doc = coder.nlp(record.text)
        made: list[tuple[GoldEventDate, Event]] = []
        for gold in item.events:
            start = trigger_offset(record.text, gold.trigger, gold.n)
            if start is None:
                raise EvalError(f"{path}: {item.id}: trigger {gold.trigger!r} (occurrence {gold.n}) not in the text")
            end = start + len(gold.trigger)
            sent = doc.char_span(start, end, alignment_mode="expand")[0].sent
            made.append((gold, Event(f"{item.id}-{start}", 0, sent.start_char, sent.end_char,
                                     Trigger(gold.trigger, start, end), "010", "01", 0.0, 1)))
        locate_events([e for _, e in made], doc, record.times, record.places, record.article)
        for gold, event in made:
            counts["gold"] += 1
            right = event.date == gold.date
            counts["right"] += right
            counts[f"rule.{event.date_rule}"] += 1
            counts[f"rule.{event.date_rule}.right"] += right
            if not right:
                wrong.append(f"{item.id} {gold.trigger}: {event.date} ({event.date_rule}), gold {gold.date}")
            coded = [e for e in record.events
                     if e.trigger.start < event.trigger.end and event.trigger.start < e.trigger.end]
            if coded:
                counts["coded"] += 1
                counts["coded_right"] += coded[0].date == gold.date
    metrics = {
        "event_date.accuracy": round(counts["right"] / max(counts["gold"], 1), 3),
        "coded.rate": round(counts["coded"] / max(counts["gold"], 1), 3),
        "coded_date.accuracy": round(counts["coded_right"] / max(counts["coded"], 1), 3),
    }
    notes = ["event_date: every gold trigger dated by geotime (narrative time); right = same value and precision",
             "coded_date: the coder's own events at gold triggers", *wrong[:40]]
    return EvalReport("dates", "event_dates", str(path), len(paragraphs), metrics, dict(counts), notes)
