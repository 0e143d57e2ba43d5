"""The events listing for large stores: ``Store.events``' pages, the article columns joined after the
page is chosen.

``Store.events`` joins every matching event to its article (title, url, the sentence cut from the
text) before it sorts and takes a page; on a store of millions of events that join dominates. Here
the page's events are chosen from the events table alone (joined to articles only when the filter
reads the article text), and only the page's few articles are read. Same rows, same order, same
cursors (``tests/store/test_listing.py`` compares the two).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from dragoman.store.query import EVENT_ORDER, EventFilter, Page, Query, check_limit, encode_cursor, event_query

if TYPE_CHECKING:
    from dragoman.store import Store

EVENTS_ONLY = "SELECT e.* FROM events e"
EVENTS_WITH_TEXT = "SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id"


def events_page(store: Store, f: EventFilter, limit: int = 100, after: Optional[str] = None) -> Page:
    """A page of events as ``Store.events`` gives it (with article_title, article_url,
    article_published and sentence_text), read in two steps."""
    full = event_query(f)
    base = EVENTS_WITH_TEXT if f.text else EVENTS_ONLY  # only the text filter reads the article
    sql, params = Query(base, EVENT_ORDER, full.where, full.params).page_sql(after, check_limit(limit))
    rows = store.sql(sql, params)
    more = len(rows) > limit
    rows = rows[:limit]
    if not rows:
        return Page([])
    article_ids = sorted({row["article_id"] for row in rows})
    articles = {
        a["id"]: a for a in store.sql(
            f"SELECT id, title, url, published, text FROM articles WHERE id IN ({', '.join('?' * len(article_ids))})",
            article_ids)
    }
    page = [_with_article(row, articles.get(row["article_id"])) for row in rows]
    cursor = encode_cursor([page[-1][key.name] for key in EVENT_ORDER]) if more else None
    return Page(page, cursor)


def _with_article(row: dict[str, Any], article: Optional[dict[str, Any]]) -> dict[str, Any]:
    if article is None:  # an event whose article is gone: Store.events' inner join would drop it
        return {**row, "article_title": None, "article_url": None, "article_published": None, "sentence_text": None}
    text = article["text"]
    # DuckDB's substr(text, start + 1, end - start) on code points is Python's slice
    sentence = text[row["start"]:row["end"]] if row["start"] is not None and row["end"] is not None else None
    return {**row, "article_title": article["title"], "article_url": article["url"],
            "article_published": article["published"], "sentence_text": sentence}
