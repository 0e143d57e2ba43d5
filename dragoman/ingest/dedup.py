"""Near-duplicate articles (syndicated wire copies, updated versions) by MinHash/LSH (datasketch).

The first copy is coded; a later near-copy is linked to it (``articles.duplicate_of``) and not
coded again. Signatures of first copies are stored with them, so a rerun or a later ingest into
the same store links against what is already there.

Copies of a story arrive within hours or days, and datasketch's in-memory LSH index costs ~6 KB
per article, so the index holds only the most recent ``window`` first copies (20,000 by default,
~120 MB): older ones are forgotten first, and a store of millions of articles does not have to fit
in memory.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from typing import Optional

import numpy as np
from datasketch import MinHash, MinHashLSH

from dragoman.config import DEDUP_WINDOW

_WORD = re.compile(r"\w+")
NUM_PERM = 128
SHINGLE = 5  # words per shingle: long enough that shared boilerplate phrases do not match
THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets above which texts are copies
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures are only comparable within one


def shingles(text: str, size: int = SHINGLE) -> list[bytes]:
    """Overlapping word n-grams of the case-folded text (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)]


class Deduper:
    """An LSH index of first copies; ``check`` links a text to its first copy or registers it."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, window: int = DEDUP_WINDOW) -> None:
        if window < 1:
            raise ValueError(f"the near-duplicate window must hold at least one article, not {window}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.window = window
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._proto = MinHash(num_perm=num_perm, scheme=SCHEME)  # permutations computed once, shared by every sketch
        self._sketches: OrderedDict[str, MinHash] = OrderedDict()  # oldest first
        self._unsaved: dict[str, bytes] = {}

    def _sketch(self, text: str) -> MinHash:
        sketch = MinHash(num_perm=self.num_perm, permutations=self._proto.permutations, scheme=SCHEME)
        sketch.update_batch(shingles(text))
        return sketch

    def _from_bytes(self, blob: bytes) -> MinHash:
        values = np.frombuffer(blob, dtype=self._proto.hashvalues.dtype).copy()
        return MinHash(
            num_perm=self.num_perm, hashvalues=values, permutations=self._proto.permutations, scheme=SCHEME
        )

    def load(self, rows: Iterable[tuple[str, bytes]]) -> int:
        """Index stored signatures (article id, hash values as bytes), oldest first; returns how many.

        Only the last ``window`` stay indexed.
        """
        count = 0
        for article_id, blob in rows:
            if article_id not in self._sketches and len(blob) == self._proto.hashvalues.nbytes:
                self._add(article_id, self._from_bytes(blob))
                count += 1
        return count

    def _add(self, article_id: str, sketch: MinHash) -> None:
        self._sketches[article_id] = sketch
        self._lsh.insert(article_id, sketch)
        while len(self._sketches) > self.window:
            oldest, _ = self._sketches.popitem(last=False)
            self._lsh.remove(oldest)

    def __len__(self) -> int:
        return len(self._sketches)

    def signature(self, text: str) -> bytes:
        """The MinHash of ``text`` as bytes: the costly part of ``check``, which workers can do in parallel."""
        return self._sketch(text).hashvalues.tobytes()

    def check(self, article_id: str, text: str, signature: Optional[bytes] = None) -> Optional[str]:
        """The id of an indexed near-copy of ``text``, or None after indexing ``text`` as a first copy.

        ``signature`` is ``self.signature(text)`` when already computed.
        """
        if article_id in self._sketches:
            return None
        sketch = self._from_bytes(signature) if signature is not None else self._sketch(text)
        best, best_score = None, self.threshold
        for candidate in self._lsh.query(sketch):
            score = sketch.jaccard(self._sketches[candidate])
            if score >= best_score:
                best, best_score = candidate, score
        if best is not None:
            return best
        self._add(article_id, sketch)
        self._unsaved[article_id] = sketch.hashvalues.tobytes()
        return None

    def take(self, article_ids: Iterable[str]) -> dict[str, bytes]:
        """Signatures of these first copies, for the store to save with them (forgotten here after)."""
        return {a: self._unsaved.pop(a) for a in article_ids if a in self._unsaved}
