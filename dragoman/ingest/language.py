"""Offline language identification (py3langid), so non-English articles are skipped, not miscoded."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Shorter texts are too easily misread (a line of names looks Breton); they pass as English.
MIN_CHARS = 100
MIN_PROBABILITY = 0.9
SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The most likely ISO 639-1 language of ``text`` and its probability."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def non_english_reason(text: str, expected: str = "en") -> Optional[str]:
    """Why ``text`` should be skipped as not ``expected``, or None when it may be coded."""
    if len(text) < MIN_CHARS:
        return None
    lang, prob = identify(text)
    if lang == expected or prob < MIN_PROBABILITY:
        return None
    return f"language is {lang!r} (py3langid p={prob:.2f}), not English"
