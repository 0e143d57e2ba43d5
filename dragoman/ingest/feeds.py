"""RSS and Atom feed files: one RawArticle per item, with its link, title and date.

When an item carries the full article (``content:encoded`` or Atom ``content``) that is coded;
otherwise its summary is, and a summary too short to code is skipped like any short article.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, Optional, Union

import feedparser

from dragoman.records import RawArticle, Skipped

Result = Union[RawArticle, Skipped]


def looks_like_feed(data: bytes) -> bool:
    """True when the first kilobyte opens an RSS, RDF or Atom document."""
    head = data[:1024].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _date(entry: Any) -> Optional[str]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _body(entry: Any) -> tuple[Optional[str], bool]:
    """(markup or text, is_html): the longest content block, else the summary."""
    blocks = [c for c in entry.get("content", []) if c.get("value")]
    if blocks:
        best = max(blocks, key=lambda c: len(c["value"]))
        return best["value"], "html" in best.get("type", "text/html")
    summary = entry.get("summary")
    if summary:
        detail = entry.get("summary_detail") or {}
        return summary, "html" in detail.get("type", "text/html")
    return None, False


def read_feed(data: bytes, origin: str) -> Iterator[Result]:
    """Every item of an RSS/Atom feed, in feed order."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield Skipped(origin, f"feed has no items{f' ({problem})' if problem else ''}")
        return
    source = (parsed.feed.get("title") or None) if parsed.get("feed") else None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{n}"
        body, is_html = _body(entry)
        if not body:
            yield Skipped(where, "feed item carries no text (only a link)")
            continue
        title = entry.get("title") or None
        common = dict(
            origin=where, title=title, url=entry.get("link") or None, source=source,
            byline=entry.get("author") or None, published=_date(entry), external_id=entry.get("id") or None,
        )
        if is_html:
            # wrap so trafilatura sees one article; the title stays metadata, not body text
            yield RawArticle(html=f"<html><body><article>{body}</article></body></html>", **common)
        else:
            yield RawArticle(text=body, **common)
