"""The coder: every stage loaded once, and the one path an article travels through them.

    nlp -> actors -> quotes -> events -> time/place

``Coder`` holds only what is loaded (the spaCy pipeline, dictionaries, patterns, gazetteer); it
keeps no state between articles, so one instance serves the CLI, the run driver's forked workers,
``recode``, the evaluators and the Python API alike. Per-run state (timings, which articles a run
has seen) belongs to the caller: see ``dragoman.run``.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Optional, Union

from spacy.tokens import Doc

from dragoman import __version__
from dragoman.actors import ActorResolver
from dragoman.config import Options
from dragoman.errors import InputError
from dragoman.events import EventCoder, Explanation, merge_mentions
from dragoman.geotime import PlaceResolver, TimeTagger, locate_events
from dragoman.ingest import prepare
from dragoman.ingest.prepare import prepare_with
from dragoman.nlp import load_nlp
from dragoman.quotes import QuoteExtractor, load_lexicon as load_cue_lexicon
from dragoman.records import ArticleMeta, ArticleRecord, RawArticle, Skipped

DATA_DIR = Path(__file__).resolve().parent / "data"

# data folders that describe output formats (export columns, JSON Schemas), not how articles are coded:
# a change there must not make `recode` code every article again
OUTPUT_FORMATS = frozenset({"export", "schema"})
CleanArticle = tuple[ArticleMeta, str]  # metadata and the cleaned text every offset refers to
Cleaned = Union[CleanArticle, Skipped]
Result = Union[ArticleRecord, Skipped]
Timings = MutableMapping[str, float]  # stage -> seconds, owned by whoever runs the coder
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE)


@dataclass
class Trace:
    """What ``Coder.explain`` returns: the record, and what the event coder tried on the way to it."""

    record: ArticleRecord
    explanation: Explanation


class Coder:
    """Every stage, loaded once from ``options``; ``code`` turns one article into its record.

    Treat an instance as read-only: forked workers share its memory pages.
    """

    def __init__(self, options: Optional[Options] = None) -> None:
        self.options = options or Options()
        opts = self.options
        self.nlp = load_nlp(opts.model)
        self.actors = ActorResolver(opts.actor_files)
        self.quotes = QuoteExtractor(load_cue_lexicon(opts.quote_files))
        self.events = EventCoder(opts.pattern_files)
        self.times = TimeTagger(tuple(opts.time_files))
        self.places = PlaceResolver(tuple(opts.place_files))
        self.coded_with = f"{__version__}+{knowledge_hash(opts, self.nlp.meta)}"

    # -- one article ---------------------------------------------------------------------------
    def code(
        self,
        text_or_html: str,
        *,
        published: Optional[str] = None,
        url: Optional[str] = None,
        title: Optional[str] = None,
        source: Optional[str] = None,
        origin: str = "<text>",
    ) -> ArticleRecord:
        """Code one article given as plain text or as an HTML page.

        ``published`` (YYYY-MM-DD) wins over dates found in the article, as ``--published`` does.
        Raises ``InputError`` with the reason when the article cannot be coded (too short, not English).
        """
        raw = to_raw(text_or_html, origin=origin, url=url, title=title, source=source)
        cleaned = self.clean(raw, published)
        if isinstance(cleaned, Skipped):
            raise InputError(f"{cleaned.origin}: {cleaned.reason}")
        return next(self.code_cleaned([cleaned]))  # type: ignore[return-value]

    def explain(self, text: str, published: Optional[str] = None) -> Trace:
        """Code a sentence or an article and keep what was tried: parse, actors, every pattern, decisions."""
        cleaned = prepare(RawArticle(origin="<explain>", text=text), published, min_chars=1, english_only=False)
        if isinstance(cleaned, Skipped):
            raise InputError(f"nothing to explain: {cleaned.reason}")
        meta, body = cleaned
        explanation = Explanation()
        record = self._code_doc(meta, body, self.nlp(body), explanation=explanation)
        return Trace(record, explanation)

    # -- many articles -------------------------------------------------------------------------
    def code_many(self, items: Iterable[Union[str, RawArticle, Skipped]]) -> Iterator[Result]:
        """Code texts or raw articles in input order, parsing in batches; bad inputs come out as Skipped."""
        # a text is named by its place in the whole input, so no two share an origin across batches
        raws = (to_raw(item, origin=f"<text#{n}>") if isinstance(item, str) else item
                for n, item in enumerate(items, 1))
        while True:
            chunk = list(islice(raws, self.options.batch_size))
            if not chunk:
                return
            yield from self.code_cleaned(self.clean_many(chunk))

    def clean(self, raw: RawArticle, published: Optional[str] = None) -> Cleaned:
        """Extract and clean one raw article (or say why it cannot be coded)."""
        return prepare_with(raw, self.options, published)

    def clean_many(self, items: Sequence[Union[RawArticle, Skipped]]) -> list[Cleaned]:
        """``clean`` for each raw article of a chunk; Skipped passes through."""
        return [item if isinstance(item, Skipped) else self.clean(item) for item in items]

    def code_cleaned(self, items: Sequence[Cleaned], timings: Optional[Timings] = None) -> Iterator[Result]:
        """Parse a chunk of cleaned articles in one ``nlp.pipe`` batch and run the stages, in input order.

        A near-copy (``meta.duplicate_of`` set by the run driver) comes out uncoded: its first copy
        carries the events. ``timings`` (stage -> seconds) is added to when given.
        """
        texts = [item[1] for item in items if not isinstance(item, Skipped) and not item[0].duplicate_of]
        started = time.perf_counter()
        docs = iter(list(self.nlp.pipe(texts, batch_size=self.options.batch_size)))
        if timings is not None:
            timings["nlp"] = timings.get("nlp", 0.0) + time.perf_counter() - started
        for item in items:
            if isinstance(item, Skipped):
                yield item
            elif item[0].duplicate_of:
                yield ArticleRecord(item[0], item[1])
            else:
                yield self._code_doc(item[0], item[1], next(docs), timings)

    # -- the stages ----------------------------------------------------------------------------
    def _code_doc(
        self,
        meta: ArticleMeta,
        text: str,
        doc: Doc,
        timings: Optional[Timings] = None,
        explanation: Optional[Explanation] = None,
    ) -> ArticleRecord:
        """The stage sequence, written once: every surface that codes comes through here."""
        clock = time.perf_counter
        t0 = clock()
        actors = self.actors.extract(doc, meta.published)
        t1 = clock()
        quotes = self.quotes.extract(doc, actors)
        t2 = clock()
        if explanation is None:
            events = self.events.code(doc, actors, quotes, meta.id)
        else:
            events = self.events.explain(doc, actors, quotes, meta.id, explanation).events
        t3 = clock()
        times = self.times.extract(doc, meta.published)
        places = self.places.extract(doc, actors, meta.dateline)
        locate_events(events, doc, times, places, meta, self.places)
        events = merge_mentions(events)
        t4 = clock()
        if explanation is not None:
            explanation.events = events
        if timings is not None:
            for stage, seconds in (("actors", t1 - t0), ("quotes", t2 - t1), ("events", t3 - t2), ("geotime", t4 - t3)):
                timings[stage] = timings.get(stage, 0.0) + seconds
        return ArticleRecord(meta, text, actors, quotes, events, times, places)


def to_raw(
    item: Union[str, RawArticle, Skipped],
    *,
    origin: str = "<text>",
    url: Optional[str] = None,
    title: Optional[str] = None,
    source: Optional[str] = None,
) -> Union[RawArticle, Skipped]:
    """A raw article from a string: HTML when it starts like a page, else plain text."""
    if not isinstance(item, str):
        return item
    if _HTML_START.match(item):
        return RawArticle(origin=origin, html=item, url=url, title=title, source=source)
    return RawArticle(origin=origin, text=item, url=url, title=title, source=source)


def knowledge_hash(options: Options, model_meta: Optional[dict] = None) -> str:  # type: ignore[type-arg]
    """12 hex digits naming what coding depends on besides the code: every shipped knowledge file,
    the user's own files (by content) and the spaCy pipeline. Stored per article as ``coded_with``,
    so ``recode`` knows which articles an update of any of them concerns."""
    digest = hashlib.sha256()
    for path in sorted(p for p in DATA_DIR.rglob("*")
                       if p.is_file() and p.suffix != ".md" and p.relative_to(DATA_DIR).parts[0] not in OUTPUT_FORMATS):
        digest.update(path.relative_to(DATA_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    user_files = [*options.actor_files, *options.pattern_files, *options.quote_files, *options.time_files,
                  *options.place_files]
    for path in map(Path, user_files):
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(b"user:" + file.name.encode())
                digest.update(file.read_bytes())
    meta = model_meta or {}
    digest.update(f"model:{meta.get('name')}:{meta.get('version')}".encode())
    return digest.hexdigest()[:12]
