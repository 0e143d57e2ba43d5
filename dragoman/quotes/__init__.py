"""Quotes stage: direct, indirect and mixed quotations with their speaker and cue.

Interface used by the pipeline: ``extract_quotes(doc, actors) -> list[Quote]``.

How a quote's content is represented:

- ``start``/``end`` span the content only, without the quotation marks. A quote split by its
  attribution (``"We will not," Lavrov said, "accept these terms."``) is one Quote whose span runs
  from the start of the first part to the end of the last part; its ``text`` holds the parts
  without the attribution, joined by one space. A quote running over several paragraphs is one
  Quote from its first to its last paragraph; its ``text`` joins the paragraphs with a blank line.
- ``kind`` is ``direct`` when the content is a quotation, ``mixed`` when a reported clause holds a
  quoted fragment (``Zakharova said the talks were "going nowhere"``, ``X called the plan "a
  disaster"``, ``In cases of X, she said, "the ..."``) and ``indirect`` otherwise.
- Only the outermost attribution is kept, as the guidelines annotate it: in ``Officials dismissed
  his claim that ...`` the claim is part of what was dismissed.
- ``rule`` names how the speaker was found: ``same-sentence:nsubj``, ``same-sentence:parataxis``,
  ``quoted-as-saying``, ``according-to``, ``infinitive``, ``naming``, ``object``,
  ``prepositional``, ``topic``, ``clause``, ``nominal``, ``record``, ``in-record``, ``colon-intro``,
  ``adjacent-sentence``, ``floating:previous-speaker``; ``None`` when no speaker was found.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from dragoman.quotes.attribution import Cue, find_cues
from dragoman.quotes.lexicon import CueLexicon, load_lexicon
from dragoman.quotes.marks import MarkedQuote, scan_marks
from dragoman.quotes.matching import QuoteExtractor
from dragoman.records import Actor, Quote

__all__ = ["Cue", "CueLexicon", "MarkedQuote", "QuoteExtractor", "extract_quotes", "find_cues",
           "load_lexicon", "scan_marks"]


def extract_quotes(doc: Doc, actors: list[Actor], extra_files: Sequence[Path] = ()) -> list[Quote]:
    """Every quotation in a parsed article, with its cue and speaker, in text order."""
    return QuoteExtractor(load_lexicon(extra_files)).extract(doc, actors)
