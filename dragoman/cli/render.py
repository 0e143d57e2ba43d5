"""Rich views of records and stored rows. Renderers only: no logic beyond layout."""

from __future__ import annotations

from typing import Any, Optional

from rich.table import Table

from dragoman.records import Actor, ArticleRecord


def _actor(actor: Optional[Actor]) -> str:
    if actor is None:
        return "-"
    # a generic actor has a sector but no country: "security service [---SPY]", as CAMEO writes it
    code = actor.code or (f"---{actor.sector.split()[0]}" if actor.sector else "?")
    return f"{actor.name or actor.text} [{code}]"


def events_table(record: ArticleRecord) -> Table:
    title = record.article.title or record.article.origin or record.article.id[:12]
    table = Table(title=f"{title} ({record.article.published or 'undated'})", title_justify="left", expand=False)
    for column in ("date", "source", "cameo", "action", "target", "where", "rule"):
        table.add_column(column, overflow="fold")
    for e in record.events:
        action = (e.cameo_label or e.trigger.text) + (" (negated)" if e.negated else "")
        table.add_row(
            e.date or "-", _actor(e.source), e.cameo, action, _actor(e.target),
            e.location.name if e.location else "-", e.rule,
        )
    return table


def quotes_table(record: ArticleRecord) -> Table:
    table = Table(title="quotes", title_justify="left")
    for column in ("speaker", "kind", "cue", "quote"):
        table.add_column(column, overflow="fold")
    for q in record.quotes:
        text = q.text if len(q.text) <= 160 else q.text[:157] + "..."
        table.add_row(_actor(q.speaker), q.kind, q.cue or "-", text)
    return table


def rows_table(rows: list[dict[str, Any]], columns: list[str], title: str = "") -> Table:
    table = Table(title=title or None, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("-" if row.get(c) is None else str(row.get(c)) for c in columns))
    return table
