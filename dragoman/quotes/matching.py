"""Join quote marks and parse cues into Quotes, and attribute the quotes no cue claims.

Order of attribution for a quotation without a cue of its own: a cue verb in the same sentence
(outside the quotation), a colon introduction (``Lavrov: "..."``, ``X said: "..."``), a cue
sentence right before or after it, and last the previous quote's speaker (a floating quote).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from typing import Optional

from spacy.tokens import Doc, Span, Token

from dragoman.nlp import doc_text
from dragoman.nlp.syntax import SPEAKER, subject_of
from dragoman.quotes.attribution import Cue, cue_key, find_cues, speaker_span
from dragoman.quotes.attribution import token_starts as doc_token_starts
from dragoman.quotes.lexicon import CueLexicon
from dragoman.quotes.marks import MarkedQuote, scan_marks
from dragoman.quotes.speakers import SpeakerIndex
from dragoman.records import Actor, Quote

_WORD = re.compile(r"\w+")
_SPLIT_GAP_WORDS = 12  # an interrupting attribution is short: "Lavrov told reporters on Tuesday"
_GAP_SENTENCE_WORDS = 45  # "...," Graham, a former candidate, told CBS News on Tuesday, when ... "..."
_LEAD_IN_WORDS = 3  # more words between cue and quotation make it mixed; fewer only when _woven says so
_MIN_STANDALONE_WORDS = 4  # shorter unattributed quotations are scare quotes or titles
_CLOSING_MARKS = "”’'\""
_SETTING_PREPOSITIONS = ("in", "on", "at", "during", "after", "before", "from", "via", "through", "to")
_CLAUSE_BREAKS = (";", ":", "and", "but", "or", "—", "–")  # a fronted phrase starts after these
_SENTENCE_INSIDE = re.compile(r"[?!]|\.\s")
_COLON_NAME = re.compile(r"^\s*((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)\s*:\s*$")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def outermost(cues: list[Cue]) -> list[Cue]:
    """The cues that no other cue's content holds: the guidelines annotate only the outermost
    attribution ("X criticized Y for saying that ..." is X's, not Y's)."""
    spans = sorted((start, end, k) for k, cue in enumerate(cues) for start, end in cue.content)
    starts = [span[0] for span in spans]
    longest = max((end - start for start, end, _ in spans), default=0)
    holders: list[set[int]] = []
    for k, cue in enumerate(cues):
        first = bisect_right(starts, cue.cue_start - longest - 1)
        last = bisect_right(starts, cue.cue_start)
        holders.append({j for start, end, j in spans[first:last] if j != k and cue.cue_end <= end})
    # Two cues that hold each other are two readings of one clause: keep both.
    return [cue for k, cue in enumerate(cues) if all(k in holders[j] for j in holders[k])]


def merge_split_quotes(doc: Doc, marks: list[MarkedQuote], cue_verbs: frozenset[str]) -> list[MarkedQuote]:
    """Join the parts of one quotation that its attribution or a sentence break interrupts.

    ``"We will not," Lavrov said, "accept these terms."`` and ``"We will not," Lavrov said. "Never."``
    are one quotation of two parts, as are back-to-back quoted sentences in one paragraph and a
    quotation paragraph that carries on the one before. Parts never join across a gap that is more
    than one short attribution: a second cue (``she said, then added: "B"``) opens a new quote.
    """
    text = doc_text(doc)
    token_starts = doc_token_starts(doc)
    merged: list[MarkedQuote] = []
    anchor: Optional[int] = None  # index in ``merged`` of the quotation a next part may join
    for k, mark in enumerate(marks):
        if mark.single or _is_title(text[mark.start : mark.end]):
            merged.append(mark)  # a title inside an attribution ("said on "Meet the Press"") is no part
            continue
        if anchor is not None:
            previous = merged[anchor]
            gap = text[previous.outer_end : mark.outer_start]
            following = marks[k + 1].outer_start if k + 1 < len(marks) else len(text)
            if (not _runs_on(text, mark)
                    and not _attribution_after(doc, token_starts, mark, following, cue_verbs)) and (
                ("\n" not in gap
                 and (not gap.strip() or _is_attribution_gap(doc, token_starts, previous, mark, cue_verbs)))
                or _continues_in_paragraph(text, previous, mark, gap, doc, token_starts, cue_verbs)
            ):
                merged[anchor] = MarkedQuote(previous.parts + mark.parts, open_width=previous.open_width,
                                             close_width=mark.close_width)
                del merged[anchor + 1 :]  # titles inside the gap belong to the attribution
                continue
        merged.append(mark)
        anchor = len(merged) - 1
    return merged


def _runs_on(text: str, mark: MarkedQuote) -> bool:
    """True when the author's words carry the sentence on after the quotation
    (``"... to the breaking point" to lift the share price.``): a fragment, not a part."""
    if text[mark.end - 1 : mark.end] in ".?!,":
        return False
    after = re.match(r"[^.?!\n]*", text[mark.outer_end : mark.outer_end + 200])
    return after is not None and _words(after.group(0)) > 0


def _continues_in_paragraph(text: str, previous: MarkedQuote, mark: MarkedQuote, gap: str, doc: Doc,
                            token_starts: list[int], cue_verbs: frozenset[str]) -> bool:
    """A paragraph that is nothing but a quotation continues the quotation that ends the paragraph
    before it, right at its end or followed by a short attribution ("..., he said."); the guidelines
    annotate such a continuation as part of the same content."""
    if "\n" not in gap or gap[gap.index("\n") :].strip() or _words(gap) > _GAP_SENTENCE_WORDS:
        return False
    line_end = text.find("\n", mark.outer_end)
    rest = text[mark.outer_end : line_end if line_end >= 0 else len(text)]
    if rest.strip() or text[text.rfind("\n", 0, mark.outer_start) + 1 : mark.outer_start].strip():
        return False
    said = gap[: gap.index("\n")]
    # Nothing between: the quotation before ended its paragraph and this one carries it on.
    return _words(said) == 0 or _has_cue(doc, token_starts, previous.outer_end,
                                          previous.outer_end + len(said), cue_verbs)


def _has_cue(doc: Doc, token_starts: list[int], start: int, end: int, cue_verbs: frozenset[str]) -> bool:
    return _cue_count(doc, token_starts, start, end, cue_verbs) > 0


def _cue_count(doc: Doc, token_starts: list[int], start: int, end: int, cue_verbs: frozenset[str]) -> int:
    first = bisect_right(token_starts, start - 1)
    last = bisect_right(token_starts, end - 1)
    return sum(t.pos_ in ("VERB", "AUX") and cue_key(t, cue_verbs) is not None for t in doc[first:last])


def _attribution_after(doc: Doc, token_starts: list[int], mark: MarkedQuote, limit: int,
                       cue_verbs: frozenset[str]) -> bool:
    """True when a short attribution ("..., he added.") follows the quotation in its sentence."""
    text = doc_text(doc)
    end = min(limit, len(text))
    stop = re.compile(r"[.!?\n]")
    found = stop.search(text, mark.outer_end, end)
    end = found.end() if found else end
    return _words(text[mark.outer_end : end]) <= _SPLIT_GAP_WORDS and _has_cue(
        doc, token_starts, mark.outer_end, end, cue_verbs)


def _is_attribution_gap(doc: Doc, token_starts: list[int], previous: MarkedQuote, mark: MarkedQuote,
                        cue_verbs: frozenset[str]) -> bool:
    """``"A," X said, "B"`` / ``"A," X said. "B"``: a short gap with a cue after a part left open."""
    text = doc_text(doc)
    # A title may close the attribution: ``"A," he said on "Meet the Press." "B."``
    gap = text[previous.outer_end : mark.outer_start].strip().rstrip(_CLOSING_MARKS)
    last_part = text[previous.parts[-1][0] : previous.parts[-1][1]].rstrip().rstrip(_CLOSING_MARKS)
    if not gap or gap[-1] not in ",.:" or _words(gap) > (_SPLIT_GAP_WORDS if gap[-1] == "," else _GAP_SENTENCE_WORDS):
        return False
    if not (last_part[-1:] in (",", "?", "!", "—", "–", "-") or gap.startswith(",")):
        return False
    # One cue: "A," she said. "B." Two open a new attribution: "A," she said, then added: "B."
    return _cue_count(doc, token_starts, previous.outer_end, mark.outer_start, cue_verbs) == 1


def _nearby_speaker(verb: Token, mark: MarkedQuote) -> Optional[Token]:
    """A misparsed trailing attribution (``"...," Ramos, 58, told AFP``): the name next to the verb."""
    doc = verb.doc
    if verb.idx < mark.outer_end:
        return None
    between = [t for t in doc[max(0, verb.i - 8) : verb.i] if t.idx >= mark.outer_end]
    nominal = [t for t in between if t.pos_ in ("PROPN", "PRON", "NOUN")]
    if nominal and len(between) < 8:
        # The head of the first noun phrase: its last noun before any comma.
        run = [nominal[0]]
        for t in doc[nominal[0].i + 1 : verb.i]:
            if t.pos_ not in ("PROPN", "NOUN"):
                break
            run.append(t)
        return run[-1]
    after = doc[verb.i + 1 : verb.i + 6]
    for t in after:
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
        if t.is_punct:
            break
    return None


def _opens_sentence(text: str, mark: MarkedQuote, also: str = "") -> bool:
    """True when nothing but a sentence or paragraph break (or a mark of ``also``) comes before
    the opening mark."""
    before = text[: mark.outer_start].rstrip(" \t\u00a0")
    return not before or before[-1] in ".?!\n”\"'" + also


def _is_own_sentence(text: str, mark: MarkedQuote) -> bool:
    """True when the quotation stands as whole sentences: nothing but space around its marks."""
    before = text[: mark.outer_start].rstrip(" \t\u00a0")
    if before and before[-1] not in ".?!:\n”\"'":
        return False
    inner = text[mark.parts[-1][0] : mark.parts[-1][1]].rstrip()
    after = text[mark.outer_end :].lstrip(" \t\u00a0")
    return inner[-1:] in (".", "?", "!", "…") or not after or after[0] in "\n“\"'"


def _is_title(content: str) -> bool:
    """Every word capitalised: "State of the Union" names a show, nobody says it."""
    if _SENTENCE_INSIDE.search(content.rstrip()):
        return False  # "Why now? That was on my way to Boston?" asks, a title does not
    words = [w for w in _WORD.findall(content) if len(w) > 3]
    if len(words) == 1 and content.rstrip()[-1:] in (",", ".", "?", "!"):
        return False  # "They sue," is a sentence that happens to start with a capital
    if not words or not all(w[0].isupper() for w in words):
        return False
    # "That's the way it is, Nicole." is a sentence: more small lower-case words than capitalised ones.
    every = [w for w in re.findall(r"[^\W\d_]+", content) if len(w) > 1]
    lower = sum(w[0].islower() for w in every)
    return lower <= len(every) - lower


def _introduced(text: str, start: int, end: int, marks: list[MarkedQuote]) -> bool:
    """``X asked at the school, "Any questions?"``: the words before the quotation end in a comma
    or colon that introduces it, and none follow it, so the quotation alone is the content."""
    lead = text[start : marks[0].outer_start].rstrip()
    return lead[-1:] in (",", ":") and _words(text[marks[-1].outer_end : end]) == 0


def _fronted(doc: Doc, mark: MarkedQuote, subject: Token) -> Optional[tuple[int, int]]:
    """The words that open a sentence before a quotation that carries the sentence on in lower
    case, around a parenthetical attribution (``In cases of abortion, it said, "the woman is ..."``)
    or before one after it (``But when it comes to pay, "we've all worked hard," he said.``): their
    character span, or None. The guidelines make such a content a mixture of paraphrase and quote."""
    text = doc_text(doc)
    first_char = text[mark.start : mark.start + 1]
    verb = subject.head
    if not first_char.islower():
        return None
    if verb.idx >= mark.outer_end:
        # ``But when it comes to pay, "we've all worked hard," he said.``, ``Mills "got a deal," he said.``
        opening = doc.char_span(mark.outer_start, mark.outer_start + 1, alignment_mode="expand")
        if opening is None or not len(opening):
            return None
        sent = opening[0].sent
        before = [t for t in sent if t.idx < mark.outer_start and not t.is_space]
        if not before or before[-1].text in (".", "?", "!", ":", "”", '"', "'", "''", "“"):
            return None
        end = before[-1].idx if before[-1].text == "," else before[-1].idx + len(before[-1].text)
        first = before[-1].i - 1 if before[-1].text == "," else before[-1].i
        while first > sent.start and (doc[first - 1].lower_ not in _CLAUSE_BREAKS or first - 1 == sent.start):
            first -= 1
        if "\n" in text[doc[first].idx : mark.outer_start] or any(
                t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "parataxis")
                for t in doc[first : before[-1].i]):
            return None  # a clause of the author's own, not an opening phrase
        return doc[first].idx, end
    if not subject.i < verb.i or verb.idx > mark.outer_start:
        return None
    comma = subject.left_edge.i - 1
    sent_start = subject.sent.start
    if comma <= sent_start or doc[comma].text != ",":
        return None
    between = text[verb.idx + len(verb.text) : mark.outer_start]
    if _words(between) > _LEAD_IN_WORDS or between.rstrip()[-1:] not in (",", ":"):
        return None  # the quotation must follow the attribution right away
    first = comma - 1
    while first > sent_start and (doc[first - 1].lower_ not in _CLAUSE_BREAKS or first - 1 == sent_start):
        first -= 1
    if "\n" in text[doc[first].idx : doc[comma].idx]:
        return None
    return doc[first].idx, doc[comma].idx


def _join(text: str, parts: list[tuple[int, int]]) -> str:
    pieces = [text[parts[0][0] : parts[0][1]]]
    for (_, prev_end), (start, end) in pairwise(parts):
        pieces.append("\n\n" if "\n" in text[prev_end:start] else " ")
        pieces.append(text[start:end])
    return "".join(pieces)


class QuoteExtractor:
    """Extracts the quotes of parsed articles with one cue lexicon."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon
        self._standalone_verbs = lexicon.speech_verbs | lexicon.naming_verbs

    def extract(self, doc: Doc, actors: list[Actor]) -> list[Quote]:
        """Every quotation in ``doc``, in text order."""
        text = doc_text(doc)
        marks = merge_split_quotes(doc, scan_marks(text), self.lexicon.speech_verbs)
        cues = outermost(find_cues(doc, self.lexicon))
        index = SpeakerIndex(actors)
        token_starts = doc_token_starts(doc)
        found: dict[tuple[int, int], Quote] = {}
        used: set[int] = set()
        for cue in cues:
            if any(mark.covers(cue.cue_start) for mark in marks):
                continue  # speech reported inside a quotation belongs to the quotation
            quote = self._from_cue(doc, cue, marks, used, index)
            found.setdefault((quote.start, quote.end), quote)
        quotes = sorted(found.values(), key=lambda q: q.start)
        for k, mark in enumerate(marks):
            if k in used:
                continue
            quote = self._standalone(doc, mark, cues, quotes, index, token_starts)
            if quote is not None:
                if quote.kind == "mixed":
                    # ``X suggested A: "B"``: the clause A is part of the mixed quote, not one of its own.
                    quotes = [q for q in quotes if not (quote.start <= q.start and q.end <= quote.end
                                                        and q.cue == quote.cue)]
                quotes.append(quote)
                quotes.sort(key=lambda q: q.start)
        return quotes

    def _from_cue(self, doc: Doc, cue: Cue, marks: list[MarkedQuote], used: set[int],
                  index: SpeakerIndex) -> Quote:
        text = doc_text(doc)
        speaker = index.resolve(doc, cue.speaker, cue.speaker_head) if cue.speaker else None
        rule = cue.rule if speaker is not None else None
        inside = [m for m in marks if m.covers(cue.cue_start)]
        overlapping = [k for k, m in enumerate(marks) if m.start < cue.end and cue.start < m.end
                       and not (inside and m is inside[0])]
        if not overlapping:
            return Quote(_join(text, cue.content), cue.start, cue.end, "indirect", cue.cue, speaker, rule)
        used.update(overlapping)
        chosen = [marks[k] for k in overlapping]
        outside = self._outside_marks(text, cue, chosen)
        if (_WORD.findall(outside.lower()) in ([], ["that"])
                or _introduced(text, cue.start, cue.end, chosen)):
            parts = [p for m in chosen for p in m.parts]
            fronted = _fronted(doc, chosen[0], doc[cue.speaker_head]) if cue.speaker_head is not None else None
            if fronted is not None:
                return Quote(_join(text, [fronted, *parts]), fronted[0], parts[-1][1], "mixed", cue.cue,
                             speaker, rule)
            return Quote(_join(text, parts), parts[0][0], parts[-1][1], "direct", cue.cue, speaker, rule)
        start = min(cue.start, chosen[0].start)
        end = max(cue.end, chosen[-1].end)
        return Quote(text[start:end], start, end, "mixed", cue.cue, speaker, rule)

    @staticmethod
    def _outside_marks(text: str, cue: Cue, marks: list[MarkedQuote]) -> str:
        """The content words of a cue that lie outside every quotation it overlaps."""
        pieces = []
        for start, end in cue.content:
            position = start
            for mark in marks:
                for part_start, part_end in mark.parts:
                    if part_end <= position or part_start >= end:
                        continue
                    pieces.append(text[position : max(position, part_start)])
                    position = max(position, part_end)
            pieces.append(text[position:end])
        return " ".join(pieces)

    def _standalone(self, doc: Doc, mark: MarkedQuote, cues: list[Cue], quotes: list[Quote],
                    index: SpeakerIndex, token_starts: list[int]) -> Optional[Quote]:
        text = doc_text(doc)
        content = _join(text, mark.parts)
        if _is_title(content):
            return None
        found = self._colon_intro(doc, mark, token_starts)
        if found is None and _words(content) < _MIN_STANDALONE_WORDS:
            # A scare quote, not a statement, unless a whole short sentence opens its own sentence
            # and its attribution follows: ``"Quiet," he demanded.``
            if not (content.rstrip()[-1:] in (",", ".", "?", "!") and _opens_sentence(text, mark, ",:")):
                return None
            found = self._same_sentence(doc, mark, token_starts)
            if found is None:
                return None
        if found is None:
            found = self._same_sentence(doc, mark, token_starts)
        if found is None:
            if not _is_own_sentence(text, mark) or mark.single:
                # A fragment woven into a sentence without a cue; single marks around a sentence
                # of their own set off a subheading.
                return None
            found = self._adjacent(doc, mark, token_starts)
        if found is not None:
            cue_name, subject, rule = found
            speaker: Optional[Actor] = index.resolve(doc, speaker_span(subject), subject.i)
            if rule == "adjacent-sentence":
                # The cue's sentence is over: the quotation stands on its own.
                return Quote(content, mark.start, mark.end, "direct", cue_name, speaker, rule)
            fronted = _fronted(doc, mark, subject)
            if fronted is not None:
                # "In cases of abortion, it said, "the woman is a victim."": one statement, partly paraphrased.
                parts = [fronted, *mark.parts]
                return Quote(_join(text, parts), fronted[0], mark.end, "mixed", cue_name, speaker, rule)
            lead = self._lead_in(doc, mark, subject, token_starts)
            if lead is not None:
                # "Cruz said Rubio will remain "a champion ..."": the clause around the fragment is the content.
                return Quote(text[lead : mark.end], lead, mark.end, "mixed", cue_name, speaker, rule)
            return Quote(content, mark.start, mark.end, "direct", cue_name, speaker, rule)
        previous = [q for q in quotes if q.end <= mark.start and q.speaker is not None]
        if previous:
            last = previous[-1]
            return Quote(content, mark.start, mark.end, "direct", last.cue, last.speaker,
                         "floating:previous-speaker")
        return Quote(content, mark.start, mark.end, "direct")

    def _lead_in(self, doc: Doc, mark: MarkedQuote, subject: Token, token_starts: list[int]) -> Optional[int]:
        """Start of the reported clause when words stand between the cue verb and the quotation."""
        verb = subject.head
        if verb.idx >= mark.outer_start or subject.idx >= mark.outer_start:
            return None
        verb_end = verb.idx + len(verb.text)
        between = doc_text(doc)[verb_end : mark.outer_start]
        if "\n" in between or between.rstrip()[-1:] == ",":
            return None
        if (_words(between) <= _LEAD_IN_WORDS or between.rstrip()[-1:] == ":") and not self._woven(doc, verb, mark):
            return None  # "X said Tuesday: "..."": the colon introduces the quotation alone
        first = self._token_at(doc, verb_end, token_starts).i + 1
        while first < len(doc) and (doc[first].is_punct or doc[first].is_space):
            first += 1
        return doc[first].idx if first < len(doc) and doc[first].idx < mark.outer_start else None

    def _woven(self, doc: Doc, verb: Token, mark: MarkedQuote) -> bool:
        """True when words of the author's own stand between the verb and the quotation
        (``called the chaos "a lesson"``, ``described him as "tough"``), not just the person
        spoken to (``told reporters "..."``), a time or a "that"."""
        for token in doc[verb.i + 1 :]:
            if token.idx >= mark.outer_start:
                return False
            if token.is_punct or token.is_space or token.lower_ == "that":
                continue
            node = token
            while node.head.i != verb.i and node.head.i != node.i:
                node = node.head
            if node.head.i == verb.i and node.dep_ in ("dative", "npadvmod", "advmod", "prt", "aux", "neg"):
                continue
            if node.head.i == verb.i and node.dep_ == "prep" and node.lower_ in _SETTING_PREPOSITIONS:
                continue  # "said in a statement", "told CNN on Sunday": where and when, not what
            if node.head.i == verb.i and node.dep_ == "dobj" and verb.lemma_.lower() in self.lexicon.clause_only_verbs:
                continue  # "told reporters": the person spoken to
            return True
        return False

    def _token_at(self, doc: Doc, char: int, token_starts: list[int]) -> Token:
        return doc[max(0, bisect_right(token_starts, char) - 1)]

    def _speech_cue_in(self, tokens: Span | list[Token], mark: MarkedQuote) -> Optional[tuple[str, Token]]:
        """The first speech verb with a subject among ``tokens``, both outside the quotation."""
        for token in tokens:
            if mark.covers(token.idx):
                continue
            if token.pos_ not in ("VERB", "AUX"):
                continue
            key = cue_key(token, self._standalone_verbs)
            if key is None:
                continue
            subject = subject_of(token, SPEAKER).token or _nearby_speaker(token, mark)
            if subject is not None and not mark.covers(subject.idx):
                return key, subject
        return None

    def _same_sentence(self, doc: Doc, mark: MarkedQuote,
                       token_starts: list[int]) -> Optional[tuple[str, Token, str]]:
        """A cue verb in the sentence where the quotation ends, after it, or where it starts, before it."""
        end_sent = self._token_at(doc, mark.end, token_starts).sent
        after = [t for t in end_sent if t.idx >= mark.outer_end]
        paragraph_end = doc_text(doc).find("\n", mark.outer_end)
        if paragraph_end >= 0:
            after = [t for t in after if t.idx < paragraph_end]
        hit = self._speech_cue_in(after, mark)
        if hit is None:
            start_sent = self._token_at(doc, mark.start, token_starts).sent
            paragraph_start = doc_text(doc).rfind("\n", 0, mark.outer_start)
            before = [t for t in start_sent if paragraph_start < t.idx < mark.outer_start]
            if before and before[-1].text != ":":
                hit = self._speech_cue_in(before, mark)
        return (hit[0], hit[1], "same-sentence:nsubj") if hit else None

    def _colon_intro(self, doc: Doc, mark: MarkedQuote,
                     token_starts: list[int]) -> Optional[tuple[str, Token, str]]:
        """``Lavrov: "..."`` or ``X said: "..."`` (also at the end of the previous paragraph)."""
        text = doc_text(doc)
        line_start = text.rfind("\n", 0, mark.outer_start) + 1
        lead = text[line_start : mark.outer_start]
        if not lead.strip():
            # The introduction may end the previous paragraph.
            prev_end = line_start - 1
            while prev_end > 0 and text[prev_end - 1].isspace():
                prev_end -= 1
            if prev_end <= 0 or text[prev_end - 1] != ":":
                return None
            colon = prev_end - 1
        elif lead.rstrip().endswith(":"):
            colon = line_start + len(lead.rstrip()) - 1
            name = _COLON_NAME.match(lead)
            if name:
                head = self._token_at(doc, line_start + name.end(1) - 1, token_starts)
                return ":", head, "colon-intro"
        else:
            return None
        sent = self._token_at(doc, colon, token_starts).sent
        hit = self._speech_cue_in([t for t in sent if t.idx < colon], mark)
        return (hit[0], hit[1], "colon-intro") if hit else None

    def _adjacent(self, doc: Doc, mark: MarkedQuote,
                  token_starts: list[int]) -> Optional[tuple[str, Token, str]]:
        """A cue in the sentence right before the quotation or right after it, in one paragraph."""
        text = doc_text(doc)
        start_sent = self._token_at(doc, mark.outer_start, token_starts).sent
        if start_sent.start > 0:
            previous = doc[start_sent.start - 1].sent
            if "\n" not in text[previous.end_char : mark.outer_start].strip(" "):
                hit = self._speech_cue_in(previous, mark)
                if hit:
                    return hit[0], hit[1], "adjacent-sentence"
        end_sent = self._token_at(doc, max(mark.outer_end - 1, 0), token_starts).sent
        if end_sent.end < len(doc):
            following = doc[end_sent.end].sent
            if "\n" not in text[mark.outer_end : following.start_char]:
                hit = self._speech_cue_in(following, mark)
                if hit:
                    return hit[0], hit[1], "adjacent-sentence"
        return None
