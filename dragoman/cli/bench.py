"""``dragoman bench``: throughput of the whole pipeline next to the bare spaCy parse, same texts, same cores."""

from __future__ import annotations

import importlib
import json
import os
from typing import Optional

import typer
from rich.table import Table

from dragoman.cli.console import console
from dragoman.errors import InputError


def _corpus(paths: list[str], n: int, words: int):  # type: ignore[no-untyped-def]
    from dragoman.bench.corpus import DEMO, generate, seed_articles

    seeds = seed_articles(paths or [str(DEMO)])
    if not seeds:
        raise InputError(f"no readable articles in {', '.join(paths) or DEMO}")
    return generate(seeds, n=n, words=words)


def bench_command(
    paths: Optional[list[str]] = typer.Argument(
        None, help="Seed articles (files/folders; default demo/), or `actors`, `stream` or `serve`."
    ),
    n: int = typer.Option(500, "--articles", "-n", min=2, help="Articles to generate from the seeds."),
    words: int = typer.Option(600, "--words", min=50, help="About this many words per generated article."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=1, help="Processes (both runs)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    factor: int = typer.Option(10, "--factor", min=1, help="`bench actors` only: dictionary growth factor."),
    gigabytes: float = typer.Option(
        2.0, "--gigabytes", min=0.001, help="`bench stream` only: size of the generated JSON Lines file."
    ),
    prepare_megabytes: float = typer.Option(
        100.0, "--prepare-megabytes", min=0.0, help="`bench stream` only: the prefix that is also cleaned."
    ),
    events: int = typer.Option(
        1_000_000, "--events", min=10, help="`bench serve` only: synthetic events (articles: a tenth)."
    ),
    clients: int = typer.Option(20, "--clients", min=1, help="`bench serve` only: concurrent clients."),
    requests: int = typer.Option(200, "--requests", min=1, help="`bench serve` only: requests per endpoint."),
    db: Optional[str] = typer.Option(
        None, "--db", help="`bench serve` only: fill this store and keep it (or reuse it)."
    ),
) -> None:
    """Code a generated corpus end to end, parse it with bare spaCy (as shipped and as tuned), print the throughputs.

    The corpus: --articles distinct ~--words-word articles recombined from the seed articles (default
    demo/), so deduplication skips no work. Prints articles/s, tokens/s, the ratio to bare spaCy,
    seconds per stage (summed over workers) and peak memory.

    Example: dragoman bench --workers 2
    Example: dragoman bench demo/ --articles 200 --format json
    Example: dragoman bench actors --factor 10   (actor lookup speed as the dictionary grows)
    Example: dragoman bench stream --gigabytes 2   (read a generated JSON Lines file in flat memory)
    Example: dragoman bench serve --events 1000000 --clients 20   (the explorer's latency under load)
    """
    paths = list(paths or [])
    if paths[:1] == ["actors"] and not os.path.exists("actors"):
        _bench_actors(paths[1:], min(n, 200), factor)
        return
    if fmt not in ("table", "json"):
        raise InputError(f"--format {fmt!r}: choose table or json")
    if paths[:1] == ["stream"] and not os.path.exists("stream"):
        _bench_stream(gigabytes, prepare_megabytes, fmt)
        return
    if paths[:1] == ["serve"] and not os.path.exists("serve"):
        _bench_serve(db, events, clients, requests, fmt)
        return
    from dragoman.bench.run import bench

    result = bench(_corpus(paths, n, words), workers=workers, batch_size=batch_size)
    if fmt == "json":
        print(json.dumps(result, indent=2))
        return
    table = Table(
        title=f"dragoman bench: {result['articles']} articles of ~{result['words_per_article']} words, "
        f"{workers} worker(s)",
        title_justify="left",
    )
    for column in ("run", "seconds", "articles/s", "tokens/s"):
        table.add_column(column)
    for name in ("end_to_end", "bare_spacy", "tuned_spacy"):
        row = result[name]
        table.add_row(name.replace("_", " "), str(row["seconds"]), str(row["articles_per_s"]), str(row["tokens_per_s"]))
    console.print(table)
    console.print(
        f"ratio end-to-end / bare spaCy (as shipped): [bold]{result['ratio']}[/]; "
        f"end-to-end / tuned spaCy (dragoman's BLAS and attribute table): {result['ratio_to_tuned']}"
    )
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in result["stage_seconds"].items())
    console.print(f"stage seconds (summed over workers): {stages}")
    e2e = result["end_to_end"]
    console.print(
        f"coded {e2e['coded']}, skipped {e2e['skipped']}, near-duplicates {e2e['near_duplicates']}, "
        f"events {e2e['events']}"
    )
    mem = result["peak_memory_mb"]
    console.print(
        f"peak memory, all processes (PSS): end to end {mem['end_to_end_pss_total']} MB, bare spaCy "
        f"{mem['bare_spacy_pss_total']} MB; peak RSS main {mem['main']} MB, largest worker {mem['largest_worker']} MB"
    )


def _bench_actors(paths: list[str], n: int, factor: int) -> None:
    """Actor resolution speed as the dictionary grows (dragoman/bench/actors.py)."""
    try:
        module = importlib.import_module("dragoman.bench.actors")
    except ImportError as exc:
        raise InputError("the actors benchmark (dragoman/bench/actors.py) is not installed") from exc
    texts = [r.text or "" for r in _corpus(paths, n, 600)]
    print(json.dumps(module.bench_actor_scaling(texts, factor=factor), indent=2, default=str))


def _bench_stream(gigabytes: float, prepare_megabytes: float, fmt: str) -> None:
    """Reading speed and memory on a generated JSON Lines file (dragoman/bench/stream.py)."""
    from dragoman.bench.stream import bench_stream

    result = bench_stream(gigabytes=gigabytes, prepare_megabytes=prepare_megabytes)
    if fmt == "json":
        print(json.dumps(result, indent=2))
        return
    written = result["file"]
    table = Table(
        title=f"dragoman bench stream: {written['bytes'] / 1e9:.2f} GB of JSON Lines, {written['lines']:,} lines "
        f"({written['bad_lines']:,} bad), articles up to {result['max_article_bytes'] / 1e6:g} MB",
        title_justify="left",
    )
    checkpoints = [k for k in result["read"]["rss_mb"] if k != "max"]
    columns = ["pass", "MB", "records", "skipped", "prepare skipped", "seconds", "MB/s"]
    for column in [*columns, *(f"RSS@{k}" for k in checkpoints), "RSS max"]:
        table.add_column(column, justify="right" if column != "pass" else "left")
    for name, label in (("read", "read_inputs"), ("read_and_prepare", "read_inputs + prepare (prefix)")):
        row = result[name]
        rss = row["rss_mb"]
        table.add_row(
            label, f"{row['bytes'] / 1e6:,.0f}", f"{row['records']:,}", f"{row['skipped']:,}",
            f"{row['skipped_by_prepare']:,}" if "skipped_by_prepare" in row else "-", str(row["seconds"]),
            str(row["mb_per_s"]), *(str(rss.get(k, "")) for k in checkpoints), str(rss["max"]),
        )
    console.print(table)
    console.print(
        f"RSS in MB; before reading {result['rss_mb_before_reading']}, process peak (getrusage) "
        f"{result['peak_rss_mb_process']}. Writing the file took {written['write_seconds']}s; it is deleted."
    )


def _bench_serve(db: Optional[str], events: int, clients: int, requests: int, fmt: str) -> None:
    """The explorer's latency on a synthetic store under concurrent clients (dragoman/bench/serve.py)."""
    from pathlib import Path

    from dragoman.bench.serve import bench_serve

    result = bench_serve(Path(db) if db else None, events, clients, requests, keep=db is not None)
    if fmt == "json":
        print(json.dumps(result, indent=2))
        return
    store = result["store"]
    table = Table(
        title=f"dragoman bench serve: {store['events']:,} events, {store['articles']:,} articles; "
        f"{result['clients']} concurrent clients, {result['requests_per_endpoint']} requests per endpoint, "
        f"{result['cores']} cores",
        title_justify="left",
    )
    for column in ("endpoint", "p50 ms", "p95 ms", "max ms", "req/s", "errors"):
        table.add_column(column, justify="left" if column == "endpoint" else "right")
    for name, row in result["endpoints"].items():
        table.add_row(name, str(row["p50_ms"]), str(row["p95_ms"]), str(row["max_ms"]), str(row["requests_per_s"]),
                      str(row["errors"]))
    console.print(table)
    if "fill_seconds" in store:
        console.print(f"store filled by direct inserts in {store['fill_seconds']} s ({store['store_mb']} MB)")


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)
