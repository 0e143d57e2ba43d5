"""``dragoman batch`` (code many articles on Spark or locally into Parquet) and ``dragoman import``
(load a batch output into a store): thin adapters over ``dragoman.batch``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dragoman.cli.coding import ACTORS_HELP, CONFIG_HELP, DB_HELP, PUBLISHED_HELP, _check_date
from dragoman.cli.console import err_console
from dragoman.config import load_options


def batch(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders (recursive) or globs of .jsonl(.gz), .parquet, .warc(.gz), .txt, .html ..."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder (Parquet tables and _dragoman.json)."),
    engine: str = typer.Option("spark", "--engine", help="spark (PySpark) or local (forked workers, no Spark)."),
    master: Optional[str] = typer.Option(
        None, "--master", help="Spark master, e.g. local[2] or spark://host:7077 (default: Spark's own, or local[*])."
    ),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, help="Spark partitions for coding."),
    published: Optional[str] = typer.Option(None, "--published", help=PUBLISHED_HELP),
    actors: list[Path] = typer.Option([], "--actors", help=ACTORS_HELP),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Processes for the local engine."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Articles per spaCy batch."),
) -> None:
    """Code a batch of articles into Parquet tables with the store's columns, on Apache Spark or locally.

    Output: articles (partitioned by published month), actors, quotes, events (by event month), times,
    places, event_groups (events merged across articles), signatures, and _dragoman.json (counts,
    knowledge hash, every skipped input with its reason). Near-copies are linked to their first copy,
    as in `ingest`. Load the output into a store with `dragoman import`.

    Example: dragoman batch demo/ --out out/ --engine spark --master 'local[2]'
    Example: dragoman batch 'archive/*.jsonl.gz' --out out/ --engine local --workers 2
    """
    from dragoman.batch import run_batch

    options = load_options(config, published=_check_date(published), actor_files=list(actors) or None,
                           batch_size=batch_size, workers=workers)
    manifest = run_batch(inputs, out, options, engine=engine, master=master, partitions=partitions)
    counts = ", ".join(f"{n} {t}" for t, n in manifest.counts.items())
    err_console.print(
        f"[bold]{manifest.articles_read}[/] articles read ({manifest.near_duplicates} near-duplicates linked, "
        f"{manifest.exact_duplicates} exact copies dropped), [bold]{len(manifest.skipped)}[/] inputs skipped, "
        f"in {manifest.seconds:.1f}s → {out}: {counts}",
        highlight=False,
    )
    for item in manifest.skipped[:20]:
        err_console.print(f"[yellow]skipped[/] {item['origin']}: {item['reason']}", highlight=False)
    if len(manifest.skipped) > 20:
        err_console.print(f"... and {len(manifest.skipped) - 20} more, listed in {out}/_dragoman.json")
    if manifest.articles_read == 0:
        err_console.print("[red]nothing could be read[/]")
        raise typer.Exit(1)


def import_(
    directory: Path = typer.Argument(..., help="A batch output folder (made by `dragoman batch`)."),
    db: Path = typer.Option(Path("dragoman.duckdb"), "--db", help=DB_HELP),
) -> None:
    """Load a batch output into the store, so the query commands see it; importing twice adds nothing.

    Example: dragoman import out/ --db dragoman.duckdb
    """
    from dragoman.batch import import_batch
    from dragoman.store import Store

    summary = import_batch(directory, Store(db))
    err_console.print(f"[bold]{summary.stored}[/] stored, [bold]{summary.present}[/] already present → {db}",
                      highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(batch)
    app.command(name="import")(import_)
