"""Read input paths into RawArticle records, or Skipped results naming the input and the reason.

A batch never stops on one bad input: every problem becomes a ``Skipped`` and reading goes on.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Optional, Union

from dragoman.ingest.feeds import looks_like_feed, read_feed
from dragoman.ingest.warc import read_warc
from dragoman.records import RawArticle, Skipped

Result = Union[RawArticle, Skipped]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES
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
_GLOB_CHARS = re.compile(r"[*?\[]")


def iter_paths(paths: Iterable[str]) -> Iterator[Union[Path, Skipped]]:
    """Expand files and directories (recursively, in sorted order); unreadable entries are Skipped."""
    for name in paths:
        if name == "-":
            yield Path("-")
            continue
        path = Path(name)
        if not path.exists() and _GLOB_CHARS.search(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Skipped(name, "no file matches the pattern")
            yield from iter_paths(matches)
            continue
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=None):
                dirs.sort()
                for file_name in sorted(files):
                    child = Path(root) / file_name
                    if _suffix(child) in KNOWN_SUFFIXES:
                        yield child
            # os.walk silently ignores unreadable subdirectories; report them instead
            for root, dirs, _ in os.walk(path):
                for d in dirs:
                    sub = Path(root) / d
                    if not os.access(sub, os.R_OK | os.X_OK):
                        yield Skipped(str(sub), "directory is not readable")
        elif path.exists():
            yield path
        else:
            yield Skipped(name, "no such file or directory")


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _read_bytes(path: Path, max_bytes: int) -> Union[bytes, Skipped]:
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skipped(str(path), f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(str(path), f"cannot read: {exc.strerror or exc}")
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            return Skipped(str(path), f"not a valid gzip file: {exc}")
        if len(data) > max_bytes:
            return Skipped(str(path), f"decompresses to over the {max_bytes / 1e6:.0f} MB limit")
    return data


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.1


def _decode(data: bytes, origin: str) -> Union[str, Skipped]:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(origin, f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})")


def read_path(path: Path, max_bytes: int = 20_000_000) -> Iterator[Result]:
    """Read one file (or ``-`` for stdin) into raw articles."""
    origin = "<stdin>" if str(path) == "-" else str(path)
    if origin != "<stdin>" and _suffix(path) in WARC_SUFFIXES:
        yield from _read_warc_file(path, max_bytes)
        return
    data = _read_bytes(path, max_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    if not data.strip():
        yield Skipped(origin, "file is empty")
        return
    if _looks_binary(data):
        yield Skipped(origin, "binary content, not text, HTML or JSON")
        return
    suffix = _suffix(path) if origin != "<stdin>" else _sniff(data)
    if suffix in WARC_SUFFIXES:
        yield from read_warc(io.BytesIO(data), origin, max_bytes)
        return
    if suffix in FEED_SUFFIXES or (suffix in HTML_SUFFIXES and looks_like_feed(data)):
        if not looks_like_feed(data):
            yield Skipped(origin, "XML file is not an RSS or Atom feed")
            return
        yield from read_feed(data, origin)
        return
    if suffix in HTML_SUFFIXES:
        # trafilatura decodes HTML itself, honouring <meta charset>
        yield RawArticle(origin=origin, html=data.decode("utf-8", errors="replace") if _is_utf8(data) else _latin(data))
        return
    text = _decode(data, origin)
    if isinstance(text, Skipped):
        yield text
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(text, origin)
    else:
        yield RawArticle(origin=origin, text=text)


def _read_warc_file(path: Path, max_bytes: int) -> Iterator[Result]:
    # streamed record by record: crawls are far larger than any one article, so no file-size limit
    try:
        with open(path, "rb") as stream:
            yield from read_warc(stream, str(path), max_bytes)
    except OSError as exc:
        yield Skipped(str(path), f"cannot read: {exc.strerror or exc}")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _latin(data: bytes) -> str:
    return data.decode("cp1252", errors="replace")


def _sniff(data: bytes) -> str:
    head = data[:200].lstrip().lower()
    if head.startswith((b"{", b"[")):
        return ".jsonl"
    if head.startswith(b"warc/"):
        return ".warc"
    if looks_like_feed(data):
        return ".rss"
    if head.startswith((b"<!doctype html", b"<html", b"<")):
        return ".html"
    return ".txt"


def _read_json(text: str, origin: str) -> Iterator[Result]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Skipped(origin, f"invalid JSON: {exc.msg} at line {exc.lineno}")
            return
        for n, item in enumerate(items, 1):
            yield _from_object(item, f"{origin}#{n}")
        return
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{line_no}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"invalid JSON: {exc.msg}")
            continue
        yield _from_object(item, where)


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


def _from_object(item: Any, origin: str) -> Result:
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


def read_inputs(paths: Iterable[str], max_bytes: int = 20_000_000) -> Iterator[Result]:
    """Every raw article from every path, in order, with Skipped results in place of bad inputs."""
    for path in iter_paths(paths):
        if isinstance(path, Skipped):
            yield path
        else:
            yield from read_path(path, max_bytes)
