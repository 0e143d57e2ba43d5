"""Property tests: no text, HTML or byte input crashes reading or cleaning; failures are Skipped."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.ingest import prepare, read_path
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


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.rss", "x.warc", "x.txt.gz"]))
def test_any_bytes_in_any_file_kind_read_without_crashing(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    for result in read_path(path):
        assert isinstance(result, (RawArticle, Skipped))
        if isinstance(result, RawArticle):
            _ok(prepare(result))
