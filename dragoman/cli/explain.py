"""``dragoman explain``: show how one sentence or file is coded, pattern by pattern."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from dragoman.cli.console import console
from dragoman.errors import InputError
from dragoman.events import Explanation


def _text(source: str) -> str:
    path = Path(source)
    if len(source) < 4096 and path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read as UTF-8 text: {exc}") from exc
    return source


def _show(explanation: Explanation) -> None:
    if explanation.discarded:
        console.print(f"[bold yellow]Story discarded as {explanation.discarded}: no events.[/]")
    for sentence in explanation.sentences:
        console.rule(f"sentence {sentence.index}")
        console.print(sentence.text)
        parse = Table(title="parse", show_lines=False)
        for column in ("#", "token", "lemma", "pos", "dep", "head"):
            parse.add_column(column)
        for row in sentence.tokens:
            parse.add_row(str(row.i), row.text, row.lemma, row.pos, row.dep, f"{row.head_text} ({row.head})")
        console.print(parse)
        actors = Table(title="actors")
        for column in ("text", "code", "rule"):
            actors.add_column(column)
        for actor in sentence.actors:
            actors.add_row(actor.text, actor.code or "[dim]unresolved[/]", actor.rule or "")
        console.print(actors)
        fired = {event.rule for event in explanation.events if event.sentence == sentence.index}
        trials = Table(title="patterns tried")
        for column in ("token", "pattern", "code", "result"):
            trials.add_column(column)
        for trial in sentence.trials:
            firing = trial.matched and any(trial.pattern in rule.split(">") for rule in fired)
            result = "[bold green]FIRED[/]" if firing else ("matched" if trial.matched else f"[dim]{trial.reason}[/]")
            trials.add_row(trial.token_text, trial.pattern, trial.cameo or "", result)
        console.print(trials)
        for line in sentence.notes:
            console.print(f"  note: {line}")
    events = Table(title="events")
    for column in ("sent", "trigger", "cameo", "label", "plover", "source", "target", "rule", "conf", "negated"):
        events.add_column(column)
    for event in explanation.events:
        plover = ""
        if event.plover:
            plover = event.plover.type + (f"/{event.plover.mode}" if event.plover.mode else "")
        events.add_row(
            str(event.sentence), event.trigger.text, event.cameo, event.cameo_label or "", plover,
            event.source.code if event.source else "", event.target.code if event.target and event.target.code else "",
            event.rule, f"{event.confidence:.2f}", "yes" if event.negated else "",
        )
    console.print(events)


def register(app: typer.Typer) -> None:
    """Add the ``explain`` command to the app."""

    @app.command("explain")
    def explain(
        source: str = typer.Argument(..., help="A sentence in quotes, or a text file."),
        patterns: list[Path] | None = typer.Option(None, "--patterns",
                                                   help="Extra verb-pattern YAML file; repeatable."),
        published: str | None = typer.Option(None, "--published", help="Article date (YYYY-MM-DD)."),
    ) -> None:
        """Show the parse, the actors found, every pattern tried on each verb and noun, the one
        that fired, and the events coded.

        Example:

          dragoman explain "Russia imposed sanctions on Ukraine on Monday."
        """
        from dragoman.coder import Coder
        from dragoman.config import load_options

        coder = Coder(load_options(None, pattern_files=list(patterns or [])))
        _show(coder.explain(_text(source), published).explanation)
