"""Narrative time: which time expression dates an event, following the story's own timeline.

In order (the name is the event's ``date_rule``):

- ``verb``: an expression the event's verb governs ("met on Tuesday");
- ``clause``: one inside the verb's own clause, or in the clause it shares as a conjunct without a
  subject of its own ("Delivering the report last February, he described ... and noted ...");
- ``report``: one of the clause that reports the act, only when report and act are one act: a
  reported present or future ("said on Friday it rejects the plan", "... it would retaliate"); a
  reported past act ("said on Monday that police had arrested them") is another, earlier act;
- ``sentence``: the nearest expression of the sentence that belongs to no other clause (a parse that
  hung the expression elsewhere);
- ``narrative``: for a past-tense act with none of its own, the time the paragraph or a run of
  sentences set ("On Sunday, the minister met ... He also promised ...");
- the article date (``article``, set by the caller).

A past-tense act is never dated after the article. Expressions that describe a noun ("the August
election") or stand in a reported clause never date the verb above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from dragoman.geotime.tense import PAST, governing_verb, verb_tense
from dragoman.nlp import doc_text
from dragoman.records import Event, TimeExpr

Dated = tuple[TimeExpr, tuple[str, str]]  # an expression and its (date, precision) as an event date
DateFound = tuple[str, str, str]  # date, precision, rule

DESCRIBING = frozenset({"acl", "relcl", "appos"})  # clauses and phrases that describe a noun
REPORTED = frozenset({"ccomp", "parataxis"})  # a clause another verb reports or introduces
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_NON_SPACE = re.compile(r"\S")
_FIRST_WORD = re.compile(r"\W*([A-Za-z]+)")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True)
class NarrativeWords:
    """The word lists narrative time reads (from the time tables)."""

    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    continuation_openers: frozenset[str]
    content_prepositions: frozenset[str]


def token_at(doc: Doc, start: int, end: int) -> Optional[Token]:
    """The syntactic head of the text between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def describes_a_noun(token: Optional[Token], below: Optional[Token] = None) -> bool:
    """Whether ``token`` stands in a clause or phrase describing a noun, on its way up to ``below``
    (or to the sentence root): in "sanctions against officials accused of rigging the August
    election", August dates the rigging, not the sanctions."""
    while token is not None and token.i != (below.i if below is not None else token.head.i):
        if token.dep_ in DESCRIBING:  # Token objects are made afresh: compare indices, not identity
            return True
        token = token.head
    return False


def within_clause(token: Token, top: Token, content: frozenset[str] = frozenset()) -> bool:
    """``token`` hangs from ``top`` without passing a clause that describes a noun or is reported.

    A premodifier of a noun ("a 2018 agreement", "Sunday's vote") dates that noun, and a gerund
    after a preposition of ``content`` ("accused them of violating it over the weekend") is an act
    of its own.
    """
    if _premodifies_noun(token) and token.head.i != top.i:
        return False
    while token.i != top.i:
        if token.dep_ in DESCRIBING or token.dep_ in REPORTED or token.head.i == token.i:
            return False
        if token.dep_ == "pcomp" and token.pos_ == "VERB" and token.head.lower_ in content:
            return False
        token = token.head
    return True


_PREMODIFIERS = frozenset({"nummod", "compound", "amod", "poss"})


def _premodifies_noun(token: Token) -> bool:
    head = token.head
    return token.dep_ in _PREMODIFIERS and token.i < head.i and head.pos_ in ("NOUN", "PROPN")


def _in_reported_clause(token: Token) -> bool:
    """Whether ``token`` stands inside a reported clause (on its way to the sentence root)."""
    while token.head.i != token.i:
        if token.dep_ in REPORTED:
            return True
        token = token.head
    return False


def shared_head(verb: Token) -> Optional[Token]:
    """The first conjunct of a verb that has no subject of its own: "described ... and noted"."""
    if verb.dep_ != "conj" or any(child.dep_ in _SUBJECTS for child in verb.children):
        return None
    head = verb.head
    while head.dep_ == "conj":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def reporting_verb(verb: Token, speech_verbs: frozenset[str]) -> Optional[Token]:
    """The speech verb whose reported clause holds ``verb`` ("said police had arrested ..." -> said)."""
    token = verb
    for _ in range(8):
        if token.head.i == token.i or token.dep_ in DESCRIBING:
            return None
        if token.dep_ in REPORTED and token.head.lemma_.lower() in speech_verbs:
            return token.head
        token = token.head
    return None


def _period_start(value: str) -> Optional[date]:
    """The first day of an event date of any precision: 2019-03-12, 2019-W10, 2019-03, 2019."""
    week = re.match(r"^(\d{4})-W(\d\d)", value)
    if week:
        return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
    parts = re.match(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    if parts is None:
        return None
    return date(int(parts.group(1)), int(parts.group(2) or 1), int(parts.group(3) or 1))


def _after(value: str, published: str) -> bool:
    """Whether an event date (of any precision) begins after the article's date."""
    try:
        start, story = _period_start(value), date.fromisoformat(published[:10])
    except ValueError:
        return False
    return start is not None and start > story


class EventDater:
    """Dates the events of one article; holds the article's expressions and the run anchors."""

    def __init__(self, doc: Doc, dated: list[Dated], published: Optional[str], words: NarrativeWords) -> None:
        self.doc = doc
        self.words = words
        self.published = published
        self.items = [(token_at(doc, t.start, t.end), t, d) for t, d in dated]
        self._times_by_sentence: Optional[list[tuple[int, int, tuple[str, str]]]] = None

    def date(self, event: Event) -> Optional[DateFound]:
        """(date, precision, rule) for the event, or None: the caller falls back to the article date."""
        trigger = token_at(self.doc, event.trigger.start, event.trigger.end)
        if trigger is None:
            free = [i for i in self.items if i[0] is not None and event.start <= i[1].start
                    and i[1].end <= event.end and not describes_a_noun(i[0])]
            return self._first("sentence", free, lambda: False, event.trigger.start)
        return self.date_of(trigger, event.start, event.end)

    def date_of(self, trigger: Token, start: int, end: int, depth: int = 0) -> Optional[DateFound]:
        """The date of the act a token names, in the sentence between two character offsets (see the
        module's docstring for the order)."""
        in_sentence = [i for i in self.items if i[0] is not None and start <= i[1].start and i[1].end <= end]
        if not in_sentence and self.anchor_before(start) is None:
            return None  # no time in the sentence and none the story set before it: the article's date
        verb = governing_verb(trigger)
        head = verb if verb is not None else trigger
        tense: list[bool] = []  # worked out once, and only when a rule needs it

        def past() -> bool:
            if not tense:
                words = self.words
                tense.append(verb is not None and verb_tense(verb, words.future_aux, words.future_verbs) == PAST)
            return tense[0]

        content = self.words.content_prepositions
        dated = self._first("verb", [i for i in in_sentence if governing_verb(i[0]) == trigger], past, trigger.idx)
        if dated:
            return dated
        own_clause = _clause_times(head, in_sentence, content)
        if head.i != trigger.i:  # a noun's own modifiers date the act it names ("the February invasion")
            own_clause += [i for i in in_sentence if trigger.is_ancestor(i[0])]
        dated = self._first("clause", own_clause, past, trigger.idx)
        if dated:
            return dated
        reporter = reporting_verb(head, self.words.speech_verbs)
        report_times = _clause_times(reporter, in_sentence, content) if reporter is not None else []
        if reporter is not None and not past():
            # a reported present or future is the saying itself: the saying's date is its date
            dated = self._first("report", report_times, past, trigger.idx)
            said = dated or (self.date_of(reporter, start, end, depth + 1) if depth < 3 else None)
            if said:
                return said[0], said[1], "report"
        # whatever belongs to a reported clause below the verb, to the report above it or describes a
        # noun does not date this act
        rest = [i for i in in_sentence if i not in report_times and not describes_a_noun(i[0])
                and not (head.is_ancestor(i[0]) and not within_clause(i[0], head, content))
                and not (_in_reported_clause(i[0]) and not _shares_reported_clause(head, i[0]))]
        dated = self._first("sentence", rest, past, trigger.idx)
        if dated:
            return dated
        if past():
            anchor = self.anchor_before(start)
            if anchor is not None and not (self.published and _after(anchor[0], self.published)):
                return anchor[0], anchor[1], "narrative"
        return None

    def _first(self, rule: str, found: list, past: Callable[[], bool], near: int) -> Optional[DateFound]:  # type: ignore[type-arg]
        """The expression nearest ``near`` among ``found``; a past act's never after the article."""
        if not found:
            return None
        if self.published and any(_after(i[2][0], self.published) for i in found) and past():
            found = [i for i in found if not _after(i[2][0], self.published)]
            if not found:
                return None
        _, _, (day, precision) = min(found, key=lambda item: abs(item[1].start - near))
        return day, precision, rule

    def anchor_before(self, sentence_start: int) -> Optional[tuple[str, str]]:
        """The time the paragraph, or a run of continuing sentences, set before the sentence that
        starts at ``sentence_start`` (a character offset): that of the
        nearest sentence before it whose main act has a time, unless a paragraph break between them
        opens without a continuation ("He also ...")."""
        if self._times_by_sentence is None:
            self._times_by_sentence = self._sentence_times()
        text = doc_text(self.doc)
        for start, end, value in reversed(self._times_by_sentence):
            if start >= sentence_start:
                continue
            # sentences keep the blank lines after them: the gap runs from the last visible character
            end = start + len(text[start:end].rstrip())
            visible = _NON_SPACE.search(text, sentence_start)
            for brk in _PARAGRAPH_BREAK.finditer(text, end, visible.start() if visible else sentence_start):
                if not self._continues(text, brk.end()):
                    return None
            return value
        return None

    def _sentence_times(self) -> list[tuple[int, int, tuple[str, str]]]:
        """(start, end, time) of each sentence whose main act has a time, in order."""
        # a sentence is one parse tree: its root, and the span of the root's subtree (no walk over
        # the doc's sentences, which costs more than the rest of narrative time together)
        timed: dict[int, tuple[Token, list[tuple[Token, tuple[str, str]]]]] = {}
        for token, _, value in self.items:
            if token is not None:
                top = _tree_root(token)
                timed.setdefault(top.i, (top, []))[1].append((token, value))
        found = []
        for top, items in sorted(timed.values(), key=lambda entry: entry[0].left_edge.i):
            own = self._sentence_time(top, items)
            if own is not None:
                last = top.right_edge
                found.append((top.left_edge.idx, last.idx + len(last), own))
        return found

    def _continues(self, text: str, start: int) -> bool:
        word = _FIRST_WORD.match(text, start)
        return word is not None and word.group(1).lower() in self.words.continuation_openers

    def _sentence_time(self, root: Token, timed: list[tuple[Token, tuple[str, str]]]) -> Optional[tuple[str, str]]:
        """The time of the sentence's main act: an expression of the root's own clause."""
        content = self.words.content_prepositions
        found = [(r, d) for r, d in timed if within_clause(r, root, content)]
        if not found and root.lemma_.lower() in self.words.speech_verbs:
            # "X did Y on Friday, officials said": the reported act is the story's act
            for clause in (c for c in root.children if c.dep_ in REPORTED):
                found += [(r, d) for r, d in timed if within_clause(r, clause, content)]
        direct = [d for r, d in found if governing_verb(r) == root]
        return direct[0] if direct else found[0][1] if found else None


def _tree_root(token: Token) -> Token:
    while token.head.i != token.i:
        token = token.head
    return token


def _clause_times(verb: Token, items: list, content: frozenset[str]) -> list:  # type: ignore[type-arg]
    """The items whose expression stands in ``verb``'s own clause, or in the clause it shares as a
    conjunct without a subject of its own (minus the other conjuncts' own branches)."""
    found = [i for i in items if within_clause(i[0], verb, content)]
    shared = shared_head(verb)
    if shared is not None:
        found += [i for i in items if within_clause(i[0], shared, content) and not _under_conj(i[0], shared)]
    return found


def _under_conj(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs from ``head`` through one of head's conjuncts."""
    while token.head.i != head.i:
        if token.head.i == token.i:
            return False
        token = token.head
    return token.dep_ == "conj"


def _shares_reported_clause(verb: Token, token: Token) -> bool:
    """Whether the innermost reported clause holding ``token`` also holds ``verb``."""
    while token.head.i != token.i:
        if token.dep_ in REPORTED:
            return token.i == verb.i or token.is_ancestor(verb)
        token = token.head
    return False
