"""Property tests: no text, HTML or byte input crashes reading or cleaning; failures are Skipped."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dragoman.ingest import prepare, read_path
from dragoman.ingest.json_fields import article_from_json
from dragoman.records import RawArticle, Skipped

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TAGS = st.sampled_from(["p", "div", "article", "script", "style", "h1", "table", "td", "br", "html", "body", "title"])


@st.composite
def html_soup(draw):
    """Tag soup: unbalanced tags, entities, odd characters and text pieces."""
    parts = draw(st.lists(st.one_of(
        TAGS.map(lambda t: f"<{t}>"), TAGS.map(lambda t: f"</{t}>"), st.text(max_size=80),
        st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&bogus;", "<!--", "-->", "<![CDATA[", "<?xml?>", "\x00"]),
    ), max_size=40))
    return "".join(parts)


def _ok(result):
    assert isinstance(result, (Skipped, tuple))
    if isinstance(result, tuple):
        meta, text = result
        assert text == text.strip() and meta.id


@FAST
@given(st.text(max_size=2000))
def test_any_text_is_prepared_or_skipped(text):
    _ok(prepare(RawArticle(origin="fuzz.txt", text=text)))


@FAST
@given(html_soup())
def test_any_html_is_prepared_or_skipped(html):
    _ok(prepare(RawArticle(origin="fuzz.html", html=html)))


KINDS = ["x.txt", "x.html", "x.jsonl", "x.json", "x.rss", "x.xml", "x.warc", "x.txt.gz", "x.jsonl.gz", "x.json.gz"]
# byte soup with the pieces the streaming readers branch on: line breaks, brackets, feed roots, BOMs
PIECES = st.sampled_from(
    [b"\n", b"\r\n", b"[", b"]", b",", b"{", b"}", b'"text": "x"', b"<rss>", b"<item>", b"\xef\xbb\xbf"]
)
SOUP = st.lists(st.one_of(st.binary(max_size=200), PIECES), max_size=30).map(b"".join)


def _gzipped(data: bytes, cut: int) -> bytes:
    """gzip of ``data``, cut short by ``cut`` bytes when ``cut`` is positive (a truncated download)."""
    packed = gzip.compress(data)
    return packed[: len(packed) - cut] if cut > 0 else packed


def _check(results) -> None:
    for result in results:
        assert isinstance(result, (RawArticle, Skipped))
        if isinstance(result, RawArticle):
            _ok(prepare(result))


@FAST
@given(SOUP, st.sampled_from(KINDS), st.integers(-5, 12), st.integers(8, 4000))
def test_any_bytes_in_any_file_kind_read_without_crashing(tmp_path_factory, data, name, cut, limit):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(_gzipped(data, cut) if name.endswith(".gz") else data)
    _check(read_path(path, max_article_bytes=limit))


@FAST
@given(SOUP, st.booleans())
def test_any_bytes_on_stdin_read_without_crashing(monkeypatch, data, compress):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(data) if compress else data)))
    _check(read_path(Path("-"), max_article_bytes=2000))


ARTICLE = st.fixed_dictionaries({"text": st.text(min_size=1, max_size=80), "title": st.text(max_size=20)})
LINE = st.one_of(
    ARTICLE.map(lambda item: json.dumps(item, ensure_ascii=False).encode()),
    st.binary(max_size=60).filter(lambda b: b"\n" not in b),
)


@FAST
@given(st.lists(LINE, min_size=1, max_size=12))
def test_every_jsonl_line_is_its_own_result(tmp_path_factory, lines):
    """A bad line never costs a good one: each non-blank line gives exactly one result, named by its number."""
    data = b"\n".join(lines)
    assume(not data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"["))  # that is read as one JSON array
    path = tmp_path_factory.mktemp("fuzz") / "lines.jsonl"
    path.write_bytes(data)
    results = [r for r in read_path(path) if r.origin != str(path)]  # a whole-file skip (binary) names the file
    if len(results) == 0:
        return
    text = [line.decode("utf-8", errors="replace") for line in lines]
    text[0] = text[0].removeprefix("\ufeff")  # a byte order mark opens the file, not line 1's content
    expected = [n for n, line in enumerate(text, 1) if line.strip()]
    assert [int(r.origin.rsplit(":", 1)[1]) for r in results] == expected
    for result in results:
        line = lines[int(result.origin.rsplit(":", 1)[1]) - 1]
        if isinstance(result, RawArticle):
            assert result.text == json.loads(line)["text"]


# JSON values only: NaN and Infinity, which json.dumps writes, are not JSON and end a streamed array
ELEMENT = st.one_of(
    ARTICLE, st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.none(), st.lists(st.text(max_size=5))
)


@FAST
@given(st.lists(ELEMENT, max_size=8))
def test_a_json_array_streams_as_json_loads_reads_it(tmp_path_factory, elements):
    path = tmp_path_factory.mktemp("fuzz") / "array.json"
    path.write_text(json.dumps(elements, ensure_ascii=False), encoding="utf-8")
    expected = [article_from_json(item, f"{path}#{n}") for n, item in enumerate(elements, 1)]
    assert list(read_path(path)) == expected
