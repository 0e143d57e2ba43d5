"""Turn a RawArticle into clean text and article metadata, or a Skipped with the reason."""

from __future__ import annotations

import re
import logging
from datetime import date
from typing import Optional, Union

import trafilatura

from dragoman.config import Options
from dragoman.ingest.language import non_english_reason
from dragoman.ingest.metadata import parse_date, read_text_metadata
from dragoman.ingest.normalize import article_hash, clean_text
from dragoman.records import ArticleMeta, RawArticle, Skipped

Prepared = tuple[ArticleMeta, str]

# a page trafilatura cannot use becomes a Skipped with its reason here; its own warnings would repeat it
logging.getLogger("trafilatura").setLevel(logging.ERROR)
BYLINE_LINE = re.compile(r"^By\s+[^\n]{2,120}$", re.M)
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _fold_quotes(text: str) -> str:
    return text.translate(_QUOTES).strip()


def _iso_date(value: Optional[str]) -> Optional[str]:
    """Normalize a metadata date ("2019-03-14T10:00:00Z", "March 14, 2019") to YYYY-MM-DD."""
    if not value:
        return None
    head = value.strip()[:10]
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        found = parse_date(value)
        return found.isoformat() if found else None


def _extract_html(html: str) -> tuple[Optional[str], dict[str, Optional[str]]]:
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None, {}
    fields = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    meta = {
        "title": fields.get("title"),
        "byline": fields.get("author"),
        "published": fields.get("date"),
        "url": fields.get("url"),
        "source": fields.get("sitename") or fields.get("hostname"),
    }
    return fields.get("text"), meta


def prepare(
    raw: RawArticle, published: Optional[str] = None, min_chars: int = 20, english_only: bool = True
) -> Union[Prepared, Skipped]:
    """Clean one article. ``published`` (from --published) wins over dates found in the article.

    With ``english_only`` an article identified as another language is Skipped with the reason.
    """
    html_meta: dict[str, Optional[str]] = {}
    if raw.html is not None:
        text, html_meta = _extract_html(raw.html)
        if not text:
            return Skipped(raw.origin, "HTML has no article body")
    else:
        text = raw.text or ""
    text = clean_text(text)
    title = raw.title or html_meta.get("title")
    first_line = text.split("\n", 1)[0]
    if title and _fold_quotes(first_line) == _fold_quotes(title):
        text = text[len(first_line):].lstrip()  # trafilatura repeats the <h1> as the first line
    text_meta = read_text_metadata(text)
    if title is None and raw.html is None:
        title, text = text_meta.title, text_meta.body
    if text_meta.byline and BYLINE_LINE.match(text):
        text = text.split("\n", 1)[1].lstrip() if "\n" in text else text  # the byline is not story text
    if len(text) < min_chars:
        if raw.html is not None:
            return Skipped(raw.origin, "HTML has no article body")
        return Skipped(raw.origin, f"article text is too short ({len(text)} characters)")
    if english_only:
        reason = non_english_reason(text)
        if reason:
            return Skipped(raw.origin, reason)

    meta = ArticleMeta(
        id=article_hash(text),
        title=title,
        url=raw.url or html_meta.get("url"),
        source=raw.source or html_meta.get("source"),
        byline=raw.byline or html_meta.get("byline") or text_meta.byline,
        dateline=text_meta.dateline,
        external_id=raw.external_id,
        origin=raw.origin,
    )
    for value, where in (
        (published, "option"),
        (raw.published, "metadata"),
        (html_meta.get("published"), "metadata"),
        (text_meta.published, text_meta.published_from),
    ):
        iso = _iso_date(value)
        if iso:
            meta.published, meta.published_from = iso, where
            break
    return meta, text


def prepare_with(raw: RawArticle, options: Options, published: Optional[str] = None) -> Union[Prepared, Skipped]:
    """``prepare`` with the run's options (what ``Coder.clean`` does, without loading the coder)."""
    return prepare(raw, published or options.published, options.min_chars, options.english_only)
