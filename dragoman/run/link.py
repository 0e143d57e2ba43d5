"""Linking copies before they are parsed: exact copies (stored, or seen earlier in the run) and near-copies.

Runs in the run's one parent process, in input order, so a first copy is always seen before its copies.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Optional

from dragoman.coder import Cleaned
from dragoman.ingest.dedup import Deduper
from dragoman.records import Skipped

StoredCheck = Callable[[list[str]], set[str]]  # article ids -> those already stored
REMEMBERED_IDS = 100_000  # far more than the articles in flight between coding and storing


class Linker:
    """Marks exact copies as Skipped ("already stored") and near-copies as duplicates of their first copy.

    ``is_stored`` asks the store once per chunk; copies still in flight are caught by the ids this run
    has seen lately (the last ``remember`` of them: older copies are already stored).
    """

    def __init__(
        self, is_stored: StoredCheck, deduper: Optional[Deduper] = None, remember: int = REMEMBERED_IDS
    ) -> None:
        self.is_stored = is_stored
        self.deduper = deduper
        self.remember = remember
        self._seen: OrderedDict[str, None] = OrderedDict()

    def signatures(self, cleaned: Sequence[Cleaned]) -> dict[str, bytes]:
        """Near-duplicate sketches of a chunk's articles: the costly part, which workers compute."""
        if self.deduper is None:
            return {}
        return {c[0].id: self.deduper.signature(c[1]) for c in cleaned if not isinstance(c, Skipped)}

    def link(self, cleaned: Sequence[Cleaned], signatures: Optional[dict[str, bytes]] = None) -> list[Cleaned]:
        """The chunk with copies marked, in the same order."""
        ids = [c[0].id for c in cleaned if not isinstance(c, Skipped)]
        stored = self.is_stored(ids) if ids else set()
        out: list[Cleaned] = []
        for item in cleaned:
            if not isinstance(item, Skipped):
                meta, text = item
                if meta.id in self._seen or meta.id in stored:
                    item = Skipped(meta.origin or "", "already stored", duplicate_of=meta.id)
                elif self.deduper is not None:
                    signature = signatures.get(meta.id) if signatures else None
                    meta.duplicate_of = self.deduper.check(meta.id, text, signature)
                self._seen[meta.id] = None
                if len(self._seen) > self.remember:
                    self._seen.popitem(last=False)
            out.append(item)
        return out

    def take_signatures(self, article_ids: Sequence[str]) -> dict[str, bytes]:
        """Signatures of these first copies, for the store to save with them."""
        return self.deduper.take(article_ids) if self.deduper is not None else {}
