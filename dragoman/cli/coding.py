"""``dragoman code`` (print coded articles), ``dragoman ingest`` (code and store them) and
``dragoman recode`` (code stored articles again): thin adapters over ``dragoman.run``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from dragoman.cli.console import console, err_console
from dragoman.cli.render import events_table, quotes_table
from dragoman.config import load_options
from dragoman.errors import InputError
from dragoman.records import ArticleRecord, Skipped

PUBLISHED_HELP = "Article date (YYYY-MM-DD) for inputs; overrides dates found in the articles."
ACTORS_HELP = "Extra actor dictionary (YAML/CSV file or folder); repeatable; overrides built-in entries."
CONFIG_HELP = "YAML file of options (see dragoman/config.py); flags win over it."
DB_HELP = "DuckDB store; created if missing."


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise InputError(f"--published {value!r}: not a date in YYYY-MM-DD form") from exc


def _warn(skipped: Skipped) -> None:
    err_console.print(f"[yellow]skipped[/] {skipped.origin}: {skipped.reason}", highlight=False)


def code(
    files: list[str] = typer.Argument(..., help="Files or folders of .txt/.html/.json/.jsonl(.gz); - reads stdin."),
    published: Optional[str] = typer.Option(None, "--published", help=PUBLISHED_HELP),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one article record per input article) or table."),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Articles per spaCy batch."),
) -> None:
    """Code articles and print the result.

    JSON Lines output has exactly one object per input article, in input order: the article record,
    or {"error": {"origin", "reason"}} for an input that could not be coded.

    Example: dragoman code demo/ --format table
    Example: echo "Russia accused Turkey of shelling Syrian villages." | dragoman code - --published 2019-03-14
    """
    from dragoman.coder import Coder
    from dragoman.run import code_stream, raw_articles

    if fmt not in ("jsonl", "table"):
        raise InputError(f"--format {fmt!r}: choose jsonl or table")
    options = load_options(
        config, published=_check_date(published), actor_files=list(actors) or None, batch_size=batch_size
    )
    coder = Coder(options)
    coded = skipped = 0
    for result in code_stream(coder, raw_articles(files, options), options.workers):
        if isinstance(result, Skipped):
            skipped += 1
            _warn(result)
            if fmt == "jsonl":
                print(json.dumps({"error": {"origin": result.origin, "reason": result.reason}}))
            continue
        coded += 1
        if fmt == "jsonl":
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            _print_tables(result)
    if coded == 0:
        err_console.print("[red]nothing could be coded[/]")
        raise typer.Exit(1)
    if skipped:
        err_console.print(f"[yellow]{skipped} input(s) skipped[/]")


def _print_tables(record: ArticleRecord) -> None:
    console.print(events_table(record))
    if record.quotes:
        console.print(quotes_table(record))
    console.print()


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task) -> Text:  # type: ignore[no-untyped-def]
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} articles/s", style="progress.data.speed")


def _progress(label: str, quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn(f"[bold]{label}[/]"), BarColumn(), TextColumn("{task.completed} articles"),
        RateColumn(), TimeElapsedColumn(), console=err_console, transient=True, disable=quiet,
    )


def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (recursive) of .txt/.html/.json/.jsonl(.gz); - reads stdin."
    ),
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help=DB_HELP),
    published: Optional[str] = typer.Option(None, "--published", help=PUBLISHED_HELP),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    strict: bool = typer.Option(False, "--strict", help="Any skipped input makes the command fail (exit 1)."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Articles per batch (and per transaction)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or skip lines; summary only."),
    workers: Optional[int] = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        help="Processes for cleaning and parsing (the store writer stays one). Default: every core, up to 8.",
    ),
) -> None:
    """Code articles and store them, idempotently: an article already stored is not stored again.

    Every batch is one transaction, so an interrupted run loses nothing already stored and a rerun
    completes it. Ends with a summary: stored / already present / skipped (with reasons).
    Exit status: 0 (with a warning count when inputs were skipped), 1 when nothing could be processed
    or, with --strict, when anything was skipped.

    Example: dragoman ingest demo/ --db dragoman.duckdb
    Example: dragoman ingest 'crawl/*.warc.gz' feeds/ --workers 2
    """
    from dragoman import run
    from dragoman.store import Store

    options = load_options(
        config,
        published=_check_date(published),
        actor_files=list(actors) or None,
        batch_size=batch_size,
        workers=workers,
    )
    with _progress("ingest", quiet) as progress:
        task = progress.add_task("ingest", total=None)

        def seen(result: object) -> None:
            progress.advance(task)
            if isinstance(result, Skipped) and not result.duplicate_of and not quiet:
                progress.console.print(f"[yellow]skipped[/] {result.origin}: {result.reason}", highlight=False)

        summary = run.ingest(paths, Store(db), options, on_result=seen)
    linked = f" ({summary.linked} near-duplicates linked, not coded)" if summary.linked else ""
    err_console.print(
        f"[bold]{summary.stored}[/] stored{linked}, [bold]{summary.present}[/] already present, "
        f"[bold]{len(summary.skipped)}[/] skipped in {summary.seconds:.1f}s → {db}",
        highlight=False,
    )
    if summary.skipped and quiet:
        for item in summary.skipped:
            _warn(item)
    if summary.processed == 0:
        err_console.print("[red]nothing could be processed[/]")
        raise typer.Exit(1)
    if summary.skipped and strict:
        raise typer.Exit(1)


def recode(
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help="DuckDB store written by `dragoman ingest`."),
    everything: bool = typer.Option(False, "--all", help="Every article, not only those coded with other knowledge."),
    where: Optional[str] = typer.Option(
        None, "--where", help="SQL condition on the articles table, e.g. \"published >= '2020-01-01'\"."
    ),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Articles per batch (and per transaction)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Processes for parsing."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; summary only."),
) -> None:
    """Code stored articles again from their stored text, with the current dictionaries and patterns.

    Only articles coded with another dragoman version or other knowledge files (their `coded_with`
    differs), unless --all. Each batch replaces its articles' actors, quotes, events, times and places
    in one transaction; an event that comes out the same keeps its id. Safe to interrupt and rerun.

    Example: dragoman recode --db dragoman.duckdb --actors my-actors.yaml
    Example: dragoman recode --all --where "source = 'Northgate Wire'"
    """
    from dragoman import run
    from dragoman.store import Store

    options = load_options(config, actor_files=list(actors) or None, batch_size=batch_size, workers=workers)
    if not db.exists():
        raise InputError(f"{db}: no such store; run `dragoman ingest` first")
    with _progress("recode", quiet) as progress:
        task = progress.add_task("recode", total=None)
        summary = run.recode(Store(db), options, everything=everything, where=where,
                             on_result=lambda _result: progress.advance(task))
    err_console.print(
        f"[bold]{summary.recoded}[/] article(s) recoded, [bold]{len(summary.skipped)}[/] skipped "
        f"in {summary.seconds:.1f}s → {db}",
        highlight=False,
    )
    for item in summary.skipped:
        _warn(item)


def register(app: typer.Typer) -> None:
    app.command()(code)
    app.command()(ingest)
    app.command()(recode)
