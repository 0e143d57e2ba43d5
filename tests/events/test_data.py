"""The ontology and pattern loaders: complete tables, documented choices, loud failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import DataError
from dragoman.events import EventCoder, load_lexicon, load_ontology
from dragoman.events.lexicon import PatternLexicon, load_purposes
from dragoman.events.ontology import _load_codes


def test_cameo_table_is_complete():
    ontology = load_ontology()
    assert len(ontology.codes) >= 300
    assert {f"{n:02d}" for n in range(1, 21)} <= set(ontology.codes)


@pytest.mark.parametrize("code,goldstein,quad", [
    ("016", -5.0, 1), ("022", 3.4, 1), ("124", -4.0, 3), ("1246", -4.0, 3),
    ("163", -8.0, 4), ("164", -6.5, 4), ("165", -7.0, 4), ("166", -7.0, 4),
    ("09", -2.0, 3), ("14", -6.5, 4), ("195", -10.0, 4),
])
def test_goldstein_follows_the_icews_table(code, goldstein, quad):
    entry = load_ontology().get(code)
    assert (entry.goldstein, entry.quad_class) == (goldstein, quad)


@pytest.mark.parametrize("code,plover", [
    ("010", None), ("0233", ("REQUEST", "assist")), ("042", ("CONSULT", "visit")), ("0841", ("RETREAT", "release")),
    ("112", ("ACCUSE", "disapprove")), ("163", ("SANCTION", "restrict")), ("173", ("COERCE", "arrest")),
    ("195", ("ASSAULT", "aerial")), ("1712", ("ASSAULT", "destroy")),
])
def test_plover_mapping(code, plover):
    result = load_ontology().plover(code)
    assert (result.type, result.mode) == plover if plover else result is None


def test_malformed_code_table_names_file_and_entry(tmp_path: Path):
    path = tmp_path / "codes.csv"
    path.write_text("code,quad,goldstein,label\n19,4,-10.0,Fight\n190,4,minus ten,Fight\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"codes.csv:3 \(190\)"):
        _load_codes(path)


def test_user_pattern_file_adds_a_pattern(tmp_path: Path):
    extra = tmp_path / "mine.yaml"
    extra.write_text('patterns:\n- {id: my.snub, verbs: [snub], prep: "on", cameo: "111"}\n', encoding="utf-8")
    lexicon = load_lexicon(load_ontology(), [extra])
    assert any(p.id == "my.snub" and p.prep == "on" for p in lexicon.verbs["snub"])
    assert str(extra) in lexicon.files


@pytest.mark.parametrize("body,message", [
    ('patterns:\n- {id: bad.code, verbs: [hit], cameo: "999"}\n', "bad.code: unknown CAMEO code"),
    ("patterns:\n- {id: bad.key, verbs: [hit], cameo: \"190\", colour: red}\n", "bad.key: unknown keys"),
    ("patterns:\n- {id: bad.family, verbs: [hit], family: plead}\n", "bad.family: unknown family"),
    ("patterns:\n- {id: no.head, cameo: \"190\"}\n", "no.head: missing 'verbs'"),
    ("patterns:\n- {id: fight.attack, verbs: [hit], cameo: \"190\"}\n", "already defined"),
    ("hello: world\n", "expected a mapping with 'patterns'"),
])
def test_malformed_pattern_file_fails_loudly(tmp_path: Path, body, message):
    extra = tmp_path / "bad.yaml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        EventCoder([extra])


def test_every_refinement_is_a_finer_code_of_its_base():
    lexicon = load_lexicon(load_ontology())
    assert lexicon.refinements["141"][0] == ("leadership", "1411")
    for base, table in lexicon.refinements.items():
        assert all(finer[:2] == base[:2] and purpose in lexicon.purposes for purpose, finer in table)


@pytest.mark.parametrize("body,message", [
    ("purposes: {rights: [right]}\nrefinements: {\"141\": {wealth: \"1413\"}}\n", "unknown purpose 'wealth'"),
    ("purposes: {rights: [right]}\nrefinements: {\"141\": {rights: \"1043\"}}\n", "not a CAMEO code under 141"),
    ("purposes: {rights: [right]}\nrefinements: {\"999\": {rights: \"1413\"}}\n", "refinement 999"),
    ("purposes: {rights: right}\nrefinements: {}\n", "purpose rights"),
    ("hello: world\n", "expected 'purposes' and 'refinements'"),
])
def test_malformed_purpose_file_fails_loudly(tmp_path: Path, body, message):
    path = tmp_path / "purposes.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_purposes(PatternLexicon(), load_ontology(), path)
