"""The path an article travels: ingest -> nlp -> actors -> quotes -> events -> time/place.

``Pipeline`` loads every stage's knowledge once and codes articles in batches through
``nlp.pipe``; results come out in input order, with ``Skipped`` in place of rejected inputs.
"""

from __future__ import annotations

import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Optional, Union

from dragoman.actors import ActorResolver
from dragoman.config import Options
from dragoman.events import EventCoder, merge_mentions
from dragoman.geotime import PlaceResolver, TimeTagger, locate_events
from dragoman.ingest import prepare
from dragoman.ingest.dedup import Deduper
from dragoman.ingest.parallel import code_parallel
from dragoman.nlp import load_nlp
from dragoman.quotes import extract_quotes
from dragoman.records import ArticleMeta, ArticleRecord, RawArticle, Skipped

Result = Union[ArticleRecord, Skipped]
Prepared = Union[tuple[ArticleMeta, str], Skipped]
StoredCheck = Callable[[list[str]], set[str]]  # article ids -> those already stored
LINKED_IDS = 100_000  # far more than the articles in flight between coding and storing


class Pipeline:
    """Every stage, loaded once. ``timings`` accumulates seconds per stage for the benchmark."""

    def __init__(self, options: Optional[Options] = None) -> None:
        self.options = options or Options()
        self.nlp = load_nlp(self.options.model)
        self.actors = ActorResolver(self.options.actor_files)
        self.events = EventCoder(self.options.pattern_files)
        self.times = TimeTagger()
        self.places = PlaceResolver()
        self.timings: dict[str, float] = defaultdict(float)
        self.dedup: Optional[Deduper] = None  # set by ingest: near-copies are linked, not coded
        # article ids seen lately in the current run of code(): copies of an article still in flight are
        # caught here, older ones by is_stored, so only the most recent LINKED_IDS need remembering
        self._linked: OrderedDict[str, None] = OrderedDict()

    def code(
        self,
        inputs: Iterable[Union[RawArticle, Skipped]],
        is_stored: Optional[StoredCheck] = None,
    ) -> Iterator[Result]:
        """Code raw articles in input order; bad inputs come out as Skipped.

        ``is_stored(article_ids)`` (the ids of a chunk; returns those already stored) lets the caller
        skip articles it already has before they are parsed: they come out as Skipped with
        ``duplicate_of`` set.
        """
        iterator = iter(inputs)
        self._linked = OrderedDict()
        if self.options.workers > 1:
            yield from code_parallel(self, iterator, is_stored)
            return
        while True:
            chunk = list(islice(iterator, self.options.batch_size))
            if not chunk:
                return
            yield from self._code_chunk(chunk, is_stored)

    def code_text(self, text: str, published: Optional[str] = None, origin: str = "<text>") -> Result:
        """Code one text (a sentence or a whole article)."""
        options_published = published or self.options.published
        raw = RawArticle(origin=origin, text=text)
        prepared = prepare(raw, options_published, min_chars=1)
        if isinstance(prepared, Skipped):
            return prepared
        meta, body = prepared
        doc = self.nlp(body)
        return self._code_doc(meta, body, doc)

    def _code_chunk(
        self, chunk: list[Union[RawArticle, Skipped]], is_stored: Optional[StoredCheck]
    ) -> Iterator[Result]:
        started = time.perf_counter()
        prepared = self.link(self.prepare_chunk(chunk), is_stored)
        self.timings["ingest"] += time.perf_counter() - started
        yield from self.parse_and_code(prepared)

    def prepare_chunk(self, chunk: list[Union[RawArticle, Skipped]]) -> list[Prepared]:
        """Clean every input of a chunk (Skipped passes through)."""
        opts = self.options
        return [
            item if isinstance(item, Skipped) else prepare(item, opts.published, opts.min_chars, opts.english_only)
            for item in chunk
        ]

    def signatures(self, prepared: list[Prepared]) -> dict[str, bytes]:
        """Near-duplicate signatures of a chunk's articles (computed in the workers when there are some)."""
        if self.dedup is None:
            return {}
        return {p[0].id: self.dedup.signature(p[1]) for p in prepared if not isinstance(p, Skipped)}

    def link(
        self, prepared: list[Prepared], is_stored: Optional[StoredCheck], signatures: Optional[dict[str, bytes]] = None
    ) -> list[Prepared]:
        """Mark exact copies (stored, or earlier in this run) as Skipped and near-copies as duplicates."""
        out: list[Prepared] = []
        ids = [result[0].id for result in prepared if not isinstance(result, Skipped)]
        stored = is_stored(ids) if is_stored is not None and ids else set()
        for result in prepared:
            if not isinstance(result, Skipped):
                article_id = result[0].id
                if is_stored is not None and (article_id in self._linked or article_id in stored):
                    result = Skipped(result[0].origin or "", "already stored", duplicate_of=article_id)
                elif self.dedup is not None:
                    signature = signatures.get(article_id) if signatures else None
                    result[0].duplicate_of = self.dedup.check(article_id, result[1], signature)
                self._linked[article_id] = None
                if len(self._linked) > LINKED_IDS:
                    self._linked.popitem(last=False)
            out.append(result)
        return out

    def parse_and_code(self, prepared: list[Prepared]) -> Iterator[Result]:
        """Parse the chunk's articles in one nlp.pipe batch and run the stages; near-copies are not coded."""
        texts = [p[1] for p in prepared if not isinstance(p, Skipped) and not p[0].duplicate_of]
        started = time.perf_counter()
        docs = iter(list(self.nlp.pipe(texts, batch_size=self.options.batch_size)))
        self.timings["nlp"] += time.perf_counter() - started
        for item in prepared:
            if isinstance(item, Skipped):
                yield item
            elif item[0].duplicate_of:
                yield ArticleRecord(item[0], item[1])
            else:
                meta, text = item
                yield self._code_doc(meta, text, next(docs))

    def _code_doc(self, meta: ArticleMeta, text: str, doc) -> ArticleRecord:  # type: ignore[no-untyped-def]
        clock = time.perf_counter
        t0 = clock()
        actors = self.actors.extract(doc, meta.published)
        t1 = clock()
        quotes = extract_quotes(doc, actors)
        t2 = clock()
        events = self.events.code(doc, actors, quotes, meta.id)
        t3 = clock()
        times = self.times.extract(doc, meta.published)
        places = self.places.extract(doc, actors, meta.dateline)
        locate_events(events, doc, times, places, meta)
        events = merge_mentions(events)
        t4 = clock()
        for stage, seconds in (("actors", t1 - t0), ("quotes", t2 - t1), ("events", t3 - t2), ("geotime", t4 - t3)):
            self.timings[stage] += seconds
        return ArticleRecord(meta, text, actors, quotes, events, times, places)
