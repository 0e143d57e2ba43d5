"""``dragoman actors build``: actor dictionaries built from user-supplied sources (a Wikidata dump)."""

from __future__ import annotations

from pathlib import Path

import typer

from dragoman.cli.console import console
from dragoman.errors import InputError

actors_app = typer.Typer(
    help="Build actor dictionaries from outside sources.\n\n"
    "Example: dragoman actors build --wikidata latest-all.json.gz --out leaders.yaml",
    no_args_is_help=True,
)


@actors_app.command("build")
def build(
    wikidata: Path = typer.Option(..., "--wikidata", help="A Wikidata JSON dump (.json, .json.gz or .json.bz2)."),
    out: Path = typer.Option(..., "--out", help="The people file to write (YAML, the --actors format)."),
) -> None:
    """Write dated roles from the dump's "position held" statements, in bounded memory.

    Example: dragoman actors build --wikidata latest-all.json.gz --out leaders.yaml
    (then: dragoman code article.txt --actors leaders.yaml)
    """
    from dragoman.actors.wikidata import build_roles

    if out.suffix not in {".yaml", ".yml"}:
        raise InputError(f"--out {out}: the actor file must end in .yaml or .yml")
    summary = build_roles(wikidata, out)
    console.print(f"{summary.people} people, {summary.roles} dated roles ({summary.skipped_roles} without a "
                  f"country left out) from {summary.entities} entities -> {summary.out}")


def register(app: typer.Typer) -> None:
    """Add the ``actors`` command group to the app."""
    app.add_typer(actors_app, name="actors")
