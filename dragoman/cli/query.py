"""``dragoman events`` and ``dragoman quotes``: read the store (``dragoman export`` is in exporting.py)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional

import typer

from dragoman.cli.console import console, err_console
from dragoman.cli.render import rows_table
from dragoman.errors import InputError
from dragoman.store import EventFilter, Page, QuoteFilter, Store
from dragoman.store.query import parse_filter

DB_HELP = "DuckDB store written by `dragoman ingest`."
EVENT_COLUMNS = ["date", "source", "cameo", "cameo_label", "target", "location_name", "rule", "mentions"]
QUOTE_COLUMNS = ["published", "speaker_name", "speaker_code", "kind", "cue", "text"]
PAGE = 1000  # rows fetched per query when printing


def _json_default(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _actor_label(row: dict[str, Any], role: str) -> Optional[str]:
    name, code = row.get(f"{role}_name") or row.get(f"{role}_text"), row.get(f"{role}_code")
    if name is None and code is None:
        return None
    sector = row.get(f"{role}_sector")
    code = code or (f"---{sector.split()[0]}" if sector else "?")  # a generic actor: sector, no country
    return f"{name or '?'} [{code}]"


def _emit(rows: Iterable[dict[str, Any]], fmt: str, columns: list[str], title: str) -> None:
    if fmt not in ("table", "jsonl", "csv"):
        raise InputError(f"--format {fmt!r}: choose table, jsonl or csv")
    if fmt == "table":
        # tables show "name [CODE]" for actors; jsonl and csv keep the stored columns
        shown = [{**row, "source": _actor_label(row, "source"), "target": _actor_label(row, "target")} for row in rows]
        console.print(rows_table(shown, columns, title=f"{title} ({len(shown)})"))
    elif fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, default=_json_default, ensure_ascii=False))
    else:
        iterator = iter(rows)
        first = next(iterator, None)
        writer = csv.DictWriter(sys.stdout, fieldnames=list(first) if first else columns)
        writer.writeheader()
        if first is not None:
            writer.writerow(first)
            writer.writerows(iterator)


# `dragoman events` flags -> EventFilter fields; `export --where NAME=VALUE` takes the same names
EVENT_FLAGS = {
    "actor": "source", "target": "target", "code": "cameo", "since": "since", "until": "until",
    "quad": "quad_class", "plover": "plover_type", "place": "place", "place-country": "place_country",
    "text": "text", "rule": "rule", "min-confidence": "min_confidence", "lede": "lede",
}
NO_BACKGROUND = "no-background"


def event_filter(flags: dict[str, Any]) -> EventFilter:
    """The EventFilter of `dragoman events` flag values (by flag name, without dashes in front)."""
    values = {EVENT_FLAGS[name]: value for name, value in flags.items() if name in EVENT_FLAGS}
    if flags.get(NO_BACKGROUND):
        values["background"] = False
    return parse_filter(EventFilter, values)


def parse_where(conditions: list[str]) -> EventFilter:
    """``["actor=RUS", "code=11", "no-background"]`` -> the EventFilter `dragoman events` would build."""
    flags: dict[str, Any] = {}
    for condition in conditions:
        name, sep, value = condition.partition("=")
        name = name.strip().lstrip("-")
        if name == NO_BACKGROUND and (not sep or value.strip().lower() in ("true", "1", "yes")):
            flags[name] = True
        elif name in EVENT_FLAGS and sep:
            flags[name] = value.strip()
        else:
            raise InputError(f"--where {condition!r}: expected NAME=VALUE with NAME one of "
                             f"{', '.join(EVENT_FLAGS)}, or {NO_BACKGROUND}")
    return event_filter(flags)


def _pages(
    fetch: Callable[[int, Optional[str]], Page], limit: Optional[int], after: Optional[str]
) -> Iterator[dict[str, Any]]:
    """Rows page by page (bounded memory), up to ``limit``; tells on stderr how to get the next page."""
    left = limit
    while True:
        page = fetch(min(left, PAGE) if left is not None else PAGE, after)
        yield from page.rows
        if left is not None:
            left -= len(page.rows)
        if page.next is None:
            return
        if left is not None and left <= 0:
            err_console.print(f"more: --after {page.next}", highlight=False)
            return
        after = page.next


def events(
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help=DB_HELP),
    actor: Optional[str] = typer.Option(None, "--actor", help="Source actor code prefix (RUS, RUSGOV, IGOUNO)."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor code prefix."),
    code: Optional[str] = typer.Option(None, "--code", help="CAMEO code prefix (11, 112, 19)."),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date (YYYY-MM-DD)."),
    quad: Optional[int] = typer.Option(None, "--quad", help="Quad class 1-4 (verbal/material cooperation/conflict)."),
    plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER event type (ACCUSE, ASSAULT ...)."),
    place: Optional[str] = typer.Option(None, "--place", help="Location name contains."),
    country: Optional[str] = typer.Option(None, "--place-country", help="Location country (ISO alpha-3)."),
    text: Optional[str] = typer.Option(None, "--text", help="The event's sentence contains."),
    rule: Optional[str] = typer.Option(None, "--rule", help="Rule (pattern id) prefix."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="Confidence at least (0-1)."),
    news_only: bool = typer.Option(
        False, "--no-background", help="Leave out background events (history, scene-setting)."
    ),
    lede: Optional[int] = typer.Option(None, "--lede", help="Only events in the first N sentences of each article."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many events."),
    after: Optional[str] = typer.Option(None, "--after", help="Continue after this cursor (printed by --limit)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Query stored events, newest first.

    Example: dragoman events --actor RUS --code 11 --since 2019-01-01 --format jsonl
    Example: dragoman events --quad 4 --place-country SYR --limit 50
    """
    where = event_filter({
        "actor": actor, "target": target, "code": code, "since": since, "until": until, "quad": quad,
        "plover": plover, "place": place, "place-country": country, "text": text, "rule": rule,
        "min-confidence": min_confidence, "no-background": news_only, "lede": lede,
    })
    store = Store(db, read_only=True)
    rows = _pages(lambda size, cursor: store.events(where, size, cursor), limit, after)
    _emit(rows, fmt, EVENT_COLUMNS, "events")


def quotes(
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help=DB_HELP),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker name (part) or code prefix."),
    contains: Optional[str] = typer.Option(None, "--contains", help="Quotes whose text contains this."),
    kind: Optional[str] = typer.Option(None, "--kind", help="direct, indirect or mixed."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many quotes."),
    after: Optional[str] = typer.Option(None, "--after", help="Continue after this cursor (printed by --limit)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Query stored quotes by speaker or content.

    Example: dragoman quotes --speaker Lavrov --contains talks
    """
    where = parse_filter(QuoteFilter, {"speaker": speaker, "contains": contains, "kind": kind})
    store = Store(db, read_only=True)
    rows = _pages(lambda size, cursor: store.quotes(where, size, cursor), limit, after)
    _emit(rows, fmt, QUOTE_COLUMNS, "quotes")


def register(app: typer.Typer) -> None:
    app.command()(events)
    app.command()(quotes)
