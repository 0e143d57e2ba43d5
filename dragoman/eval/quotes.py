"""Quote evaluation on PolNeAR-style brat standoff (``text/NAME.txt`` + ``attributions/NAME_<ann>.ann``).

Gold: every ``E`` attribution with a ``Content`` span (discontinuous spans ``a b;c d`` allowed) and
its optional ``Source``. When several annotators annotated one article, the annotator whose id
sorts first is used (the same choice for every article).

Scores (tokens are runs of word characters, so quote marks and punctuation never count):

- ``content.*``: a predicted quote matches a gold content when the shared tokens are at least half
  of the longer of the two (overlap / max(len) >= 0.5); one-to-one, best overlap first. Both sides
  count the words of their parts: a gold content lists its parts, a predicted quote's ``text``
  holds its parts, so the attribution inside a split quote (``"A," she said, "B"``) counts on
  neither side.
  ``content_exact.*``: the same with identical token sequences (the quote's ``text`` against the
  gold parts joined).
- ``source.accuracy``: on matched pairs whose gold has a source, the predicted speaker is right
  when its span overlaps the gold source span or its name/text shares the last word of the gold source.
- ``direct.*`` / ``direct_source.accuracy``: the same restricted to gold contents that are
  quotations (they open and close with quote marks and every word lies inside them, a leading
  "that" aside; a mixture of quotation and paraphrase is not direct; a newspaper archive's ''
  mark that the gold span cuts in half still counts as a mark) and to predicted
  quotes of kind ``direct``.
- ``quoted.*``: gold contents with a quote mark anywhere (direct and mixed) against predicted
  quotes of kind ``direct`` or ``mixed``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from dragoman.errors import EvalError
from dragoman.eval import EvalReport, default_path, prf
from dragoman.records import Quote

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_QUOTE_MARK = re.compile(r"''|[\"“”]")
_THAT = re.compile(r"^that\s+", re.IGNORECASE)
_EDGE = " \t\n,.;:!?—–-"
_OPENING_MARKS = "“\""
_CLOSING_MARKS = "”\""
OVERLAP = 0.5


@dataclass
class GoldAttribution:
    """One gold attribution: content parts and the optional source span."""

    content: list[tuple[int, int]]
    source: Optional[tuple[int, int]]
    source_text: str
    direct: bool  # the content is all quotation: every word lies inside quote marks
    quoted: bool  # a quote mark appears anywhere in the content


def find_split(data: Optional[Path]) -> Path:
    """The folder holding ``text/`` and ``attributions/``: the path itself, or its dev split."""
    root = Path(data) if data is not None else default_path("quotes", "polnear")
    for candidate in (root, root / "dev", root / "data" / "dev"):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise EvalError(f"{root}: not PolNeAR-style brat data (expected text/ and attributions/ folders, "
                    "or a dev/ or data/dev/ split holding them)")


def _spans(field: str, where: str) -> list[tuple[int, int]]:
    try:
        return [(int(a), int(b)) for a, b in (piece.split() for piece in field.split(";"))]
    except ValueError as exc:
        raise EvalError(f"{where}: malformed span {field!r}") from exc


def read_annotations(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            if label in ("Source", "Content"):
                spans[fields[0]] = _spans(offsets, f"{path}:{number}")
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if not content:
            continue
        source = spans.get(event.get("Source", ""))
        source_span = (source[0][0], source[-1][1]) if source else None
        quoted = any(_QUOTE_MARK.search(text[a:b]) for a, b in content)
        direct = is_quotation(_with_marks(text, sorted(content)))
        source_text = text[source_span[0] : source_span[1]] if source_span else ""
        gold.append(GoldAttribution(sorted(content), source_span, source_text, direct, quoted))
    return gold


def is_quotation(content: str) -> bool:
    """True when the content is all quotation: it opens and closes with quote marks and no word
    stands outside them (edge punctuation and a leading "that" aside).

    The guidelines tell apart a direct quote, a paraphrase and "a mixture of the two"; a content
    such as ``“A,” and “B”`` or ``Of course, “A”`` mixes in the author's words, so it is not direct.
    A headline quotation in single marks (``‘We Will Win’``) is a quotation too, a pair of
    apostrophes ('') is a double mark (newspaper archives type it so), and a closing mark
    mistyped as an opening one (``here,“``) still closes.
    """
    stripped = _THAT.sub("", content.replace("''", '"').strip(_EDGE))
    if len(stripped) > 1 and stripped[0] == "‘" and stripped[-1] == "’" and not _QUOTE_MARK.search(stripped):
        return True  # single marks: apostrophes inside, so only the edges count
    if not (stripped and stripped[0] in _OPENING_MARKS and stripped[-1] in _CLOSING_MARKS + "“"):
        return False
    stack: list[str] = []  # open marks; a straight mark closes a straight one, else opens
    for char in stripped[:-1]:
        if char == "\"":
            if stack and stack[-1] == "\"":
                stack.pop()
            else:
                stack.append(char)
        elif char == "“":
            stack.append(char)
        elif char == "”":
            if stack:
                stack.pop()
        elif not stack and (char.isalnum() or char == "_"):
            return False
    return True


def _with_marks(text: str, parts: list[tuple[int, int]]) -> str:
    """The content parts joined, each with the quote marks right outside it that the annotator left out."""
    pieces = []
    for start, end in parts:
        inner = text[start:end].strip()
        marks = _OPENING_MARKS + _CLOSING_MARKS + "‘’'"
        before = text[max(0, start - 3) : start].rstrip(" ")
        after = text[end : end + 3].lstrip(" ")
        opening = closing = ""
        if inner[:1] not in marks and before[-1:] in _OPENING_MARKS + "‘'":
            opening = "''" if before.endswith("''") else before[-1:]
        if inner[-1:] not in marks and after[:1] in _CLOSING_MARKS + "’'":
            closing = "''" if after.startswith("''") else after[:1]
        # An archive's '' mark cut in half by the span edge: ``''...link.'`` + ``'``.
        if inner.endswith("'") and not inner.endswith("''") and text[end : end + 1] == "'":
            closing = "'"
        if inner.startswith("'") and not inner.startswith("''") and text[start - 1 : start] == "'":
            opening = "'"
        pieces.append(opening + inner + closing)
    return " ".join(pieces)


def read_split(split: Path, limit: Optional[int]) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, gold) for each article of one split, first annotator by sorted id."""
    articles = []
    for text_path in sorted((split / "text").glob("*.txt")):
        annotations = sorted((split / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append((text_path.stem, text, read_annotations(annotations[0], text)))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise EvalError(f"{split}: no article with both text and annotations")
    return articles


def _token_ids(starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """Indices of the word tokens (by start offset) inside the spans."""
    from bisect import bisect_left

    ids: list[int] = []
    for a, b in spans:
        ids.extend(range(bisect_left(starts, a), bisect_left(starts, b)))
    return ids


def _content_ids(starts: list[int], words: list[str], quote: Quote, quote_words: list[str]) -> set[int]:
    """The word tokens of a predicted quote's content: its span without the words its ``text``
    leaves out (the attribution inside a split quote, ``"A," she said, "B"``), as the gold
    content leaves them out of its parts."""
    span = _token_ids(starts, [(quote.start, quote.end)])
    if not quote_words or len(quote_words) >= len(span):
        return set(span)
    ids: set[int] = set()
    k = 0
    for i in span:  # the text's words are a subsequence of the span's words
        if k < len(quote_words) and words[i] == quote_words[k]:
            ids.add(i)
            k += 1
    return ids if k == len(quote_words) else set(span)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _speaker_right(quote: Quote, gold: GoldAttribution) -> bool:
    speaker = quote.speaker
    if speaker is None or gold.source is None:
        return False
    if speaker.start < gold.source[1] and gold.source[0] < speaker.end:
        return True
    gold_words = _words(gold.source_text)
    names = _words(speaker.name or "") + _words(speaker.text)
    return bool(gold_words) and gold_words[-1] in names


def _match(preds: list[Quote], golds: list[GoldAttribution], starts: list[int], text: str,
           exact: bool) -> list[tuple[Quote, GoldAttribution]]:
    """One-to-one matching, best token overlap first."""
    gold_ids = [set(_token_ids(starts, g.content)) for g in golds]
    gold_words = [_words(" ".join(text[a:b] for a, b in g.content)) for g in golds]
    candidates = []
    words = [w.lower() for w in _WORD.findall(text)]
    for p, quote in enumerate(preds):
        pred_words = _words(quote.text)
        pred_ids = _content_ids(starts, words, quote, pred_words)
        for g, ids in enumerate(gold_ids):
            if not ids or not pred_ids:
                continue
            if exact:
                if pred_words == gold_words[g]:
                    candidates.append((1.0, p, g))
                continue
            score = len(ids & pred_ids) / max(len(ids), len(pred_ids))
            if score >= OVERLAP:
                candidates.append((score, p, g))
    candidates.sort(key=lambda c: -c[0])
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    pairs = []
    for _, p, g in candidates:
        if p in taken_p or g in taken_g:
            continue
        taken_p.add(p)
        taken_g.add(g)
        pairs.append((preds[p], golds[g]))
    return pairs


def evaluate(data: Optional[Path], limit: Optional[int]) -> list[EvalReport]:
    """Content-span P/R/F1 (overlap and exact), source accuracy, and the same for direct quotes."""
    from dragoman.coder import Coder
    from dragoman.ingest.normalize import article_hash
    from dragoman.records import ArticleMeta

    split = find_split(data)
    articles = read_split(split, limit)
    coder = Coder()
    counts = {key: 0 for key in ("tp", "fp", "fn", "exact_tp", "direct_tp", "direct_fp", "direct_fn",
                                 "direct_exact_tp", "source_n", "source_ok", "direct_source_n",
                                 "direct_source_ok", "gold", "predicted", "quoted_tp", "quoted_fp",
                                 "quoted_fn", "quoted_exact_tp", "quoted_source_n", "quoted_source_ok")}
    timings: dict[str, float] = {}
    # the gold offsets index the text as given, so it goes to the stages as it is, without cleaning
    cleaned = [(ArticleMeta(id=article_hash(text), origin=name), text) for name, text, _ in articles]
    records = coder.code_cleaned(cleaned, timings)
    for (_, text, gold), record in zip(articles, records, strict=True):
        quotes = record.quotes  # type: ignore[union-attr]
        starts = [m.start() for m in _WORD.finditer(text)]
        _score(counts, quotes, gold, starts, text, "")
        _score(counts, [q for q in quotes if q.kind == "direct"], [g for g in gold if g.direct],
               starts, text, "direct_")
        _score(counts, [q for q in quotes if q.kind != "indirect"], [g for g in gold if g.quoted],
               starts, text, "quoted_")
        counts["gold"] += len(gold)
        counts["predicted"] += len(quotes)
    metrics = prf(counts["tp"], counts["fp"], counts["fn"], "content")
    metrics.update(prf(counts["exact_tp"], counts["predicted"] - counts["exact_tp"],
                       counts["gold"] - counts["exact_tp"], "content_exact"))
    metrics.update(prf(counts["direct_tp"], counts["direct_fp"], counts["direct_fn"], "direct"))
    direct_predicted = counts["direct_tp"] + counts["direct_fp"]
    direct_gold = counts["direct_tp"] + counts["direct_fn"]
    metrics.update(prf(counts["direct_exact_tp"], direct_predicted - counts["direct_exact_tp"],
                       direct_gold - counts["direct_exact_tp"], "direct_exact"))
    metrics.update(prf(counts["quoted_tp"], counts["quoted_fp"], counts["quoted_fn"], "quoted"))
    metrics["source.accuracy"] = round(counts["source_ok"] / counts["source_n"], 4) if counts["source_n"] else 0.0
    metrics["direct_source.accuracy"] = (round(counts["direct_source_ok"] / counts["direct_source_n"], 4)
                                         if counts["direct_source_n"] else 0.0)
    seconds = timings.get("actors", 0.0) + timings.get("quotes", 0.0)
    metrics["articles_per_second"] = round(len(articles) / seconds, 1) if seconds else 0.0
    notes = [
        "first annotator by sorted id when an article has several",
        f"match: token overlap / max(len) >= {OVERLAP}; exact: identical word-token sequences",
        "direct: gold contents all in quote marks vs predicted kind direct",
        "quoted: gold contents with a quote mark anywhere vs predicted kind direct or mixed",
        "articles_per_second: actors + quotes stages only (parse excluded)",
    ]
    return [EvalReport("quotes", "polnear", str(split), len(articles), metrics, counts, notes)]


def _score(counts: dict[str, int], quotes: list[Quote], gold: list[GoldAttribution], starts: list[int],
           text: str, prefix: str) -> None:
    pairs = _match(quotes, gold, starts, text, exact=False)
    counts[f"{prefix}tp"] += len(pairs)
    counts[f"{prefix}fp"] += len(quotes) - len(pairs)
    counts[f"{prefix}fn"] += len(gold) - len(pairs)
    counts[f"{prefix}exact_tp"] += len(_match(quotes, gold, starts, text, exact=True))
    for quote, attribution in pairs:
        if attribution.source is None:
            continue
        counts[f"{prefix}source_n"] += 1
        counts[f"{prefix}source_ok"] += _speaker_right(quote, attribution)
