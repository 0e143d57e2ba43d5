"""Open an input (file, ``.gz`` file or stdin) as one buffered byte stream, with its first bytes for sniffing.

Nothing here reads a whole input: the head is a few kilobytes, and the stream hands the head back
before the rest, so format readers see every byte once, in order, whatever the input's size.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Optional, Union

from dragoman.records import Skipped

HEAD_BYTES = 4096  # enough to tell binary from text and to find a feed's root element
BUFFER_BYTES = 256 * 1024  # larger than the default 8 KB: fewer Python-level reads on big files
GZIP_MAGIC = b"\x1f\x8b"
# what reading a damaged or vanished input raises: gzip.BadGzipFile is an OSError, a truncated
# member an EOFError, corrupt deflate data a zlib.error
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)


@dataclass
class OpenedInput:
    """An input ready to read: ``head`` holds its first bytes (decompressed); ``stream`` starts at byte 0."""

    origin: str
    head: bytes
    stream: BinaryIO
    size: Optional[int]  # bytes on disk for a plain file, else unknown without reading


class _Replay(io.RawIOBase):
    """Bytes already read, then the rest of a stream: lets a reader peek at the start and still see it all.

    A read error met while taking the head is raised again when the reader gets past the head, so
    the records in the head are read before the damage is reported, as anywhere else in the stream.
    """

    def __init__(self, prefix: bytes, rest: BinaryIO, error: Optional[BaseException], close_rest: bool) -> None:
        super().__init__()
        self._prefix = memoryview(prefix)
        self._rest = rest
        self._error = error
        self._close_rest = close_rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self._prefix:
            count = min(len(buffer), len(self._prefix))
            buffer[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        data = self._rest.read1(len(buffer)) if hasattr(self._rest, "read1") else self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self._close_rest:
            self._rest.close()
        super().close()


def replay(
    prefix: bytes, rest: BinaryIO, error: Optional[BaseException] = None, close_rest: bool = True
) -> BinaryIO:
    """A buffered stream of ``prefix`` followed by what is left of ``rest`` (readline, read and peek work).

    Closing it closes ``rest`` too, unless ``close_rest`` is false (stdin stays open for the process).
    """
    raw = _Replay(prefix, rest, error, close_rest)
    return io.BufferedReader(raw, buffer_size=BUFFER_BYTES)  # type: ignore[return-value]


def _take_head(stream: BinaryIO) -> tuple[bytes, Optional[BaseException]]:
    """Up to HEAD_BYTES from ``stream`` in small reads, keeping what came before a read error."""
    parts: list[bytes] = []
    taken = 0
    while taken < HEAD_BYTES:
        try:
            part = stream.read1(HEAD_BYTES - taken) if hasattr(stream, "read1") else stream.read(HEAD_BYTES - taken)
        except READ_ERRORS as exc:
            return b"".join(parts), exc
        if not part:
            break
        parts.append(part)
        taken += len(part)
    return b"".join(parts), None


def _with_head(origin: str, stream: BinaryIO, size: Optional[int]) -> Union[OpenedInput, Skipped]:
    head, error = _take_head(stream)
    if error is not None and not head:
        stream.close()
        return Skipped(origin, _unreadable(error))
    return OpenedInput(origin, head, replay(head, stream, error), size)


def _unreadable(error: BaseException) -> str:
    if isinstance(error, (EOFError, zlib.error, gzip.BadGzipFile)):
        return f"not a valid gzip file: {error}"
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror or error}"
    return f"cannot read: {error}"


def read_problem(error: BaseException) -> str:
    """What went wrong reading an input, in words: damaged gzip data or an OS error."""
    if isinstance(error, (EOFError, zlib.error, gzip.BadGzipFile)):
        return f"damaged gzip data: {error}"
    if isinstance(error, OSError):
        return f"read error: {error.strerror or error}"
    return str(error)


def open_input(path: Path) -> Union[OpenedInput, Skipped]:
    """Open ``path`` (``-`` is stdin; ``*.gz`` is decompressed on the fly, and so is gzip on stdin)."""
    if str(path) == "-":
        stdin = sys.stdin.buffer
        head, error = _take_head(stdin)
        if error is not None and not head:
            return Skipped("<stdin>", _unreadable(error))
        unclosed = replay(head, stdin, error, close_rest=False)
        if head.startswith(GZIP_MAGIC):
            # piped from curl or a crawler, gzip is common; a .gz name is the only hint files need
            return _with_head("<stdin>", gzip.GzipFile(fileobj=unclosed, mode="rb"), None)  # type: ignore[arg-type]
        return OpenedInput("<stdin>", head, unclosed, None)
    origin = str(path)
    is_gzip = path.suffix.lower() == ".gz"
    try:
        size = path.stat().st_size
        # closed by whoever reads OpenedInput.stream (closing the replay closes the file)
        stream: BinaryIO = gzip.open(path, "rb") if is_gzip else open(path, "rb")  # type: ignore[assignment]
    except OSError as exc:
        return Skipped(origin, f"cannot read: {exc.strerror or exc}")
    return _with_head(origin, stream, None if is_gzip else size)


def format_size(count: float) -> str:
    """A byte count for messages: '20 MB', '20.8 MB', '2 kB', '900 bytes'."""
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{int(count)} bytes"


def over_the_limit(max_article_bytes: int) -> str:
    """The end of every "too big" reason, so they all read alike."""
    return f"over the {format_size(max_article_bytes)} limit for one article"
