"""WARC / WARC.gz crawls: every HTTP response record carrying HTML becomes one RawArticle."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, Union

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dragoman.config import MAX_ARTICLE_BYTES
from dragoman.ingest.streams import over_the_limit
from dragoman.records import RawArticle, Skipped

Result = Union[RawArticle, Skipped]
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return "utf-8"


def _decode(payload: bytes, charset: str) -> str:
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        # trafilatura copes with the odd replaced byte; a wrong declared charset is common
        return payload.decode("utf-8", errors="replace")


def read_warc(stream: BinaryIO, origin: str, max_article_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Result]:
    """Response records with an HTML payload, in file order; other records are passed over silently.

    A payload over ``max_article_bytes`` is skipped after reading at most one byte more than the limit.
    """
    count = 0
    try:
        for n, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if not content_type.lower().startswith(HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}#{n}"
            status = record.http_headers.get_statuscode()
            if status and not status.startswith("2"):
                yield Skipped(where, f"HTTP status {status} for {url}")
                continue
            payload = record.content_stream().read(max_article_bytes + 1)
            if len(payload) > max_article_bytes:
                yield Skipped(where, f"record is {over_the_limit(max_article_bytes)}")
                continue
            count += 1
            # WARC-Date is the crawl date, not the publication date: trafilatura finds the latter
            yield RawArticle(origin=where, html=_decode(payload, _charset(content_type)), url=url)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Skipped(origin, f"not a readable WARC file: {exc}")
        return
    if count == 0:
        yield Skipped(origin, "WARC file has no HTML response records")
