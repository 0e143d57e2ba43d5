"""The shared speech-verb list: one file, read by the quotes and the events stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import DataError
from dragoman.events.grammar import EventGrammar
from dragoman.events.lexicon import load_lexicon as load_patterns
from dragoman.events.ontology import load_ontology
from dragoman.nlp.speech import load_speech_verbs
from dragoman.quotes.lexicon import load_lexicon as load_cues


def test_the_built_in_list_loads():
    verbs = load_speech_verbs()
    assert {"say", "tell", "warn", "shoot back"} <= verbs


def test_both_stages_read_the_shared_list():
    shared = load_speech_verbs()
    assert load_cues().speech_verbs == shared
    lexicon = load_patterns(load_ontology())
    added, excluded = lexicon.words("speech_verbs_added"), lexicon.words("speech_verbs_excluded")
    assert EventGrammar.of(lexicon).speech == (shared | added) - excluded


def test_the_events_stage_changes_name_real_differences():
    # an added verb already shared, or an excluded one no longer shared, would be a silent copy
    shared = load_speech_verbs()
    lexicon = load_patterns(load_ontology())
    assert not lexicon.words("speech_verbs_added") & shared
    assert lexicon.words("speech_verbs_excluded") <= shared


@pytest.mark.parametrize(("content", "message"), [
    ("- say\n", "expected a mapping with one list 'speech_verbs'"),
    ("speech_verbs: say\n", "expected a mapping with one list 'speech_verbs'"),
    ("speech_verbs: [say]\nthought_verbs: [think]\n", "expected a mapping with one list 'speech_verbs'"),
    ("speech_verbs: [Say]\n", "lower-case"),
    ("speech_verbs: [chime in loudly]\n", "a lemma and its particle"),
    ("speech_verbs: [say, say]\n", "duplicate"),
])
def test_a_malformed_list_names_file_and_entry(tmp_path: Path, content: str, message: str):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message) as error:
        load_speech_verbs(bad)
    assert "bad.yaml" in str(error.value)
