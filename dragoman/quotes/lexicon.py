"""The cue lexicon: verbs and phrases that mark attributed speech, loaded from YAML and validated.

The built-in cues are ``data/quotes/cues.yaml`` and the speech verbs shared with the events stage
(``dragoman.nlp.speech``); users' cue files, every section included, add to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from dragoman import yamlio
from dragoman.errors import DataError
from dragoman.nlp.speech import load_speech_verbs

DEFAULT_FILE = Path(__file__).resolve().parents[1] / "data" / "quotes" / "cues.yaml"

SECTIONS = (
    "speech_verbs",
    "thought_verbs",
    "infinitive_verbs",
    "naming_verbs",
    "object_verbs",
    "source_phrases",
    "quoting_verbs",
    "statement_nouns",
    "prepositional_verbs",
    "nominal_cues",
    "clause_only_verbs",
    "evidential_verbs",
    "light_verbs",
    "record_nouns",
    "finding_verbs",
    "clause_stop_verbs",
    "topic_prepositions",
)

# Sections whose entries are a lemma, maybe a word of its own ("lash out at": a particle or an
# object), and last the word that introduces the content; the most words an entry may have.
PAIRED = {"prepositional_verbs": 3, "nominal_cues": 2}


@dataclass(frozen=True)
class CueLexicon:
    """Lower-case cue lemmas and phrases, one frozenset per section of the YAML file."""

    speech_verbs: frozenset[str] = field(default_factory=frozenset)
    thought_verbs: frozenset[str] = field(default_factory=frozenset)
    infinitive_verbs: frozenset[str] = field(default_factory=frozenset)
    naming_verbs: frozenset[str] = field(default_factory=frozenset)
    object_verbs: frozenset[str] = field(default_factory=frozenset)
    source_phrases: frozenset[str] = field(default_factory=frozenset)
    quoting_verbs: frozenset[str] = field(default_factory=frozenset)
    statement_nouns: frozenset[str] = field(default_factory=frozenset)
    prepositional_verbs: frozenset[str] = field(default_factory=frozenset)
    nominal_cues: frozenset[str] = field(default_factory=frozenset)
    clause_only_verbs: frozenset[str] = field(default_factory=frozenset)
    evidential_verbs: frozenset[str] = field(default_factory=frozenset)
    light_verbs: frozenset[str] = field(default_factory=frozenset)
    record_nouns: frozenset[str] = field(default_factory=frozenset)
    finding_verbs: frozenset[str] = field(default_factory=frozenset)
    clause_stop_verbs: frozenset[str] = field(default_factory=frozenset)
    topic_prepositions: frozenset[str] = field(default_factory=frozenset)

    @property
    def clause_verbs(self) -> frozenset[str]:
        """Every verb lemma whose clausal complement is reported content."""
        return self.speech_verbs | self.thought_verbs

    @cached_property
    def verbs(self) -> frozenset[str]:
        """Every verb cue: single lemmas and "lemma particle" phrases ("shoot back")."""
        return (self.clause_verbs | self.infinitive_verbs | self.naming_verbs | self.object_verbs
                | self.prepositional_heads | self.evidential_verbs | self.finding_verbs)

    @cached_property
    def attribution_verbs(self) -> frozenset[str]:
        """Verbs that make an attribution of their own when the author coordinates them after
        a reported clause: speech, intention, naming, object and prepositional cues."""
        return (self.speech_verbs | self.infinitive_verbs | self.naming_verbs | self.object_verbs
                | self.prepositional_heads)

    @cached_property
    def prepositional_heads(self) -> frozenset[str]:
        """The verb lemmas of ``prepositional_verbs``."""
        return frozenset(entry.split()[0] for entry in self.prepositional_verbs)

    @cached_property
    def nominal_heads(self) -> frozenset[str]:
        """The noun lemmas of ``nominal_cues``."""
        return frozenset(entry.split()[0] for entry in self.nominal_cues)


def _read_file(path: Path) -> dict[str, set[str]]:
    """Parse one cue file; DataError naming the file and entry on anything malformed."""
    raw = yamlio.load_mapping(path, "cue file", expected=f"a mapping of sections ({', '.join(SECTIONS)})")
    sections: dict[str, set[str]] = {}
    for name, entries in raw.items():
        if name not in SECTIONS:
            raise DataError(f"{path}: unknown section {name!r}; expected one of {', '.join(SECTIONS)}")
        if not isinstance(entries, list):
            raise DataError(f"{path}: section {name!r} must be a list of strings")
        seen: set[str] = set()
        for entry in entries:
            if not isinstance(entry, str) or not entry.strip() or entry != entry.strip().lower():
                raise DataError(f"{path}: section {name!r}: entry {entry!r} must be a non-empty lower-case string")
            if name in PAIRED and not 2 <= len(entry.split()) <= PAIRED[name]:
                raise DataError(f"{path}: section {name!r}: entry {entry!r} must be a lemma, "
                                f"at most {PAIRED[name] - 2} word(s) of its own and the word that "
                                "introduces the content")
            if entry in seen:
                raise DataError(f"{path}: section {name!r}: duplicate entry {entry!r}")
            seen.add(entry)
        sections[name] = seen
    return sections


def load_lexicon(extra_files: Sequence[Path] = ()) -> CueLexicon:
    """The built-in cue lexicon with the entries of any extra files added."""
    return _load(tuple(Path(p) for p in extra_files))


@lru_cache(maxsize=8)
def _load(extra_files: tuple[Path, ...]) -> CueLexicon:
    merged: dict[str, set[str]] = {name: set() for name in SECTIONS}
    merged["speech_verbs"] |= load_speech_verbs()
    for path in (DEFAULT_FILE, *extra_files):
        for name, entries in _read_file(path).items():
            merged[name] |= entries
    return CueLexicon(**{name: frozenset(entries) for name, entries in merged.items()})
