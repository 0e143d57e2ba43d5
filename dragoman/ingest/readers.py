"""Read input paths into RawArticle records, or Skipped results naming the input and the reason.

A batch never stops on one bad input: every problem becomes a ``Skipped`` and reading goes on.
Every format is streamed (JSON Lines, JSON arrays, feeds, WARC, gzip, stdin): memory holds one
article at a time, and ``max_article_bytes`` limits one article, never a file that holds many.
"""

from __future__ import annotations

import codecs
import glob
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Union

from dragoman.config import MAX_ARTICLE_BYTES
from dragoman.ingest.feeds import looks_like_feed, read_feed
from dragoman.ingest.json_array import read_json_array
from dragoman.ingest.jsonl import read_json_lines
from dragoman.ingest.parquet import read_parquet
from dragoman.ingest.streams import (
    HEAD_BYTES,
    READ_ERRORS,
    OpenedInput,
    format_size,
    open_input,
    over_the_limit,
    read_problem,
)
from dragoman.ingest.warc import read_warc
from dragoman.records import RawArticle, Skipped

Result = Union[RawArticle, Skipped]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
PARQUET_SUFFIXES = {".parquet"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES | PARQUET_SUFFIXES
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


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.1


def _sniff(head: bytes) -> str:
    """The format of stdin, from its first bytes: there is no file name to go by."""
    start = head[:200].lstrip().lower()
    if start.startswith((b"{", b"[")):
        return ".jsonl"
    if start.startswith(b"warc/"):
        return ".warc"
    if looks_like_feed(head):
        return ".rss"
    if start.startswith((b"<!doctype html", b"<html", b"<")):
        return ".html"
    return ".txt"


def _too_big(origin: str, size: int, max_article_bytes: int) -> Skipped:
    return Skipped(origin, f"file is {format_size(size)}, {over_the_limit(max_article_bytes)}")


def read_path(path: Path, max_article_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Result]:
    """Read one file (or ``-`` for stdin) into raw articles, streaming files that hold many."""
    is_stdin = str(path) == "-"
    if not is_stdin and _suffix(path) in WARC_SUFFIXES:
        # straight to the WARC reader: crawls are often binary-looking gzip members, never sniffed
        yield from _read_warc_file(path, max_article_bytes)
        return
    if not is_stdin and path.suffix.lower() in PARQUET_SUFFIXES:
        yield from read_parquet(path, max_article_bytes)  # columnar: read by DuckDB, a batch of rows at a time
        return
    opened = open_input(path)
    if isinstance(opened, Skipped):
        yield opened
        return
    with opened.stream:
        yield from _read_opened(opened, _sniff(opened.head) if is_stdin else _suffix(path), max_article_bytes)


def _read_opened(opened: OpenedInput, suffix: str, max_article_bytes: int) -> Iterator[Result]:
    origin, head = opened.origin, opened.head
    is_feed = suffix in FEED_SUFFIXES or (suffix in HTML_SUFFIXES and looks_like_feed(head))
    if opened.size is not None and opened.size > max_article_bytes and not is_feed and suffix not in JSON_SUFFIXES:
        yield _too_big(origin, opened.size, max_article_bytes)  # one article: refused before reading it
        return
    if not head.strip() and len(head) < HEAD_BYTES:
        yield Skipped(origin, "file is empty")
        return
    if _looks_binary(head):
        yield Skipped(origin, "binary content, not text, HTML or JSON")
        return
    if suffix in WARC_SUFFIXES:
        yield from read_warc(opened.stream, origin, max_article_bytes)
    elif is_feed:
        if looks_like_feed(head):
            yield from read_feed(opened.stream, origin, max_article_bytes)
        else:
            yield Skipped(origin, "XML file is not an RSS or Atom feed")
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(opened, max_article_bytes)
    else:
        yield _read_article(opened, suffix in HTML_SUFFIXES, max_article_bytes)


def _read_json(opened: OpenedInput, max_article_bytes: int) -> Iterator[Result]:
    if opened.head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"["):
        if opened.head.startswith(codecs.BOM_UTF8):
            opened.stream.read(len(codecs.BOM_UTF8))  # ijson does not expect a byte order mark
        yield from read_json_array(opened.stream, opened.origin, max_article_bytes)
    else:
        yield from read_json_lines(opened.stream, opened.origin, max_article_bytes)


def _read_article(opened: OpenedInput, is_html: bool, max_article_bytes: int) -> Result:
    """A text or HTML input that is one article: read whole, up to the limit."""
    try:
        data = opened.stream.read(max_article_bytes + 1)
    except READ_ERRORS as exc:
        return Skipped(opened.origin, read_problem(exc))
    if len(data) > max_article_bytes:
        return Skipped(opened.origin, f"input is {over_the_limit(max_article_bytes)}")
    if not data.strip():
        return Skipped(opened.origin, "file is empty")
    if is_html:
        # trafilatura decodes HTML itself, honouring <meta charset>
        html = data.decode("utf-8", errors="replace") if _is_utf8(data) else _latin(data)
        return RawArticle(origin=opened.origin, html=html)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(opened.origin, f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})")
    return RawArticle(origin=opened.origin, text=text)


def _read_warc_file(path: Path, max_article_bytes: int) -> Iterator[Result]:
    # streamed record by record: crawls are far larger than any one article, so no file-size limit
    try:
        with open(path, "rb") as stream:
            yield from read_warc(stream, str(path), max_article_bytes)
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


def read_inputs(paths: Iterable[str], max_article_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Result]:
    """Every raw article from every path, in order, with Skipped results in place of bad inputs."""
    for path in iter_paths(paths):
        if isinstance(path, Skipped):
            yield path
        else:
            yield from read_path(path, max_article_bytes)
