"""The events listing for large stores: ``Store.events``' pages, chosen by their sort keys first.

``Store.events`` joins every matching event to its article (title, url, the sentence cut from the
text) and carries all ~50 columns through the sort before it takes a page; on a store of a million
events that costs more than the filter itself. Here the page is chosen from the sort-key columns of
the events table alone (joined to articles only when the filter reads the article text), then only
the page's events and their few articles are read in full. Same rows, same order, same cursors
(``tests/store/test_listing.py`` compares the two page by page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from dragoman.store.query import EVENT_ORDER, EventFilter, Page, Query, check_limit, encode_cursor, event_query

if TYPE_CHECKING:
    from dragoman.store import Store

KEYS = "SELECT e.id, e.date, e.article_id, e.trigger_start FROM events e"  # EVENT_ORDER's columns
KEYS_WITH_TEXT = KEYS + " JOIN articles a ON a.id = e.article_id"  # the text filter reads the article


def events_page(store: Store, f: EventFilter, limit: int = 100, after: Optional[str] = None) -> Page:
    """A page of events as ``Store.events`` gives it (with article_title, article_url,
    article_published and sentence_text), read in three small steps: the page's sort keys (only the
    columns the filter and the order need), those events' rows, their articles' fields."""
    full = event_query(f)
    keys_sql = KEYS_WITH_TEXT if f.text else KEYS
    sql, params = Query(keys_sql, EVENT_ORDER, full.where, full.params).page_sql(after, check_limit(limit))
    keys = store.sql(sql, params)
    more = len(keys) > limit
    keys = keys[:limit]
    if not keys:
        return Page([])
    ids = [key["id"] for key in keys]
    events = {row["id"]: row for row in store.sql(f"SELECT * FROM events WHERE id IN ({_marks(ids)})", ids)}
    article_ids = sorted({key["article_id"] for key in keys})
    articles = {a["id"]: a for a in store.sql(
        f"SELECT id, title, url, published, text FROM articles WHERE id IN ({_marks(article_ids)})", article_ids)}
    page = [_with_article(events[i], articles.get(events[i]["article_id"])) for i in ids]
    cursor = encode_cursor([keys[-1][key.name] for key in EVENT_ORDER]) if more else None
    return Page(page, cursor)


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def _with_article(row: dict[str, Any], article: Optional[dict[str, Any]]) -> dict[str, Any]:
    if article is None:  # an event whose article is gone: Store.events' inner join would drop it
        return {**row, "article_title": None, "article_url": None, "article_published": None, "sentence_text": None}
    text = article["text"]
    # DuckDB's substr(text, start + 1, end - start) on code points is Python's slice
    sentence = text[row["start"]:row["end"]] if row["start"] is not None and row["end"] is not None else None
    return {**row, "article_title": article["title"], "article_url": article["url"],
            "article_published": article["published"], "sentence_text": sentence}
