"""`nlp.add_pipe("dragoman")`: a registered spaCy factory whose record is `dragoman.code`'s."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import dragoman
import dragoman.spacy_component  # noqa: F401  (registers the factory, as the entry point does)
from dragoman.nlp import DEFAULT_MODELS

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[2]
STORY = (
    "Latvia expels Russian diplomat\n\n"
    "By Ilze Kalnina | May 24, 2022\n\n"
    "RIGA, May 24 (Northgate Wire) - Latvia ordered a Russian diplomat to leave the country within 72 hours "
    "on Tuesday. \"We will not tolerate attempts to gather information against our state,\" Foreign Minister "
    "Edgars Rinkevics wrote on Twitter.\n\n"
    "Russian Foreign Ministry spokeswoman Maria Zakharova accused the Baltic states of confrontation."
)


@pytest.fixture(scope="module")
def user_nlp():
    """The user's own pipeline: the English model as spacy.load gives it, plus dragoman."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name):
            nlp = spacy.load(name)
            nlp.add_pipe("dragoman", config={"published": "2022-05-24"})
            return nlp
    pytest.skip("no English spaCy model installed")


def test_the_doc_carries_the_record_dragoman_code_gives(user_nlp):
    doc = user_nlp(STORY)
    assert doc._.dragoman == dragoman.code(STORY, published="2022-05-24")
    assert doc._.dragoman["events"] and doc._.dragoman["quotes"]


def test_spans_cover_what_the_record_names(user_nlp):
    doc = user_nlp(STORY)
    record = doc._.dragoman
    actors = doc.spans["dragoman_actors"]
    assert [s.text for s in actors] == [a["text"] for a in record["actors"]]
    assert [s.label_ for s in actors] == [a["code"] or "ACTOR" for a in record["actors"]]
    triggers = doc.spans["dragoman_events"]
    assert [(s.text, s.label_) for s in triggers] == [(e["trigger"]["text"], e["cameo"]) for e in record["events"]]
    assert {s.label_ for s in doc.spans["dragoman_quotes"]} <= {"DIRECT", "INDIRECT", "MIXED"}
    assert len(doc.spans["dragoman_quotes"]) == len(record["quotes"])
    assert record["text"] != doc.text  # the byline was dropped: offsets were aligned, not copied


def test_the_factory_declares_what_it_assigns_and_a_short_text_is_not_an_error(user_nlp):
    meta = user_nlp.get_pipe_meta("dragoman")
    assert "doc._.dragoman" in meta.assigns and meta.requires == []
    doc = user_nlp("Too short.")
    assert doc._.dragoman is None and "too short" in doc._.dragoman_skipped


def test_the_entry_point_names_the_registered_factory():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"]
    module, _, function = declared["dragoman"].partition(":")
    assert getattr(importlib.import_module(module), function) is dragoman.spacy_component.make_dragoman
    assert spacy.language.Language.has_factory("dragoman")


def test_add_pipe_finds_the_factory_through_the_entry_point_without_importing_dragoman(tmp_path):
    """An installed dragoman declares the factory as pyproject does; a fresh interpreter that never
    imports dragoman gets it from spaCy's entry-point lookup (a stand-in dist-info declares it here,
    since the test environment's dragoman may be installed from another checkout)."""
    tomllib = pytest.importorskip("tomllib")
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"]
    info = tmp_path / "dragoman_factory_probe-0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: dragoman-factory-probe\nVersion: 0.0\n")
    (info / "entry_points.txt").write_text(f"[spacy_factories]\ndragoman = {declared['dragoman']}\n")
    script = (
        "import sys, spacy\n"
        "assert 'dragoman' not in sys.modules\n"  # the user's code never imports it: spaCy's lookup does
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('dragoman')\n"
        "print(nlp.pipe_names, nlp.get_pipe_meta('dragoman').assigns)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp_path)])}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "['dragoman']" in done.stdout and "doc._.dragoman" in done.stdout
