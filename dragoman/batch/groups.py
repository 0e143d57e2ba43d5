"""Events merged across articles, GDELT-style: one row per (date, source, target, code) with the counts
num_mentions, num_articles and num_sources, as the store's ``event_groups`` view computes them.

The Spark engine does this as a Spark aggregation (``spark_job.event_groups``); this is the local
engine's, over the same rows. Columns the view takes with ``any_value`` are taken as the minimum
here, so both engines give the same answer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from dragoman.store.rows import Row

KEY = ("date", "source_code", "target_code", "cameo")
TAKEN = ("cameo_root", "cameo_label", "goldstein", "quad_class", "source_name", "target_name", "plover_type")


def group_id(event: Row) -> str:
    """md5 of date|source|target|code, as the store's view names a group."""
    parts = [str(event["date"] or ""), event["source_code"] or "", event["target_code"] or "", event["cameo"]]
    return hashlib.md5("|".join(parts).encode("utf-8")).hexdigest()


@dataclass
class _Group:
    first: Row
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    taken: dict[str, Any] = field(default_factory=dict)
    first_event_id: Optional[str] = None
    first_published: Optional[date] = None


class EventGroups:
    """Add each article's event rows (with the article's row); ``rows()`` gives the merged events."""

    def __init__(self) -> None:
        self._groups: dict[str, _Group] = {}

    def add(self, article: Row, events: list[Row]) -> None:
        for event in events:
            gid = group_id(event)
            group = self._groups.get(gid)
            if group is None:
                group = self._groups[gid] = _Group(event)
            group.mentions += event["mentions"]
            group.articles.add(article["id"])
            group.sources.add(article["source"] or article["id"])
            for name in TAKEN:
                group.taken[name] = _least(group.taken.get(name), event[name])
            group.first_event_id = _least(group.first_event_id, event["id"])
            group.first_published = _least(group.first_published, article["published"])

    def rows(self) -> list[Row]:
        out = []
        for gid, group in sorted(self._groups.items()):
            out.append({
                "group_id": gid, **{name: group.first[name] for name in KEY}, **group.taken,
                "num_mentions": group.mentions, "num_articles": len(group.articles),
                "num_sources": len(group.sources), "first_event_id": group.first_event_id,
                "first_published": group.first_published,
            })
        return out


def _least(old: Any, new: Any) -> Any:
    """min() that passes over None, as SQL's min does."""
    if old is None:
        return new
    if new is None:
        return old
    return min(old, new)
