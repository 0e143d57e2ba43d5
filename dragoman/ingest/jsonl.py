"""JSON Lines, one line at a time: each line is decoded and parsed on its own, so a bad line costs only itself."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO, Optional, Union

from dragoman.ingest.json_fields import article_from_json
from dragoman.ingest.streams import BUFFER_BYTES, READ_ERRORS, format_size, over_the_limit, read_problem
from dragoman.records import RawArticle, Skipped

Result = Union[RawArticle, Skipped]


def _lines(stream: BinaryIO, max_line_bytes: int) -> Iterator[tuple[int, Optional[bytes], int]]:
    """(line number, line, size in bytes) per line; the line is None when it is over ``max_line_bytes``.

    An oversized line is passed over in buffer-sized pieces, so it never sits in memory whole.
    """
    line_no = 0
    while True:
        line = stream.readline(max_line_bytes + 1)
        if not line:
            return
        line_no += 1
        if len(line) <= max_line_bytes or line.endswith(b"\n"):
            yield line_no, line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(BUFFER_BYTES)
            size += len(line)
        yield line_no, None, size


def _decode(line: bytes, where: str) -> Union[str, Skipped]:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Skipped(where, f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})")


def read_json_lines(stream: BinaryIO, origin: str, max_article_bytes: int) -> Iterator[Result]:
    """One RawArticle per line, or a Skipped naming ``origin:LINE`` and what is wrong with that line.

    Blank lines are passed over. A read error (a truncated ``.gz``) ends the file with one Skipped
    after the lines read before it.
    """
    line_no = 0
    seen_content = False
    try:
        for line_no, line, size in _lines(stream, max_article_bytes):
            where = f"{origin}:{line_no}"
            if line is None:
                seen_content = True
                yield Skipped(where, f"line is {format_size(size)}, {over_the_limit(max_article_bytes)}")
                continue
            if line_no == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8):]
            text = _decode(line, where)
            if isinstance(text, Skipped):
                seen_content = True
                yield text
                continue
            if not text.strip():
                continue
            seen_content = True
            try:
                item = json.loads(text)
            except json.JSONDecodeError as exc:
                yield Skipped(where, f"invalid JSON: {exc.msg}")
                continue
            yield article_from_json(item, where)
    except READ_ERRORS as exc:
        stopped = f"after line {line_no}" if line_no else "before the first line"
        yield Skipped(origin, f"{read_problem(exc)} (reading stopped {stopped})")
        return
    if not seen_content:
        yield Skipped(origin, "file is empty")
