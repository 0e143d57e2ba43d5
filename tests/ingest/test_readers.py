"""Reading inputs: every supported format, and every bad input as one clear Skipped."""

from __future__ import annotations

import gzip
import json
import os

import pytest

from dragoman.ingest import prepare, read_inputs
from dragoman.records import RawArticle, Skipped

STORY = "MOSCOW, March 13 (Meridian News) - Russia accused Turkey of shelling villages in Syria on Tuesday."


def _results(*paths):
    return list(read_inputs([str(p) for p in paths]))


def test_txt_html_json_jsonl_and_gz_are_read(tmp_path):
    (tmp_path / "a.txt").write_text("Title line\n\n" + STORY, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><article><p>{STORY}</p></article></body></html>", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"text": STORY, "id": "x1"}), encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        "\n".join(json.dumps({"text": STORY + f" Item {i}.", "title": f"T{i}"}) for i in range(3)), encoding="utf-8"
    )
    with gzip.open(tmp_path / "e.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(STORY)
    results = _results(tmp_path)
    assert all(isinstance(r, RawArticle) for r in results)
    assert len(results) == 7
    assert [r.origin.rsplit("/", 1)[-1] for r in results][:3] == ["a.txt", "b.html", "c.json:1"]
    assert results[2].external_id == "x1"
    assert results[3].origin.endswith("d.jsonl:1") and results[3].title == "T0"


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("latin.txt", "Caf\u00e9 talks in Geneva between the two ministers".encode("latin-1"), "not valid UTF-8"),
        ("bad.jsonl", b'{"text": "fine text for an article here"}\n{not json}\n', "invalid JSON"),
        ("notext.json", b'{"title": "only a title"}', 'no "text" or "html"'),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
    ],
)
def test_bad_inputs_are_skipped_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    skipped = [r for r in _results(path) if isinstance(r, Skipped)]
    assert skipped, f"{name} should be skipped"
    assert reason in skipped[0].reason
    assert skipped[0].origin.startswith(str(path))


def test_oversized_file_is_skipped_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    (skipped,) = list(read_inputs([str(path)], max_article_bytes=20_000_000))
    assert isinstance(skipped, Skipped) and "over the 20 MB limit" in skipped.reason


def test_missing_path_and_unreadable_directory(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    os.chmod(locked, 0)
    try:
        results = _results(tmp_path, tmp_path / "nope.txt")
    finally:
        os.chmod(locked, 0o755)
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in results if isinstance(r, Skipped)}
    assert reasons["nope.txt"] == "no such file or directory"
    if os.geteuid() != 0:  # root reads everything, so only non-root sees the locked folder as unreadable
        assert reasons["locked"] == "directory is not readable"
    assert sum(isinstance(r, RawArticle) for r in results) == 1


def test_html_without_article_body_is_skipped():
    raw = RawArticle(origin="nav.html", html="<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = prepare(raw)
    assert isinstance(result, Skipped) and result.reason == "HTML has no article body"


def test_hash_ignores_case_and_whitespace():
    one = prepare(RawArticle(origin="a", text=STORY))
    two = prepare(RawArticle(origin="b", text="  " + STORY.upper().replace(" ", "  ") + "\n"))
    assert one[0].id == two[0].id


def test_plain_text_title_byline_and_date():
    text = "Russia accuses Turkey\n\nBy Jane Doe | March 14, 2019 | 4:09am EDT\n\n" + STORY
    meta, body = prepare(RawArticle(origin="a.txt", text=text))
    assert meta.title == "Russia accuses Turkey"
    assert meta.byline == "Jane Doe"
    assert (meta.published, meta.published_from) == ("2019-03-14", "byline")
    assert meta.dateline == "Moscow"
    assert not body.startswith("Russia accuses Turkey")


def test_published_option_wins():
    meta, _ = prepare(RawArticle(origin="a", text=STORY, published="2018-01-02"), published="2019-05-06")
    assert (meta.published, meta.published_from) == ("2019-05-06", "option")
