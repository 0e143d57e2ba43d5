"""A read-only store shared by the threads of a long-running reader (the explorer's server).

Opening the DuckDB file costs tens of milliseconds, more than most queries, and a server under load
would pay it for every request. ``SharedReader`` opens the file once for all requests in flight: each
operation gets its own cursor on one shared connection. The connection stays open for ``linger``
seconds after the last operation ends (so one person clicking through pages keeps DuckDB's cache
warm), then closes, so an idle server does not hold the file. When a writer waits for the file (it
holds ``<store>.want``, see ``access.py``), new operations stop using the shared connection and
queue behind the writer at the turnstile, an idle connection closes within ``POLL`` seconds, and
a busy one when its last operation ends: the writer gets its turn. So an ingest running beside the server works as it
does beside any other reader, and the server sees its articles as soon as they are committed.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dragoman.store import Store
from dragoman.store.access import LOCK_TIMEOUT, connect, someone_waiting


LINGER = 2.0  # seconds an idle shared connection stays open
POLL = 0.05  # seconds between checks for a waiting writer while it lingers


@dataclass
class _Anchor:
    """One open connection and how many operations use a cursor of it."""

    conn: duckdb.DuckDBPyConnection
    users: int = 0
    retired: bool = False  # handed out no more; closed when its last user is done
    idle_since: float = 0.0


class SharedReader(Store):
    """A read-only ``Store`` whose operations, from any thread, share one connection while they overlap."""

    def __init__(self, path: str | Path, timeout: float = LOCK_TIMEOUT, linger: float = LINGER) -> None:
        super().__init__(path, read_only=True, timeout=timeout)
        self.linger = linger
        self._watcher: threading.Thread | None = None
        self._lock = threading.Lock()
        self._opening = threading.Lock()  # one thread opens the file; the others wait and share it
        self._anchor: _Anchor | None = None

    @contextlib.contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        anchor = self._take()
        try:
            with self._lock:  # a cursor is made on the shared connection: one thread at a time
                cursor = anchor.conn.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
        finally:
            self._give(anchor)

    def close(self) -> None:
        with self._lock:
            if self._anchor is not None:
                self._retire(self._anchor)

    def _take(self) -> _Anchor:
        shared = self._shared()
        if shared is not None:
            return shared
        # Not under self._lock: opening may wait for a writer, and operations ending meanwhile need it
        with self._opening:
            shared = self._shared()  # opened by the thread this one waited for
            if shared is not None:
                return shared
            conn = connect(self.path, True, self.timeout)
            with self._lock:
                self._anchor = anchor = _Anchor(conn, users=1)
                return anchor

    def _shared(self) -> _Anchor | None:
        """The open connection, counted as used once more; None when there is none to share."""
        with self._lock:
            if self._anchor is not None and someone_waiting(self.path):
                self._retire(self._anchor)
            if self._anchor is None:
                return None
            self._anchor.users += 1
            return self._anchor

    def _give(self, anchor: _Anchor) -> None:
        with self._lock:
            anchor.users -= 1
            if anchor.users > 0:
                return
            if anchor is not self._anchor or self.linger <= 0:
                self._retire(anchor)
                return
            anchor.idle_since = time.monotonic()
            if self._watcher is None or not self._watcher.is_alive():
                self._watcher = threading.Thread(target=self._watch, name="dragoman-shared-reader", daemon=True)
                self._watcher.start()

    def _watch(self) -> None:
        """Close the shared connection once it has been idle for ``linger`` seconds or a writer waits."""
        while True:
            time.sleep(POLL)
            with self._lock:
                anchor = self._anchor
                if anchor is None:
                    return
                if anchor.users == 0 and (time.monotonic() - anchor.idle_since >= self.linger
                                          or someone_waiting(self.path)):
                    self._retire(anchor)
                    return

    def _retire(self, anchor: _Anchor) -> None:
        """Hand ``anchor`` out no more (the lock is held); close it now if nobody uses it."""
        anchor.retired = True
        if anchor is self._anchor:
            self._anchor = None
        if anchor.users == 0:
            anchor.conn.close()
