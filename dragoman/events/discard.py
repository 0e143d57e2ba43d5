"""Story-level discards: sports, entertainment, business-only and disaster texts yield no events."""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.events.lexicon import PatternLexicon


def discarded_topic(doc: Doc, lexicon: PatternLexicon) -> str | None:
    """The off-topic category a document belongs to, or None when it may carry political events."""
    spec = lexicon.settings.get("discard_topics") or {}
    min_hits = int(spec.get("min_hits", 3))
    min_share = float(spec.get("min_share", 0.02))
    strings = doc.vocab.strings  # attribute arrays: no Token object per word
    words = [strings[lemma].lower() for lemma, alpha in doc.to_array(["LEMMA", "IS_ALPHA"]).tolist() if alpha]
    if not words:
        return None
    present = set(words)
    for topic, cues in (spec.get("topics") or {}).items():
        # a topic is a list of cue words, or {cues: [...], unless: [...]}: words that keep the story
        # ("a flood" story that also tells of an attack or a protest is still political)
        unless: set[str] = set()
        if isinstance(cues, dict):
            unless = {str(c).lower() for c in cues.get("unless") or []}
            cues = cues.get("cues") or []
        cue_set = {str(c).lower() for c in cues}
        hits = sum(1 for w in words if w in cue_set)
        if hits >= min_hits and hits / len(words) >= min_share and not present & unless:
            return str(topic)
    return None
