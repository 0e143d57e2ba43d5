"""Export column files and JSON Schemas are not coding knowledge: changing them does not make
`recode` code every stored article again; changing a pattern file does."""

from __future__ import annotations

from dragoman import coder
from dragoman.config import Options


def test_output_format_files_do_not_change_coded_with(tmp_path, monkeypatch):
    (tmp_path / "patterns").mkdir()
    (tmp_path / "export").mkdir()
    (tmp_path / "schema").mkdir()
    (tmp_path / "patterns" / "verbs.yaml").write_text("accuse: 112\n")
    (tmp_path / "export" / "gdelt_events.csv").write_text("name,filled,dragoman\n")
    (tmp_path / "schema" / "plover.schema.json").write_text("{}")
    monkeypatch.setattr(coder, "DATA_DIR", tmp_path)
    before = coder.knowledge_hash(Options())
    (tmp_path / "export" / "gdelt_events.csv").write_text("name,filled,dragoman\nSQLDATE,yes,date\n")
    (tmp_path / "schema" / "plover.schema.json").write_text('{"type": "object"}')
    assert coder.knowledge_hash(Options()) == before
    (tmp_path / "patterns" / "verbs.yaml").write_text("accuse: 112\ncondemn: 111\n")
    assert coder.knowledge_hash(Options()) != before
