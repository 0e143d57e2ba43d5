"""One JSON object (a JSON Lines line or an array element) as a RawArticle, whatever its field names."""

from __future__ import annotations

import re
from typing import Any, Optional, Union

from dragoman.records import RawArticle, Skipped

# JSON field names, ours first, then GDELT-style (DOC API, GKG/Events exports) and common crawl dumps
JSON_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articleBody", "maintext"),
    "html": ("html", "raw_html"),
    "title": ("title", "Title", "headline"),
    "url": ("url", "SOURCEURL", "DocumentIdentifier", "link"),
    "source": ("source", "SourceCommonName", "domain", "sitename"),
    "byline": ("byline", "author", "authors"),
    "published": ("published", "date", "seendate", "DATEADDED", "SQLDATE", "DATE", "date_publish"),
    "id": ("id", "GKGRECORDID", "GLOBALEVENTID"),
    "language": ("language", "lang"),
}
ENGLISH_NAMES = {"en", "eng", "english"}
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?$")


def _field(item: dict[str, Any], key: str) -> Optional[str]:
    """The first non-empty alias of ``key``; lists (several authors) are joined."""
    for name in JSON_ALIASES[key]:
        value = item.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v not in (None, ""))
        if value not in (None, "") and not isinstance(value, (dict, bool)):
            return str(value)
    return None


def _compact_date(value: Optional[str]) -> Optional[str]:
    """GDELT's 20190314, 20190314101500 and 20190314T101500Z as 2019-03-14; others unchanged."""
    if value is None:
        return None
    match = _COMPACT_DATE.match(value.strip())
    return f"{match[1]}-{match[2]}-{match[3]}" if match else value


def article_from_json(item: Any, origin: str) -> Union[RawArticle, Skipped]:
    """The article in one decoded JSON value, or a Skipped saying which field is missing or wrong."""
    if not isinstance(item, dict):
        return Skipped(origin, "JSON value is not an object")
    body, html = _field(item, "text"), _field(item, "html")
    if not body and not html:
        return Skipped(origin, 'JSON object has no "text" or "html" string')
    language = _field(item, "language")
    if language and language.strip().lower() not in ENGLISH_NAMES:
        return Skipped(origin, f"language is {language!r} (from the input's metadata), not English")
    return RawArticle(
        origin=origin,
        text=body or None,
        html=None if body else html,
        title=_field(item, "title"),
        url=_field(item, "url"),
        source=_field(item, "source"),
        byline=_field(item, "byline"),
        published=_compact_date(_field(item, "published")),
        external_id=_field(item, "id"),
    )
