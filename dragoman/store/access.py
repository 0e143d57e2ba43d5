"""Taking turns at one DuckDB file: many readers or one writer, across processes, without lock errors.

DuckDB lets one process write a file, or several read it, never both at once; a second process
that tries gets "Could not set lock on file". So no dragoman process keeps the file open: every
operation opens a connection, does its work and closes it (~15-20 ms). A writer (ingest, recode,
review) holds the file only while it commits one batch; a reader (queries, the explorer, a
notebook through ``dragoman.Store``) only while its query runs. Whoever finds the file busy waits
and tries again, up to ``timeout`` seconds.

So that a steady stream of readers cannot starve a writer, a waiting writer holds a turnstile
(an advisory lock on ``<store>.turn``) that every new reader passes through: readers already in
finish, new ones queue behind the writer.

A long writer (an ingest commits a batch every second or so) may keep its connection between
operations while nobody else wants the file (``Store.session``): whoever waits for the file says so
with a shared lock on ``<store>.want``, and the writer lets go after its current operation.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Iterator
from typing import IO, Optional

import duckdb

from dragoman.errors import StoreError

try:
    import fcntl
except ImportError:  # not POSIX: no turnstile, waiting and retrying still work
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT = 120.0  # seconds a turn may take to come: far longer than any batch commit or query
# The last: this process already has the file open the other way (read-only vs read-write), e.g. the
# explorer's shared reader and a writer in one process; it frees like another process's lock does
_LOCK_MESSAGES = ("Could not set lock", "Conflicting lock", "with a different configuration than existing connections")


def is_lock_conflict(exc: BaseException) -> bool:
    """Whether DuckDB refused to open a file because another process holds it."""
    return any(message in str(exc) for message in _LOCK_MESSAGES)


@contextlib.contextmanager
def _turnstile(path: str) -> Iterator[None]:
    """Hold ``<path>.turn`` exclusively (blocking); a no-op where it cannot be made."""
    handle: Optional[IO[bytes]] = None
    if fcntl is not None:
        try:
            handle = open(f"{path}.turn", "ab")  # noqa: SIM115  (closed below)
        except OSError:
            handle = None  # a read-only folder: readers only, nobody to queue behind
    try:
        if handle is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        if handle is not None:
            handle.close()  # closing releases the lock


def connect(path: str, read_only: bool, timeout: float = LOCK_TIMEOUT) -> duckdb.DuckDBPyConnection:
    """A connection to ``path`` once its turn comes: readers share the file, a writer has it alone."""
    deadline = time.monotonic() + timeout
    if read_only:
        with _turnstile(path):
            pass  # wait behind a writer that is waiting
        return _open(path, True, deadline)
    with _turnstile(path):
        return _open(path, False, deadline)


def _open(path: str, read_only: bool, deadline: float) -> duckdb.DuckDBPyConnection:
    pause = 0.005
    wanting: Optional[IO[bytes]] = None  # held (shared) while waiting, so a session writer lets go
    try:
        while True:
            try:
                return duckdb.connect(path, read_only=read_only)
            except duckdb.Error as exc:
                if not is_lock_conflict(exc):
                    raise StoreError(f"{path}: cannot open store: {exc}") from exc
                if time.monotonic() >= deadline:
                    holder = str(exc).split(" in ", 1)[-1].split(".", 1)[0] if " in " in str(exc) else "another process"
                    raise StoreError(f"{path}: store still busy after waiting: held by {holder}") from exc
            if wanting is None and fcntl is not None:
                wanting = _lock_want(path, fcntl.LOCK_SH)
            time.sleep(pause * (1 + random.random()))
            pause = min(pause * 2, 0.1)
    finally:
        if wanting is not None:
            wanting.close()


def _lock_want(path: str, mode: int) -> Optional[IO[bytes]]:
    """``<path>.want`` locked in ``mode`` (fcntl flags), or None where that cannot be done or is refused."""
    if fcntl is None:
        return None
    try:
        handle = open(f"{path}.want", "ab")  # noqa: SIM115  (the caller closes it)
    except OSError:
        return None
    try:
        fcntl.flock(handle.fileno(), mode)
    except OSError:
        handle.close()
        return None
    return handle


def someone_waiting(path: str) -> bool:
    """Whether another connection is waiting for the file (it holds ``<path>.want``); True where
    that cannot be known, so a session writer then lets go after every operation."""
    if fcntl is None:
        return True
    probe = _lock_want(path, fcntl.LOCK_EX | fcntl.LOCK_NB)
    if probe is None:
        return True
    probe.close()
    return False
