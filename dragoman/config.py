"""Options passed through the stages: one typed object instead of loose globals.

Defaults live here; a user's YAML config (``--config FILE``) layers on top and is validated
(unknown keys are an error, so a typo never silently does nothing).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dragoman import yamlio
from dragoman.errors import InputError

log = logging.getLogger(__name__)

DEDUP_WINDOW = 20_000  # ~6 KB of index each (dragoman/ingest/dedup.py)
# a long feature with its page markup is well under 1 MB; far more is a dump or a mistake, not one article
MAX_ARTICLE_BYTES = 5_000_000


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: Optional[str] = Field(
        None, description="spaCy pipeline name or path; default en_core_web_sm, else the PyPI copy"
    )
    batch_size: int = Field(32, ge=1, description="articles per nlp.pipe batch")
    workers: int = Field(1, ge=1, description="processes for parsing")
    published: Optional[str] = Field(None, description="article date (YYYY-MM-DD) when the input has none")
    actor_files: list[Path] = Field(default_factory=list, description="extra actor dictionaries")
    pattern_files: list[Path] = Field(default_factory=list, description="extra verb-pattern files")
    max_article_bytes: int = Field(
        MAX_ARTICLE_BYTES,
        ge=1,
        description="one article (a text or HTML file, JSON line or array element, feed item, WARC record) "
        "larger than this is skipped; files holding many articles are streamed, whatever their size",
    )
    min_chars: int = Field(20, ge=1, description="articles with less text than this are skipped")
    english_only: bool = Field(True, description="skip articles identified as not English")
    dedup_window: int = Field(
        DEDUP_WINDOW, ge=1, description="near-copies are sought among this many most recently stored first copies"
    )
    quote_files: list[Path] = Field(default_factory=list, description="extra quote-cue files (sections of cues.yaml)")
    time_files: list[Path] = Field(
        default_factory=list, description="extra time-word files (sections of time_words.yaml)"
    )
    place_files: list[Path] = Field(default_factory=list, description="extra place files (sections of places.yaml)")

    @model_validator(mode="before")
    @classmethod
    def _renamed_max_bytes(cls, data: Any) -> Any:
        """``max_bytes`` (a whole-file limit until files were streamed) still sets the per-article limit."""
        if not isinstance(data, dict) or "max_bytes" not in data:
            return data
        if "max_article_bytes" in data:
            raise ValueError("max_bytes is the old name of max_article_bytes: give only max_article_bytes")
        log.warning("the option max_bytes is now max_article_bytes (a limit on one article, not on a file)")
        data = dict(data)
        data["max_article_bytes"] = data.pop("max_bytes")
        return data


MAX_DEFAULT_WORKERS = 8  # beyond this the single store writer, not parsing, sets the pace


def default_workers() -> int:
    """The cores this process may use (capped): what ``ingest`` runs with unless told otherwise."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


def load_options(path: Optional[Path] = None, **overrides: object) -> Options:
    """Build Options from an optional YAML file, then explicit overrides (CLI flags) on top."""
    data: dict[str, object] = {}
    if path is not None:
        data.update(yamlio.load_mapping(path, "config", error=InputError,
                                        expected="a config mapping of option: value", empty_ok=True))
    for key, value in overrides.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)) and key in data:
            value = [*data[key], *value]  # type: ignore[misc]
        data[key] = value
    try:
        return Options(**data)
    except ValidationError as exc:
        where = str(path) if path else "options"
        raise InputError(f"{where}: {exc}") from exc
