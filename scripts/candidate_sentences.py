"""How much text could a "parse only the sentences that can hold an event" filter skip? (issue 7)

Codes the articles under PATH and reports, as shares of all tokens, the sentences that
(a) hold an actor, (b) hold an actor and a word heading one of the event patterns (what a cheap
pre-parse filter would have to keep), (c) produced an event, (d) produced an event or a quote,
and (e) produced an event but fail filter (b) (what the filter would lose).

Usage: .venv/bin/python scripts/candidate_sentences.py PATH [--limit 60]
Example: .venv/bin/python scripts/candidate_sentences.py ../shared/eval/quotes/polnear/data/dev/text
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dragoman.ingest import read_inputs  # noqa: E402
from dragoman.coder import Coder  # noqa: E402
from dragoman.records import Skipped  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--limit", type=int, default=60, help="articles to read (default 60)")
    args = parser.parse_args()
    coder = Coder()
    heads = set(coder.events.lexicon.verbs) | set(coder.events.lexicon.nouns)
    shares: Counter[str] = Counter()
    articles = 0
    for raw in read_inputs([args.path]):
        if articles >= args.limit:
            break
        result = next(coder.code_many([raw]))
        if isinstance(result, Skipped) or result.article.duplicate_of:
            continue
        articles += 1
        doc = coder.nlp(result.text)  # the same parse the record came from
        event_starts = {e.start for e in result.events}
        quotes = [(q.start, q.end) for q in result.quotes]
        for sentence in doc.sents:
            size, start, end = len(sentence), sentence.start_char, sentence.end_char
            actor = any(start <= a.start < end for a in result.actors)
            candidate = actor and any(t.lemma_.lower() in heads for t in sentence)
            event = start in event_starts
            quote = any(s < end and e > start for s, e in quotes)
            shares["all"] += size
            shares["a actor"] += size * actor
            shares["b actor and pattern word"] += size * candidate
            shares["c event"] += size * event
            shares["d event or quote"] += size * (event or quote)
            shares["e event outside (b)"] += size * (event and not candidate)
    print(f"{articles} articles, {shares['all']} tokens; share of tokens in sentences with:")
    for key in sorted(k for k in shares if k != "all"):
        print(f"  {key}: {shares[key] / max(shares['all'], 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
