"""``_dragoman.json``: what a batch output holds, how it was made, and every input it skipped."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dragoman import __version__
from dragoman.errors import InputError
from dragoman.records import Skipped

MANIFEST = "_dragoman.json"
FORMAT = 1  # the layout of a batch output; ``dragoman import`` reads only formats it knows


@dataclass
class Manifest:
    engine: str
    inputs: list[str]
    coded_with: str | None = None  # dragoman version + knowledge hash, as the store's articles.coded_with
    version: str = __version__
    format: int = FORMAT
    articles_read: int = 0  # readable articles, before copies are set aside
    exact_duplicates: int = 0  # same normalized text as an earlier article: not written again
    near_duplicates: int = 0  # written uncoded, linked to their first copy (articles.duplicate_of)
    counts: dict[str, int] = field(default_factory=dict)  # rows per output table
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"origin", "reason"}, in input order
    seconds: float = 0.0

    def skip(self, item: Skipped) -> None:
        self.skipped.append({"origin": item.origin, "reason": item.reason})

    def write(self, out: Path) -> Path:
        path = out / MANIFEST
        path.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return path


def read_manifest(directory: Path) -> Manifest:
    """The manifest of a batch output, or an InputError naming what is wrong."""
    path = directory / MANIFEST
    if not path.is_file():
        raise InputError(f"{directory}: not a batch output (no {MANIFEST}); make one with `dragoman batch`")
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest(**data)
    except (json.JSONDecodeError, TypeError) as exc:
        raise InputError(f"{path}: unreadable batch manifest: {exc}") from exc
    if manifest.format != FORMAT:
        raise InputError(f"{path}: batch output format {manifest.format}, this dragoman reads format {FORMAT}")
    return manifest


def prepare_out(out: Path) -> None:
    """Make ``out`` ready for a batch: created if missing; an earlier batch output there is replaced,
    anything else refused (a batch never writes over files it did not make)."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise InputError(f"{out}: folder is not empty and holds no batch output ({MANIFEST}); choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)  # written last: an output without it is an unfinished one
