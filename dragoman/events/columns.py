"""Token attributes of one parsed article, read once through ``doc.to_array``.

Sentence walks (depths, background clauses, which tokens to try) index these lists instead of
building a spaCy Token object for every word of every sentence several times over.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class Columns:
    """Per-token head index, coarse part of speech, fine tag and dependency label."""

    heads: list[int]
    poses: list[str]
    tags: list[str]
    deps: list[str]

    @classmethod
    def of(cls, doc: Doc) -> Columns:
        """The columns of ``doc``."""
        strings = doc.vocab.strings
        pos, tag, dep = ([strings[h] for h in column] for column in doc.to_array(["POS", "TAG", "DEP"]).T.tolist())
        # HEAD is the offset to the head, stored unsigned: reinterpret, then make it absolute
        offsets = doc.to_array("HEAD").view("int64").tolist()
        return cls([i + offset for i, offset in enumerate(offsets)], pos, tag, dep)
