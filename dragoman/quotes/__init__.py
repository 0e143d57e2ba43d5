"""Quotes stage: direct, indirect and mixed quotations with their speaker and cue.

Interface used by the pipeline: ``extract_quotes(doc, actors) -> list[Quote]``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dragoman.records import Actor, Quote

_DIRECT = re.compile(r"[\"“]([^\"”]{3,})[\"”]")


def extract_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    quotes = []
    for match in _DIRECT.finditer(doc.text):
        quotes.append(Quote(match.group(1), match.start(1), match.end(1), "direct"))
    return quotes
