"""One evaluation harness: every evaluator reads a public gold format and returns EvalReports.

An evaluator is a module ``dragoman.eval.<name>`` with

    def evaluate(data: Optional[Path], limit: Optional[int]) -> list[EvalReport]

``data`` is a file or folder in the evaluator's gold format (``None``: its default under
``../shared/eval``; ``events`` also scores the news precision set shipped in ``dragoman/eval/data``,
and that one alone when ../shared is absent); formats are detected from the files, and a wrong path raises ``EvalError``
with a clear message. ``limit`` caps the number of documents/sentences read.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from dragoman import __version__
from dragoman.errors import EvalError

EVALUATORS = ("actors", "events", "quotes", "dates", "places", "extraction")


@dataclass
class EvalReport:
    """Scores of one evaluator on one dataset. ``metrics`` keys are stable (documented in the README)."""

    evaluator: str  # "events"
    dataset: str  # "cameo_manual"
    path: str  # where the gold was read from
    size: int  # sentences / documents / items evaluated
    metrics: dict[str, float] = field(default_factory=dict)  # "root.f1": 0.74, "extra_per_sentence": 0.2
    counts: dict[str, int] = field(default_factory=dict)  # "tp": 12, "fp": 3, "fn": 5
    notes: list[str] = field(default_factory=list)
    version: str = __version__

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prf(tp: int, fp: int, fn: int, prefix: str = "") -> dict[str, float]:
    """Precision, recall and F1 (0.0 where undefined), keys prefixed as "<prefix>.precision"."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    dot = f"{prefix}." if prefix else ""
    return {f"{dot}precision": round(precision, 4), f"{dot}recall": round(recall, 4), f"{dot}f1": round(f1, 4)}


def shared_dir() -> Path:
    """The read-only ../shared folder beside the project (override with DRAGOMAN_SHARED)."""
    env = os.environ.get("DRAGOMAN_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared"


def default_path(*parts: str) -> Path:
    """A default gold path under ../shared/eval; EvalError when it is absent."""
    path = shared_dir().joinpath("eval", *parts)
    if not path.exists():
        raise EvalError(f"{path}: default evaluation data not found; pass --data PATH")
    return path


def run(name: str, data: Optional[Path] = None, limit: Optional[int] = None) -> list[EvalReport]:
    """Run one evaluator by name."""
    if name not in EVALUATORS:
        raise EvalError(f"unknown evaluator {name!r}; choose from {', '.join(EVALUATORS)}")
    if data is not None and not Path(data).exists():
        raise EvalError(f"{data}: no such file or directory")
    module = importlib.import_module(f"dragoman.eval.{name}")
    return module.evaluate(Path(data) if data is not None else None, limit)
