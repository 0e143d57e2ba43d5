"""RSS and Atom feed files: one RawArticle per item, with its link, title and date.

When an item carries the full article (``content:encoded`` or Atom ``content``) that is coded;
otherwise its summary is, and a summary too short to code is skipped like any short article.

A feed within the per-article limit (nearly all: feeds are tens of kilobytes) goes to feedparser
whole, which copes with the broken markup real feeds often have. A larger feed is streamed: lxml
splits it into items, and each item goes to feedparser on its own with the feed's header, so
both paths read an item the same way while memory holds one item at a time.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from typing import Any, BinaryIO, Optional, Union

import feedparser
from lxml import etree

from dragoman.config import MAX_ARTICLE_BYTES
from dragoman.ingest.streams import READ_ERRORS, format_size, over_the_limit, read_problem, replay
from dragoman.records import RawArticle, Skipped

Result = Union[RawArticle, Skipped]
ITEM_NAMES = {"item", "entry"}  # RSS 0.9x/1.0/2.0 items, Atom entries
ITEM_PARENTS = {"channel", "rdf", "feed"}  # where items sit: RSS 2.0, RSS 1.0 (RDF), Atom


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


def _feed_title(parsed: Any) -> Optional[str]:
    return (parsed.feed.get("title") or None) if parsed.get("feed") else None


def _article(entry: Any, where: str, source: Optional[str]) -> Result:
    body, is_html = _body(entry)
    if not body:
        return Skipped(where, "feed item carries no text (only a link)")
    common = dict(
        origin=where, title=entry.get("title") or None, url=entry.get("link") or None, source=source,
        byline=entry.get("author") or None, published=_date(entry), external_id=entry.get("id") or None,
    )
    if is_html:
        # wrap so trafilatura sees one article; the title stays metadata, not body text
        return RawArticle(html=f"<html><body><article>{body}</article></body></html>", **common)
    return RawArticle(text=body, **common)


def read_feed(stream: BinaryIO, origin: str, max_article_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Result]:
    """Every item of an RSS/Atom feed, in feed order (origin ``path#N``)."""
    try:
        data = stream.read(max_article_bytes + 1)
    except READ_ERRORS as exc:
        yield Skipped(origin, read_problem(exc))
        return
    if len(data) > max_article_bytes:
        yield from _streamed_items(replay(data, stream), origin, max_article_bytes)
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield Skipped(origin, f"feed has no items{f' ({problem})' if problem else ''}")
        return
    source = _feed_title(parsed)
    for n, entry in enumerate(parsed.entries, 1):
        yield _article(entry, f"{origin}#{n}", source)


def _local_name(element: Any) -> str:
    # comments and processing instructions have no string tag
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def _is_item(element: Any) -> bool:
    parent = element.getparent()
    return _local_name(element) in ITEM_NAMES and parent is not None and _local_name(parent) in ITEM_PARENTS


def _shell(element: Any) -> Any:
    return etree.Element(element.tag, attrib=dict(element.attrib), nsmap=element.nsmap)


def _one_item_feed(item: Any) -> bytes:
    """The item inside empty copies of its ancestors, after the feed-level elements that precede it
    (the channel's title, link...): feedparser reads it as it would in the whole feed."""
    path = [*reversed(list(item.iterancestors())), item]
    top = parent = _shell(path[0])
    for node in path[1:]:
        for sibling in reversed(list(node.itersiblings(preceding=True))):
            if not _is_item(sibling):
                parent.append(copy.deepcopy(sibling))
        child = copy.deepcopy(node) if node is item else _shell(node)
        parent.append(child)
        parent = child
    return etree.tostring(top, encoding="utf-8")


def _streamed_item(item: Any, where: str, max_article_bytes: int) -> Result:
    size = len(etree.tostring(item, encoding="utf-8"))
    if size > max_article_bytes:
        return Skipped(where, f"feed item is {format_size(size)}, {over_the_limit(max_article_bytes)}")
    parsed = feedparser.parse(_one_item_feed(item))
    if not parsed.entries:
        return Skipped(where, "feed item could not be parsed")
    return _article(parsed.entries[0], where, _feed_title(parsed))


def _streamed_items(stream: BinaryIO, origin: str, max_article_bytes: int) -> Iterator[Result]:
    count = 0
    events = etree.iterparse(
        stream, events=("end",), recover=True, resolve_entities=False, no_network=True, strip_cdata=False
    )
    try:
        for _, element in events:
            if not _is_item(element):
                continue
            count += 1
            yield _streamed_item(element, f"{origin}#{count}", max_article_bytes)
            # drop the item once read, so the tree never holds more than the feed header and one item
            element.clear()
            element.getparent().remove(element)
    except etree.XMLSyntaxError as exc:
        yield Skipped(origin, f"feed XML is broken after item {count}: {exc}")
        return
    except READ_ERRORS as exc:
        yield Skipped(origin, f"{read_problem(exc)} (reading stopped after item {count})")
        return
    if count == 0:
        yield Skipped(origin, "feed has no items")
