"""``dragoman eval``: run an evaluator (or all of them) and print its scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from dragoman import eval as evaluation
from dragoman.cli.console import console, err_console
from dragoman.errors import EvalError, InputError


def _table(reports: list[evaluation.EvalReport]) -> Table:
    table = Table(title="dragoman eval", title_justify="left")
    for column in ("evaluator", "dataset", "size", "metric", "value"):
        table.add_column(column)
    for report in reports:
        first = True
        for key, value in report.metrics.items():
            table.add_row(
                report.evaluator if first else "",
                report.dataset if first else "",
                str(report.size) if first else "",
                key,
                f"{value:.3f}" if isinstance(value, float) else str(value),
            )
            first = False
        table.add_section()
    return table


def _markdown(reports: list[evaluation.EvalReport]) -> str:
    lines = ["| evaluator | dataset | size | metric | value |", "|---|---|---|---|---|"]
    for report in reports:
        for key, value in report.metrics.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            lines.append(f"| {report.evaluator} | {report.dataset} | {report.size} | {key} | {shown} |")
    return "\n".join(lines)


def eval_command(
    name: str = typer.Argument(..., help=f"One of: {', '.join(evaluation.EVALUATORS)}, or all."),
    data: Optional[Path] = typer.Option(
        None, "--data", help="Gold data in the evaluator's public format (file or folder); default ../shared/eval/... "
        "(events: plus the shipped news precision set)"
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or markdown (the README's table)."),
    limit: Optional[int] = typer.Option(
        None, "--limit", help="Evaluate at most this many documents/sentences per dataset."
    ),
) -> None:
    """Measure accuracy against public gold annotations.

    JSON output: {"version", "reports": [{"evaluator", "dataset", "path", "size", "metrics": {...},
    "counts": {...}, "notes": [...]}]}.

    Example: dragoman eval events --format json
    Example: dragoman eval quotes --data my-polnear-copy/dev --limit 20
    """
    if fmt not in ("table", "json", "markdown"):
        raise InputError(f"--format {fmt!r}: choose table, json or markdown")
    names = evaluation.EVALUATORS if name == "all" else (name,)
    if name == "all" and data is not None:
        raise InputError("--data names one evaluator's gold; use it with a single evaluator, not all")
    reports: list[evaluation.EvalReport] = []
    for one in names:
        try:
            reports.extend(evaluation.run(one, data, limit))
        except EvalError as exc:
            if name != "all":
                raise
            err_console.print(f"[yellow]{one}: skipped: {exc}[/]", highlight=False)
    if fmt == "json":
        from dragoman import __version__

        print(json.dumps({"version": __version__, "reports": [r.to_dict() for r in reports]}, indent=2))
    elif fmt == "markdown":
        print(_markdown(reports))
    else:
        console.print(_table(reports))


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
