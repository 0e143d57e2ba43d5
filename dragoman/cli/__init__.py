"""The ``dragoman`` command line: thin adapters over the pipeline, the store and the evaluators.

Only this package prints. Each module registers its commands with ``register(app)``.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Optional

import typer

from dragoman import __version__
from dragoman.cli.console import err_console
from dragoman.errors import DragomanError

COMMAND_MODULES = ("coding", "query", "exporting", "explain", "evaluate", "bench", "serve", "batch", "actors")

app = typer.Typer(
    name="dragoman",
    help="Turn news articles into political event data: actors, quotes and CAMEO/PLOVER events.\n\n"
    "Examples:\n\n"
    "  dragoman code demo/lavrov-ankara.txt --format table\n\n"
    "  dragoman ingest demo/ --db dragoman.duckdb\n\n"
    "  dragoman events --db dragoman.duckdb --actor RUS --code 11",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dragoman {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each stage does."),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


for _name in COMMAND_MODULES:
    importlib.import_module(f"dragoman.cli.{_name}").register(app)


def main() -> None:
    """Entry point: run the app, turning dragoman's own errors into one clear line and exit 2."""
    try:
        app()
    except DragomanError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(2)
