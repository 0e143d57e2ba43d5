"""``dragoman code`` (print coded articles) and ``dragoman ingest`` (code and store them)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from dragoman.cli.console import console, err_console
from dragoman.cli.render import events_table, quotes_table
from dragoman.config import default_workers, load_options
from dragoman.errors import InputError
from dragoman.ingest import read_inputs
from dragoman.ingest.dedup import Deduper
from dragoman.pipeline import Pipeline
from dragoman.records import ArticleRecord, Skipped
from dragoman.store import Store

PUBLISHED_HELP = "Article date (YYYY-MM-DD) for inputs; overrides dates found in the articles."
ACTORS_HELP = "Extra actor dictionary (YAML/CSV file or folder); repeatable; overrides built-in entries."
CONFIG_HELP = "YAML file of options (see dragoman/config.py); flags win over it."


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
    if fmt not in ("jsonl", "table"):
        raise InputError(f"--format {fmt!r}: choose jsonl or table")
    options = load_options(
        config, published=_check_date(published), actor_files=list(actors) or None, batch_size=batch_size
    )
    pipeline = Pipeline(options)
    coded = skipped = 0
    for result in pipeline.code(read_inputs(files, options.max_article_bytes)):
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


def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (recursive) of .txt/.html/.json/.jsonl(.gz); - reads stdin."
    ),
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help="DuckDB store; created if missing."),
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
    options = load_options(
        config,
        published=_check_date(published),
        actor_files=list(actors) or None,
        batch_size=batch_size,
        workers=workers,
    )
    if "workers" not in options.model_fields_set:  # neither --workers nor the config file chose
        options.workers = default_workers()
    pipeline = Pipeline(options)
    stored = present = linked = 0
    skipped: list[Skipped] = []
    started = time.perf_counter()
    with Store(db) as store:
        pipeline.dedup = Deduper(window=options.dedup_window)
        pipeline.dedup.load(store.signatures(limit=options.dedup_window))
        pending: list[ArticleRecord] = []

        def flush() -> None:
            nonlocal stored, present
            if pending:
                added = store.add(pending, pipeline.dedup.take(r.article.id for r in pending))
                stored += added
                present += len(pending) - added
                pending.clear()

        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/]"),
            BarColumn(),
            TextColumn("{task.completed} articles"),
            RateColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=quiet,
        ) as progress:
            task = progress.add_task("ingest", total=None)
            for result in pipeline.code(read_inputs(paths, options.max_article_bytes), is_stored=store.stored_ids):
                progress.advance(task)
                if isinstance(result, Skipped):
                    if result.duplicate_of:
                        present += 1
                    else:
                        skipped.append(result)
                        if not quiet:
                            progress.console.print(
                                f"[yellow]skipped[/] {result.origin}: {result.reason}", highlight=False
                            )
                    continue
                pending.append(result)
                linked += result.article.duplicate_of is not None
                if len(pending) >= options.batch_size:
                    flush()
            flush()
    seconds = time.perf_counter() - started
    total = stored + present
    err_console.print(
        f"[bold]{stored}[/] stored{f' ({linked} near-duplicates linked, not coded)' if linked else ''}, "
        f"[bold]{present}[/] already present, [bold]{len(skipped)}[/] skipped "
        f"in {seconds:.1f}s → {db}",
        highlight=False,
    )
    if skipped and quiet:
        for item in skipped:
            _warn(item)
    if total == 0:
        err_console.print("[red]nothing could be processed[/]")
        raise typer.Exit(1)
    if skipped and strict:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(code)
    app.command()(ingest)
