"""dragoman as a spaCy pipeline component: ``nlp.add_pipe("dragoman")``.

    import spacy
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("dragoman", config={"published": "2022-05-24"})
    doc = nlp(text)
    doc._.dragoman                      # the article record, the dict `dragoman.code(text)` returns
    doc.spans["dragoman_actors"]        # actors (label: CAMEO actor code), quotes (label: kind),
    doc.spans["dragoman_quotes"]        # event triggers (label: CAMEO event code), for displaCy
    doc.spans["dragoman_events"]        # (style="span") and the user's own components

The factory is registered under the ``spacy_factories`` entry point, so ``add_pipe("dragoman")``
works without importing dragoman first. The component codes ``doc.text`` with ``dragoman.Coder``
(through ``dragoman.code``, which keeps one coder per options): the record is exactly the one the
command line and the Python API give, whatever the user's pipeline predicted; it therefore
requires nothing of the pipeline before it. Record offsets refer to the cleaned text (a byline or
a repeated title is dropped); spans are placed on the doc by aligning the two texts.
A text dragoman cannot code (too short, not English) gets ``doc._.dragoman = None`` and the
reason in ``doc._.dragoman_skipped``.
"""

from __future__ import annotations

import difflib
import logging
from bisect import bisect_right
from pathlib import Path
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from dragoman.errors import InputError

log = logging.getLogger(__name__)

SPAN_KEYS = {"actors": "dragoman_actors", "quotes": "dragoman_quotes", "events": "dragoman_events"}
PUBLISHED_KEY = "dragoman.published"  # doc.user_data key: a publication date for this doc only

for _name in ("dragoman", "dragoman_skipped"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory(
    "dragoman",
    requires=[],
    assigns=["doc._.dragoman", "doc._.dragoman_skipped", "doc.spans"],
    default_config={"published": None, "config_file": None},
)
def make_dragoman(nlp: Language, name: str, published: Optional[str], config_file: Optional[str]) -> DragomanComponent:
    """The ``dragoman`` factory: ``published`` (YYYY-MM-DD) dates every doc unless its
    ``doc.user_data["dragoman.published"]`` says otherwise; ``config_file`` is a dragoman YAML config."""
    return DragomanComponent(published=published, config_file=config_file)


class DragomanComponent:
    """Codes each doc's text with dragoman and puts the record and its spans on the doc."""

    def __init__(self, published: Optional[str] = None, config_file: Optional[str] = None) -> None:
        from dragoman.config import load_options

        self.published = published
        self.options = load_options(Path(config_file) if config_file else None)

    def __call__(self, doc: Doc) -> Doc:
        import dragoman

        published = doc.user_data.get(PUBLISHED_KEY, self.published)
        try:
            record = dragoman.code(doc.text, published=published, options=self.options)
        except InputError as exc:
            log.info("dragoman: doc not coded: %s", exc)
            doc._.dragoman, doc._.dragoman_skipped = None, str(exc)
            return doc
        doc._.dragoman = record
        place = _aligner(record["text"], doc.text)
        doc.spans[SPAN_KEYS["actors"]] = _spans(
            doc, place, ((a["start"], a["end"], a["code"] or "ACTOR") for a in record["actors"]))
        doc.spans[SPAN_KEYS["quotes"]] = _spans(
            doc, place, ((q["start"], q["end"], q["kind"].upper()) for q in record["quotes"]))
        doc.spans[SPAN_KEYS["events"]] = _spans(
            doc, place, ((e["trigger"]["start"], e["trigger"]["end"], e["cameo"]) for e in record["events"]))
        return doc


def _spans(doc: Doc, place: Any, items: Any) -> list[Span]:
    spans = []
    for start, end, label in items:
        where = place(start, end)
        span = doc.char_span(*where, label=label, alignment_mode="expand") if where else None
        if span is not None:
            spans.append(span)
    return spans


def _aligner(cleaned: str, original: str) -> Any:
    """A function mapping a (start, end) of the cleaned text to the doc's text, or None when the
    characters were not kept (identical texts map to themselves)."""
    if cleaned == original:
        return lambda start, end: (start, end)
    blocks = [b for b in difflib.SequenceMatcher(None, cleaned, original, autojunk=False).get_matching_blocks()
              if b.size]
    starts = [b.a for b in blocks]

    def one(position: int) -> Optional[int]:
        i = bisect_right(starts, position) - 1
        if i < 0 or position >= blocks[i].a + blocks[i].size:
            return None
        return blocks[i].b + position - blocks[i].a

    def place(start: int, end: int) -> Optional[tuple[int, int]]:
        first, last = one(start), one(end - 1)
        return (first, last + 1) if first is not None and last is not None and last >= first else None

    return place
