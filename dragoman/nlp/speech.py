"""Speech verbs: the one list of verbs that report what someone said, read by the quotes stage (cue
verbs) and the events stage (reported speech), from ``dragoman/data/speech/speech_verbs.yaml``.

Each stage layers its own on top: a user's cue file adds speech verbs to the quotes stage, and the
events stage adds and leaves out the verbs its settings name (``speech_verbs_added``,
``speech_verbs_excluded`` in ``data/patterns/settings.yaml``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dragoman import yamlio
from dragoman.errors import DataError

SPEECH_VERBS_FILE = Path(__file__).resolve().parents[1] / "data" / "speech" / "speech_verbs.yaml"


@lru_cache(maxsize=4)
def load_speech_verbs(path: Path = SPEECH_VERBS_FILE) -> frozenset[str]:
    """The speech verbs of ``path`` (the built-in list by default): lower-case lemmas, or a lemma and
    its particle ("shoot back"); DataError naming the file and entry on anything malformed."""
    expected = "a mapping with one list 'speech_verbs'"
    doc = yamlio.load_mapping(path, "speech verb list", yamlio.WORDS, expected=expected)
    entries = doc.get("speech_verbs")
    if set(doc) != {"speech_verbs"} or not isinstance(entries, list):
        raise DataError(f"{path}: expected {expected}")
    verbs: set[str] = set()
    for entry in entries:
        if not isinstance(entry, str) or entry != entry.strip().lower() or not 1 <= len(entry.split()) <= 2:
            raise DataError(f"{path}: entry {entry!r} must be a lower-case lemma, or a lemma and its particle")
        if entry in verbs:
            raise DataError(f"{path}: duplicate entry {entry!r}")
        verbs.add(entry)
    return frozenset(verbs)
