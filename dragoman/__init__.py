"""dragoman: news articles in, political event data out (actors, quotes, CAMEO/PLOVER events).

The public Python API is what this module exports; everything else is internal and may change::

    import dragoman
    record = dragoman.code("MOSCOW (Reuters) - Russia accused Turkey on Tuesday of ...", published="2019-03-14")
    record["events"][0]["cameo"]                      # the same dict as a line of `dragoman code`

    coder = dragoman.Coder()                          # load once, code many
    for rec in coder.code_many(texts): ...
    store = dragoman.Store("dragoman.duckdb")
    summary = dragoman.run.ingest(["demo/"], store)   # what `dragoman ingest` does (and run.recode)
    store.events(dragoman.EventFilter(source="RUS", cameo="11")).rows
    dragoman.read_events("dragoman.duckdb", source="RUS")  # a pandas DataFrame (kind="polars"|"arrow")

Names are imported lazily, so ``import dragoman`` stays light until one is used. The run driver
(``dragoman.run.ingest``, ``dragoman.run.recode``) is a module of its own: ``dragoman.ingest`` is the
ingest stage's package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

__version__ = "0.1.0"
__all__ = [
    "ArticleRecord", "Coder", "EventFilter", "Options", "QuoteFilter", "Store", "Summary", "__version__", "code",
    "read_actors", "read_events", "read_quotes",
]

_LAZY = {
    "ArticleRecord": "dragoman.records",
    "Coder": "dragoman.coder",
    "EventFilter": "dragoman.store.query",
    "Options": "dragoman.config",
    "QuoteFilter": "dragoman.store.query",
    "Store": "dragoman.store",
    "Summary": "dragoman.run",
    "read_actors": "dragoman.frames",
    "read_events": "dragoman.frames",
    "read_quotes": "dragoman.frames",
}

if TYPE_CHECKING:
    from dragoman.coder import Coder
    from dragoman.config import Options
    from dragoman.frames import read_actors, read_events, read_quotes
    from dragoman.records import ArticleRecord
    from dragoman.run import Summary
    from dragoman.store import Store
    from dragoman.store.query import EventFilter, QuoteFilter

_coders: dict[str, Any] = {}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dragoman' has no attribute {name!r}")


def code(
    text_or_html: str,
    *,
    published: Optional[str] = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
    source: Optional[str] = None,
    options: Optional[Options] = None,
) -> dict[str, Any]:
    """Code one article (plain text or an HTML page) and return its record as a dict.

    The dict is what ``dragoman code --format jsonl`` prints for the same input. The coder is loaded
    on the first call (a few seconds) and kept for later calls with the same ``options``.
    Raises ``dragoman.errors.InputError`` when the article cannot be coded (too short, not English).
    """
    from dragoman.coder import Coder
    from dragoman.config import Options

    options = options or Options()
    key = options.model_dump_json()
    if key not in _coders:
        _coders[key] = Coder(options)
    return _coders[key].code(text_or_html, published=published, url=url, title=title, source=source).to_dict()
