"""Article extraction quality on the Zyte article-extraction benchmark format.

Gold: a folder with ``ground-truth.json`` (``{key: {"articleBody": ..., "url": ...}}``) and
``html/<key>.html.gz`` (or ``.html``). Each page goes through our own path (readers -> prepare,
i.e. trafilatura as tuned in ``ingest/prepare.py``) and is scored like the benchmark: bags of
4-token shingles of the lower-cased words, precision and recall per page averaged over pages,
F1 of the averages. Micro counts (shingles summed over pages) are reported too.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Optional

from dragoman.errors import EvalError
from dragoman.eval import EvalReport, default_path, prf
from dragoman.ingest.prepare import prepare
from dragoman.ingest.readers import read_path
from dragoman.records import RawArticle, Skipped

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


def shingle_bag(text: str, size: int = SHINGLE) -> Counter:
    """Counter of overlapping word n-grams (the whole text as one gram when it is shorter)."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def overlap(gold: str, predicted: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of shingles between the gold text and the extracted text."""
    g, p = shingle_bag(gold), shingle_bag(predicted)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def _page(folder: Path, key: str) -> Optional[Path]:
    for name in (f"{key}.html.gz", f"{key}.html"):
        path = folder / "html" / name
        if path.exists():
            return path
    return None


def extract(path: Path) -> str:
    """Our article text for one saved page ('' when it is skipped)."""
    for raw in read_path(path):
        if isinstance(raw, RawArticle):
            # language does not matter to extraction quality; a few benchmark pages are not English
            result = prepare(raw, min_chars=1, english_only=False)
            if not isinstance(result, Skipped):
                return result[1]
    return ""


def evaluate(data: Optional[Path], limit: Optional[int]) -> list[EvalReport]:
    """Score extraction on a Zyte-format folder (default ../shared/eval/extraction/zyte)."""
    folder = Path(data) if data is not None else default_path("extraction", "zyte")
    truth_path = folder / "ground-truth.json"
    if not truth_path.is_file() or not (folder / "html").is_dir():
        raise EvalError(f"{folder}: not a Zyte-format benchmark (needs ground-truth.json and html/)")
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"{truth_path}: cannot read ground truth: {exc}") from exc
    if not isinstance(truth, dict):
        raise EvalError(f"{truth_path}: expected an object of page key -> {{articleBody, url}}")
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    precisions, recalls, missing, empty = [], [], 0, 0
    totals = Counter()
    for key in keys:
        page = _page(folder, key)
        if page is None:
            missing += 1
            continue
        gold = str(truth[key].get("articleBody") or "")
        predicted = extract(page)
        empty += not predicted
        tp, fp, fn = overlap(gold, predicted)
        totals.update(tp=tp, fp=fp, fn=fn)
        precisions.append(tp / (tp + fp) if tp + fp else 0.0)
        recalls.append(tp / (tp + fn) if tp + fn else 1.0)
    if not precisions:
        raise EvalError(f"{folder}: no page of ground-truth.json has an html/ file")
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    metrics = {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        "micro.f1": prf(tp, fp, fn)["f1"],
        "empty_rate": round(empty / len(precisions), 4),
    }
    notes = [f"{missing} page(s) listed without an html file"] if missing else []
    return [EvalReport("extraction", folder.name, str(folder), len(precisions), metrics, dict(totals), notes)]
