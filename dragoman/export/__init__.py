"""Exports in the field's formats: GDELT 2.0 (Events and Mentions), ICEWS and PLOVER.

Each reads the store's events through the query layer (an ``EventFilter``, the same one
``dragoman events`` builds) a page at a time, so a store of millions of events exports in
bounded memory (pages of events, see ``store/bulk.py``), and writes one or two files into a folder::

    from dragoman.export import export_events
    export_events(Store("dragoman.duckdb", read_only=True), "gdelt", "out/", EventFilter(source="RUS"))

The whole-table exports (Parquet, JSON Lines, CSV) are ``Store.export``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from dragoman.errors import StoreError
from dragoman.store import EventFilter, Store, export_folder
from dragoman.store.bulk import EXPORT_PAGE, export_event_rows

EVENT_FORMATS = ("gdelt", "icews", "plover")


@dataclass
class Exported:
    paths: list[Path]
    events: int  # events read from the store
    left_out: int  # of those, how many the format cannot hold (PLOVER: no PLOVER type)


def export_events(
    store: Store, fmt: str, out: str | Path, where: Optional[EventFilter] = None, header: bool = False,
    page: int = EXPORT_PAGE,
) -> Exported:
    """Write the events chosen by ``where`` (all when None) in format ``fmt`` into folder ``out``,
    reading ``page`` events at a time."""
    if fmt not in EVENT_FORMATS:
        raise StoreError(f"unknown event export format {fmt!r}; choose from {', '.join(EVENT_FORMATS)}")
    out_dir = export_folder(out)
    writer = importlib.import_module(f"dragoman.export.{fmt}")
    counter = _Counter(export_event_rows(store, where, page))
    paths, left_out = writer.write(counter, out_dir, header=header)
    return Exported(paths, counter.count, left_out)


class _Counter:
    """Passes rows through and counts them."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            self.count += 1
            yield row
