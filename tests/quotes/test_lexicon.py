"""The cue lexicon loader: defaults load, extra files add entries, malformed files fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import DataError
from dragoman.quotes.lexicon import load_lexicon


def test_default_lexicon_has_the_core_cues() -> None:
    lexicon = load_lexicon()
    assert {"say", "tell", "insist", "warn", "add", "note", "declare"} <= lexicon.speech_verbs
    assert "according to" in lexicon.source_phrases
    assert "quote" in lexicon.quoting_verbs


def test_new_cue_sections_load() -> None:
    lexicon = load_lexicon()
    assert {"call for", "talk about", "lash out at"} <= lexicon.prepositional_verbs
    assert {"call", "talk", "lash"} <= lexicon.prepositional_heads
    assert {"criticism of", "claim that", "promise to"} <= lexicon.nominal_cues
    assert "tell" in lexicon.clause_only_verbs
    assert {"seem", "appear"} <= lexicon.evidential_verbs
    assert "shoot back" in lexicon.verbs


def test_open_class_sections_load() -> None:
    lexicon = load_lexicon()
    assert {"be", "help", "mean"} <= lexicon.clause_stop_verbs
    assert "about" in lexicon.topic_prepositions
    assert "say" not in lexicon.clause_stop_verbs


def test_extra_file_adds_entries(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("speech_verbs:\n  - harrumph\n", encoding="utf-8")
    lexicon = load_lexicon([extra])
    assert "harrumph" in lexicon.speech_verbs
    assert "say" in lexicon.speech_verbs


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("shouting_verbs:\n  - yell\n", "unknown section"),
        ("speech_verbs: say\n", "must be a list"),
        ("speech_verbs:\n  - Say\n", "lower-case"),
        ("speech_verbs:\n  - 42\n", "lower-case"),
        ("speech_verbs:\n  - say\n  - say\n", "duplicate"),
        ("- say\n", "expected a mapping"),
        ("speech_verbs: [say\n", "cannot read"),
        ("prepositional_verbs:\n  - call\n", "must be a lemma"),
        ("prepositional_verbs:\n  - take a swipe at\n", "must be a lemma"),
        ("nominal_cues:\n  - criticism\n", "must be a lemma"),
    ],
)
def test_malformed_files_name_file_and_entry(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message) as error:
        load_lexicon([bad])
    assert "bad.yaml" in str(error.value)
