"""``dragoman export``: the store's tables (Parquet, JSON Lines, CSV) or its events in the field's
formats (GDELT 2.0, ICEWS, PLOVER)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dragoman.cli.console import err_console
from dragoman.cli.query import DB_HELP, parse_where
from dragoman.errors import InputError
from dragoman.export import EVENT_FORMATS, export_events
from dragoman.store import Store
from dragoman.store import EXPORT_FORMATS as TABLE_FORMATS

FORMATS = (*TABLE_FORMATS, *EVENT_FORMATS)


def export(
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help=DB_HELP),
    fmt: str = typer.Option("parquet", "--format", "-f", help=f"{', '.join(FORMATS)}."),
    out: Path = typer.Option(..., "--out", help="Folder to write the files into."),
    where: Optional[list[str]] = typer.Option(
        None, "--where", help="gdelt, icews, plover: only these events, as `dragoman events` flags NAME=VALUE "
        "(actor=RUS, code=11, since=2020-01-01, place-country=SYR, no-background ...); repeatable.",
    ),
    header: bool = typer.Option(False, "--header", help="gdelt: a first line of column names (GDELT ships none)."),
) -> None:
    """Export every table (parquet, jsonl, csv: one file per table), or the events as GDELT 2.0
    Events and Mentions, ICEWS or PLOVER files (gdelt, icews, plover), streamed in bounded memory.

    Example: dragoman export --db dragoman.duckdb --format parquet --out export/
    Example: dragoman export --format gdelt --where actor=RUS --where since=2022-01-01 --out gdelt/
    Example: dragoman export --format plover --out plover/
    """
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: choose from {', '.join(FORMATS)}")
    store = Store(db, read_only=True)
    if fmt in TABLE_FORMATS:
        if where or header:
            raise InputError(f"--where and --header apply to {', '.join(EVENT_FORMATS)}, not to --format {fmt}")
        for path in store.export(out, fmt):
            err_console.print(f"wrote {path}", highlight=False)
        return
    if header and fmt == "plover":
        raise InputError("--header: PLOVER records are JSON Lines, one object per line; there is no header")
    done = export_events(store, fmt, out, parse_where(where or []), header=header)
    for path in done.paths:
        err_console.print(f"wrote {path}", highlight=False)
    note = f" ({done.left_out} without a PLOVER type or date left out)" if done.left_out else ""
    err_console.print(f"{done.events} events{note}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(export)
