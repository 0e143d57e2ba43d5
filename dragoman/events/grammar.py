"""The word classes the coder reads from the lexicon settings, gathered once per coder."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dragoman.events.lexicon import PatternLexicon
from dragoman.nlp.speech import load_speech_verbs
from dragoman.records import Event


@dataclass(frozen=True)
class EventGrammar:
    """Grammar-level word lists of ``settings.yaml`` (speech verbs, light verbs, prepositions...)."""

    lexicon: PatternLexicon
    speech: frozenset[str]
    light: frozenset[str]
    target_preps: tuple[str, ...]
    source_preps: frozenset[str]
    location_preps: frozenset[str]
    symmetric_roots: frozenset[str]
    reciprocal: frozenset[str]
    background_marks: frozenset[str]
    background_preps: frozenset[str]
    obliged: frozenset[str]
    mutual: frozenset[str]
    stative: frozenset[str]
    culpable: frozenset[str]
    giver_preps: frozenset[str]
    origin_preps: frozenset[str]
    fire_roots: frozenset[str]
    alleged_roots: frozenset[str]
    relaying_sectors: frozenset[str]
    mishaps: frozenset[str]
    content_roots: frozenset[str]
    generic_source_roots: frozenset[str]
    generic_force_sectors: frozenset[str]
    agentless_roots: frozenset[str]
    happening: frozenset[str]
    lasting_nouns: frozenset[str]
    needs_cause: frozenset[str]
    violence_cues: frozenset[str]
    disaster_cues: frozenset[str]

    @classmethod
    def of(cls, lexicon: PatternLexicon) -> EventGrammar:
        """Read every word class from the lexicon's settings (speech verbs: the shared list, changed
        as the settings say)."""
        words = lexicon.words
        return cls(
            lexicon=lexicon,
            speech=(load_speech_verbs() | words("speech_verbs_added")) - words("speech_verbs_excluded"),
            light=words("light_verbs"),
            target_preps=tuple(words("target_preps")),
            source_preps=words("source_preps"),
            location_preps=words("location_preps"),
            symmetric_roots=frozenset(str(r) for r in lexicon.settings.get("symmetric_roots", [])),
            reciprocal=words("reciprocal_verbs"),
            background_marks=words("background_marks"),
            background_preps=words("background_preps"),
            obliged=words("obligation_aux"),
            mutual=words("mutual_codes"),
            stative=words("stative_passives"),
            culpable=words("culpability_words"),
            giver_preps=words("giver_preps"),
            origin_preps=words("origin_preps"),
            fire_roots=words("fire_roots"),
            alleged_roots=words("alleged_roots"),
            mishaps=words("mishap_nouns"),
            content_roots=words("content_roots"),
            generic_source_roots=words("generic_source_roots"),
            generic_force_sectors=frozenset(w.upper() for w in words("generic_force_sectors")),
            agentless_roots=words("agentless_roots"),
            happening=words("happening_verbs"),
            lasting_nouns=words("lasting_event_nouns"),
            needs_cause=words("agentless_needs_cause"),
            violence_cues=words("violence_cues"),
            disaster_cues=words("disaster_cues"),
            relaying_sectors=frozenset(str(s).upper() for s in lexicon.settings.get("relaying_sectors", [])),
        )


def depth(token: Token) -> int:
    """How many heads lie above ``token``."""
    return sum(1 for _ in token.ancestors)


_CLAUSE_DEPS = frozenset({"ROOT", "advcl", "ccomp", "relcl", "parataxis"})


def clause_head(doc: Doc, event: Event) -> int:
    """Index of the head of the clause the event's trigger stands in (a coordinated verb heads its own)."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return -1
    token = span.root
    for _ in range(len(doc)):
        if token.dep_ in _CLAUSE_DEPS or (token.dep_ == "conj" and is_verb(token)) or token.head is token:
            break
        token = token.head
    return token.i


def is_verb(token: Token) -> bool:
    """A verb, or an auxiliary heading a clause ("is" in "Peru is ready")."""
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "ccomp", "conj", "advcl", "xcomp"))
