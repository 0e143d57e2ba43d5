"""The output folder and its manifest: a batch never writes over files it did not make; import names what is wrong."""

from __future__ import annotations

import json

import pytest

from dragoman.batch.manifest import MANIFEST, Manifest, prepare_out, read_manifest
from dragoman.errors import InputError


def test_a_folder_of_other_files_is_refused_and_an_earlier_output_replaced(tmp_path):
    other = tmp_path / "notes"
    other.mkdir()
    (other / "draft.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not empty and holds no batch output"):
        prepare_out(other)

    earlier = tmp_path / "out"
    earlier.mkdir()
    Manifest(engine="local", inputs=["demo/"]).write(earlier)
    prepare_out(earlier)
    assert not (earlier / MANIFEST).exists()  # written again only when the new output is complete


def test_import_names_a_missing_or_foreign_manifest(tmp_path):
    with pytest.raises(InputError, match="not a batch output"):
        read_manifest(tmp_path)
    (tmp_path / MANIFEST).write_text(json.dumps({"engine": "spark", "inputs": [], "format": 99}), encoding="utf-8")
    with pytest.raises(InputError, match="format 99"):
        read_manifest(tmp_path)
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="unreadable batch manifest"):
        read_manifest(tmp_path)


def test_the_manifest_reads_back_as_written(tmp_path):
    written = Manifest(engine="spark", inputs=["a.jsonl"], coded_with="0.1.0+abc", articles_read=3,
                       counts={"articles": 3}, skipped=[{"origin": "a.jsonl:2", "reason": "invalid JSON"}])
    written.write(tmp_path)
    assert read_manifest(tmp_path) == written
