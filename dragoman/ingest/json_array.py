"""A JSON array of articles (``[{...}, {...}]``), streamed element by element with ijson.

Each element is built from parser events and counted as it grows, so an element over the
per-article limit is dropped as it streams past instead of being held whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, BinaryIO, Optional, Union

import ijson

from dragoman.ingest.json_fields import article_from_json
from dragoman.ingest.streams import READ_ERRORS, format_size, over_the_limit, read_problem
from dragoman.records import RawArticle, Skipped

Result = Union[RawArticle, Skipped]
_OPENERS = {"start_map", "start_array"}
_CLOSERS = {"end_map", "end_array"}
_PUNCTUATION_BYTES = 4  # quotes, colon and comma around each key or value: sizes are estimates


def _json_problem(exc: ijson.JSONError) -> str:
    """ijson's message without the echoed input and caret lines (its C parser gives bytes)."""
    message = exc.args[0] if exc.args else exc
    if isinstance(message, bytes):
        message = message.decode("utf-8", errors="replace")
    return str(message).strip().split("\n", 1)[0] or "incomplete JSON"


def _value_bytes(event: str, value: Any) -> int:
    if event in ("string", "map_key"):
        return len(value) + _PUNCTUATION_BYTES  # characters, close to bytes for news text
    return len(str(value)) + _PUNCTUATION_BYTES if value is not None else _PUNCTUATION_BYTES


def read_json_array(stream: BinaryIO, origin: str, max_article_bytes: int) -> Iterator[Result]:
    """One RawArticle per element (origin ``path#N``); an oversized or non-object element is a Skipped.

    Broken JSON ends the array with one Skipped: the elements before it are kept, but a streaming
    parser cannot find where the next element starts after a syntax error.
    """
    depth = 0  # 1 inside the top-level array
    count = 0
    builder: Optional[ijson.ObjectBuilder] = None
    size = 0
    try:
        # not use_float=True: with it ijson's C parser fails on integers past 64 bits (ijson issue 153)
        for event, value in ijson.basic_parse(stream):
            if isinstance(value, Decimal):
                value = float(value)  # as json.loads reads a number with a fraction or exponent
            if depth == 0:  # the array's own "[": the caller saw it in the file's first bytes
                depth = 1
                continue
            if depth == 1:
                if event == "end_array":
                    depth = 0
                    continue
                count += 1
                if event not in _OPENERS:
                    yield article_from_json(value, f"{origin}#{count}")
                    continue
                builder, size = ijson.ObjectBuilder(), 0
            depth += 1 if event in _OPENERS else -1 if event in _CLOSERS else 0
            size += _value_bytes(event, value)
            if builder is not None:
                builder.event(event, value)
                if size > max_article_bytes:
                    builder = None  # over the limit: let the rest of this element stream past unbuilt
            if depth == 1:
                where = f"{origin}#{count}"
                if builder is None:
                    yield Skipped(where, f"element is about {format_size(size)}, {over_the_limit(max_article_bytes)}")
                else:
                    yield article_from_json(builder.value, where)
                builder = None
    except ijson.JSONError as exc:
        # inside an element the error is that element's; between elements it is the next one's
        where = origin if depth == 0 else f"{origin}#{count if depth > 1 else count + 1}"
        yield Skipped(where, f"invalid JSON: {_json_problem(exc)} (the rest of the array cannot be read)")
    except READ_ERRORS as exc:
        yield Skipped(origin, f"{read_problem(exc)} (reading stopped after element {count})")
