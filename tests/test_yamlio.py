"""Knowledge files parse the same with the C parser as with PyYAML's safe loader."""

from __future__ import annotations

import pytest
import yaml

from dragoman import yamlio
from dragoman.errors import DataError, InputError
from dragoman.events.ontology import DATA

WORD_LIST = """
particles: [on, off, up, down]
answers: [yes, no]
flags: {symmetric: true, inverse: False}
"""


def test_word_loader_keeps_particles_as_words():
    assert yamlio.load(WORD_LIST, yamlio.WORDS) == {
        "particles": ["on", "off", "up", "down"],
        "answers": ["yes", "no"],
        "flags": {"symmetric": True, "inverse": False},
    }
    # the plain loader follows YAML 1.1, as yaml.safe_load does
    assert yamlio.load(WORD_LIST)["particles"][:2] == [True, False]


def test_unsafe_tags_are_refused():
    with pytest.raises(yaml.YAMLError):
        yamlio.load("!!python/object/apply:os.system ['true']")


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_every_shipped_file_reads_as_with_the_python_parser(path):
    text = path.read_text(encoding="utf-8")
    assert yamlio.load(text) == yaml.safe_load(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1\n", "cannot read cue file"),
        ("- a\n- b\n", "expected a mapping of sections"),
        ("", "expected a mapping of sections"),
    ],
)
def test_load_mapping_names_the_file_and_the_problem(tmp_path, text, message):
    path = tmp_path / "cues.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message) as caught:
        yamlio.load_mapping(path, "cue file", expected="a mapping of sections")
    assert str(path) in str(caught.value)


def test_load_mapping_raises_the_callers_error_class(tmp_path):
    missing = tmp_path / "missing.yaml"
    with pytest.raises(InputError, match="missing.yaml: cannot read config"):
        yamlio.load_mapping(missing, "config", error=InputError)


def test_an_empty_file_is_an_empty_mapping_when_allowed(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert yamlio.load_mapping(path, "config", empty_ok=True) == {}
    assert yamlio.read_file(path, "actor dictionary") is None
