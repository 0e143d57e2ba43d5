"""``dragoman events``, ``dragoman quotes`` and ``dragoman export``: read the store."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional

import typer

from dragoman.cli.console import console, err_console
from dragoman.cli.render import rows_table
from dragoman.errors import InputError
from dragoman.store import Store

DB_HELP = "DuckDB store written by `dragoman ingest`."
EVENT_COLUMNS = ["date", "source", "cameo", "cameo_label", "target", "location_name", "rule", "mentions"]
QUOTE_COLUMNS = ["published", "speaker_name", "speaker_code", "kind", "cue", "text"]


def _json_default(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _actor_label(row: dict[str, Any], role: str) -> Optional[str]:
    name, code = row.get(f"{role}_name") or row.get(f"{role}_text"), row.get(f"{role}_code")
    if name is None and code is None:
        return None
    return f"{name or '?'} [{code or '?'}]"


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str) -> None:
    if fmt == "table":
        # tables show "name [CODE]" for actors; jsonl and csv keep the stored columns
        shown = [{**row, "source": _actor_label(row, "source"), "target": _actor_label(row, "target")} for row in rows]
        console.print(rows_table(shown, columns, title=f"{title} ({len(rows)})"))
    elif fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, default=_json_default, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else columns)
        writer.writeheader()
        writer.writerows(rows)
    else:
        raise InputError(f"--format {fmt!r}: choose table, jsonl or csv")


def events(
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help=DB_HELP),
    actor: Optional[str] = typer.Option(None, "--actor", help="Source actor code prefix (RUS, RUSGOV, IGOUNO)."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor code prefix."),
    code: Optional[str] = typer.Option(None, "--code", help="CAMEO code prefix (11, 112, 19)."),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date (YYYY-MM-DD)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many events."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Query stored events.

    Example: dragoman events --actor RUS --code 11 --since 2019-01-01 --format jsonl
    """
    for flag, value in (("--since", since), ("--until", until)):
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise InputError(f"{flag} {value!r}: not a date in YYYY-MM-DD form") from exc
    with Store(db, read_only=True) as store:
        rows = store.events(actor, target, code, since, until, limit)
    _emit(rows, fmt, EVENT_COLUMNS, "events")


def quotes(
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help=DB_HELP),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker name (part) or code prefix."),
    contains: Optional[str] = typer.Option(None, "--contains", help="Quotes whose text contains this."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many quotes."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Query stored quotes by speaker or content.

    Example: dragoman quotes --speaker Lavrov --contains talks
    """
    with Store(db, read_only=True) as store:
        rows = store.quotes(speaker, contains, limit)
    _emit(rows, fmt, QUOTE_COLUMNS, "quotes")


def export(
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help=DB_HELP),
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet, jsonl or csv."),
    out: Path = typer.Option(..., "--out", help="Folder to write one file per table into."),
) -> None:
    """Export every table (articles, actors, quotes, events, times, places).

    Example: dragoman export --db dragoman.duckdb --format parquet --out export/
    """
    with Store(db, read_only=True) as store:
        written = store.export(out, fmt)
    for path in written:
        err_console.print(f"wrote {path}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(events)
    app.command()(quotes)
    app.command()(export)
