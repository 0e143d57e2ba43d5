"""Knowledge files parse the same with the C parser as with PyYAML's safe loader."""

from __future__ import annotations

import pytest
import yaml

from dragoman import yamlio
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
