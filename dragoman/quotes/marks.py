"""Quote-mark scanning: find the spans between opening and closing quotation marks.

One pass over the text, paragraph by paragraph (a paragraph is one line). Rules:

- Curly (“ ”, „, « ») and straight (") double marks delimit quotes, and so does a pair of
  apostrophes ('') that some wire and newspaper archives type for either; single marks (‘ ’ ')
  inside a double-quoted span are nested quotes and stay part of its content. A single-quoted
  span outside any double quote counts only when it holds at least two words (apostrophes abound).
- A straight mark opens when it follows a space or the paragraph start and precedes a non-space,
  closes in the mirror case, and otherwise toggles.
- A paragraph that ends inside a quote continues into the next paragraph when that one opens with
  a quotation mark (the multi-paragraph convention); the quote's parts are collected.
- An unbalanced mark never reaches past its paragraph: an opening mark left open at a paragraph
  end (without continuation) or superseded by another opening mark is dropped; a stray closing
  mark is ignored.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

_OPENING = "“„«"
_CLOSING = "”»"
_STRAIGHT = '"'
_DOUBLE_MARK = re.compile(r"''|[“”„«»\"]")
_PARAGRAPH = re.compile(r"[^\n]+")
_SINGLE_QUOTED = re.compile(r"(?<![\w’'])[‘'](?=\S)([^\n]+?)(?<=\S)[’'](?![\w’'])")
_WORD = re.compile(r"\w+")
_OPEN_CONTEXT = " \t([{—–-/\u00a0"


@dataclass
class MarkedQuote:
    """Content spans of one quotation (inside the marks); several parts when it runs over paragraphs."""

    parts: list[tuple[int, int]] = field(default_factory=list)
    single: bool = False  # delimited by single marks
    open_width: int = 1  # characters of the opening mark: 2 for ''
    close_width: int = 1

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def covers(self, pos: int) -> bool:
        """True when ``pos`` lies inside one of the parts or on its quotation marks."""
        return any(start - 1 <= pos < end + 1 for start, end in self.parts)

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark."""
        return self.parts[0][0] - self.open_width

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or the end of the last part when unclosed)."""
        return self.parts[-1][1] + self.close_width


def _direction(text: str, pos: int, end: int, para_start: int, para_end: int, is_open: bool) -> str:
    """'open' or 'close' for the mark at ``pos:end``, from the mark itself and its neighbours."""
    mark = text[pos] if end == pos + 1 else _STRAIGHT
    before = text[pos - 1] if pos > para_start else " "
    after = text[end] if end < para_end else " "
    opens_like = before in _OPEN_CONTEXT and not after.isspace()
    closes_like = not before.isspace() and (after.isspace() or not after.isalnum())
    if mark in _OPENING:
        # A curly opening mark glued to the end of a word is a mistyped closing one.
        return "close" if (is_open and closes_like and not opens_like) else "open"
    if mark in _CLOSING:
        return "open" if (not is_open and opens_like and not closes_like) else "close"
    if opens_like and not closes_like:
        return "open"
    if closes_like and not opens_like:
        return "close"
    return "close" if is_open else "open"


def _starts_with_opening(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return stripped[:1] in tuple(_OPENING) + (_STRAIGHT,) or stripped.startswith("''")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan_marks(text: str) -> list[MarkedQuote]:
    """Every quotation in ``text``, in order; unbalanced marks are dropped, never fatal."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    quotes: list[MarkedQuote] = []
    carried: list[tuple[int, int]] = []  # parts of a quote still open from earlier paragraphs
    carried_width = 1  # width of the opening mark of the carried quote
    for index, (para_start, para_end) in enumerate(paragraphs):
        open_at: int | None = None
        open_end = 0  # offset just after the opening mark
        first_mark = True
        for match in _DOUBLE_MARK.finditer(text, para_start, para_end):
            pos, end = match.span()
            if carried and first_mark:
                # The continuation paragraph's opening mark re-opens the carried quote.
                first_mark = False
                open_at, open_end = pos, end
                continue
            first_mark = False
            direction = _direction(text, pos, end, para_start, para_end, open_at is not None)
            if direction == "open":
                if open_at is not None:
                    log.debug("dropping unbalanced opening mark at %d", open_at)
                    carried = []
                open_at, open_end = pos, end
            elif open_at is None:
                log.debug("ignoring stray closing mark at %d", pos)
            else:
                width = open_end - open_at if not carried else carried_width
                quotes.append(MarkedQuote([*carried, (open_end, pos)], open_width=width,
                                          close_width=end - pos))
                carried, open_at = [], None
        if open_at is None:
            if carried:  # a continuation paragraph without any mark: the chain is broken
                carried = []
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        part = _trimmed(text, open_end, para_end)
        if following and _starts_with_opening(text, *following):
            if not carried:
                carried_width = open_end - open_at
            carried.append(part)
        elif carried:
            # The last paragraph of a long quote lost its closing mark: keep what was collected.
            quotes.append(MarkedQuote([*carried, part], open_width=carried_width, close_width=0))
            carried = []
        else:
            log.debug("dropping opening mark at %d left open at paragraph end", open_at)
    quotes = [q for q in quotes if q.end > q.start]
    return _with_single_quotes(text, quotes)


def _with_single_quotes(text: str, quotes: list[MarkedQuote]) -> list[MarkedQuote]:
    """Add single-quoted spans that lie outside every double-quoted one."""
    covered = [(q.outer_start, q.outer_end) for q in quotes]
    extra = []
    for match in _SINGLE_QUOTED.finditer(text):
        start, end = match.start(1), match.end(1)
        if len(_WORD.findall(match.group(1))) < 2:
            continue
        if any(s <= start and end <= e for s, e in covered):
            continue
        extra.append(MarkedQuote([(start, end)], single=True))
    if not extra:
        return quotes
    return sorted(quotes + extra, key=lambda q: q.start)
