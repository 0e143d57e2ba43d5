"""Streaming inputs: files of any size are read record by record, the size limit is per article,
and a bad line, element or item costs only itself."""

from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from dragoman.ingest import read_inputs, read_path
from dragoman.records import RawArticle, Skipped

PARAGRAPHS = [
    "NAIROBI, Feb 3 (Meridian News) - Kenya and Ethiopia agreed on Monday to reopen the Moyale border "
    "crossing to cargo traffic, ending a three-week closure that had stranded hundreds of lorries.",
    "The agreement was signed in Addis Ababa by the two countries' transport ministers after talks "
    "brokered by the regional bloc IGAD, officials from both delegations told reporters.",
    '"Trade between our peoples cannot wait on politics," Kenya\'s transport minister said after the '
    "signing, adding that customs officers would return to the post by Thursday.",
    "Ethiopia closed the crossing last month, citing smuggling of fuel and fertiliser. Traders on the "
    "Kenyan side said they had lost perishable goods worth millions of shillings.",
]
WIRE = "\n\n".join(PARAGRAPHS)


def _story(n: int) -> dict[str, str]:
    return {"id": f"wire-{n}", "title": f"Kenya, Ethiopia reopen Moyale crossing ({n})", "text": WIRE}


def _jsonl(records: list) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def _by_line(results) -> dict[int, object]:
    return {int(r.origin.rsplit(":", 1)[1]): r for r in results}


BAD_LINES = {
    2: (b'{"text": "cut off in the mid', "invalid JSON"),
    4: (b'["a", "list", "not", "an", "object"]', "not an object"),
    5: (json.dumps({"title": "a headline and nothing else"}).encode(), 'no "text" or "html"'),
    7: (b'{"text": "Caf\xe9 talks in Geneva"}', "not valid UTF-8 (byte 0xe9 at column 14)"),
}


def test_jsonl_bad_lines_are_named_and_every_good_line_is_read(tmp_path):
    lines = [BAD_LINES[n][0] if n in BAD_LINES else _story(n) for n in range(1, 9)]
    path = tmp_path / "wire.jsonl"
    path.write_bytes(_jsonl(lines))
    results = _by_line(read_inputs([str(path)]))
    assert sorted(results) == list(range(1, 9))
    for line_no, result in results.items():
        if line_no in BAD_LINES:
            assert isinstance(result, Skipped) and BAD_LINES[line_no][1] in result.reason, result
        else:
            assert isinstance(result, RawArticle) and result.external_id == f"wire-{line_no}"


def test_invalid_utf8_on_line_2_of_3_keeps_lines_1_and_3(tmp_path):
    path = tmp_path / "three.jsonl"
    path.write_bytes(_jsonl([_story(1), b'{"text": "bad \xff byte"}', _story(3)]))
    first, second, third = read_inputs([str(path)])
    assert (first.external_id, third.external_id) == ("wire-1", "wire-3")
    assert second == Skipped(f"{path}:2", "not valid UTF-8 (byte 0xff at column 15)")


def test_a_line_over_the_article_limit_is_skipped_and_its_neighbours_read(tmp_path):
    huge = {"id": "huge", "text": WIRE * 200}  # ~130 kB against a 20 kB limit
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_jsonl([_story(1), huge, _story(3)]))
    first, second, third = read_path(path, max_article_bytes=20_000)
    assert isinstance(first, RawArticle) and isinstance(third, RawArticle)
    assert second.origin == f"{path}:2"
    assert second.reason.startswith("line is 1") and second.reason.endswith("over the 20 kB limit for one article")


def test_a_25_mb_jsonl_file_is_read_whole(tmp_path):
    """The file that used to be refused ("file is 25 MB, over the 20 MB limit"), with bad lines in it."""
    path = tmp_path / "big.jsonl"
    count = 0
    with path.open("wb") as out:
        while out.tell() < 25_000_000:
            count += 1
            out.write(b"{broken\n" if count % 1000 == 0 else _jsonl([_story(count)]))
    results = list(read_inputs([str(path)]))
    skipped = [r for r in results if isinstance(r, Skipped)]
    assert len(results) == count
    assert [r.origin for r in skipped] == [f"{path}:{n}" for n in range(1000, count + 1, 1000)]
    assert all(r.reason.startswith("invalid JSON") for r in skipped)


def test_reading_holds_one_record_not_the_file(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as out:
        for n in range(25_000):  # 20 MB of JSON once decompressed
            out.write(_jsonl([_story(n)]))
    tracemalloc.start()
    try:
        results = read_inputs([str(path)])
        first = next(results)
        _, after_first = tracemalloc.get_traced_memory()
        for _ in results:
            pass
        _, after_all = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert first.external_id == "wire-0"
    # read buffers and one record: a tenth of the file at most, whether one record was read or all
    assert after_first < 1_000_000 and after_all < 2_000_000, (after_first, after_all)


def test_gzip_jsonl_and_a_truncated_gzip_keeps_what_came_before(tmp_path):
    data = gzip.compress(_jsonl([_story(n) for n in range(1, 201)]))
    whole, cut = tmp_path / "day.jsonl.gz", tmp_path / "cut.jsonl.gz"
    whole.write_bytes(data)
    cut.write_bytes(data[: len(data) // 2])
    assert all(isinstance(r, RawArticle) for r in read_inputs([str(whole)]))
    results = list(read_inputs([str(cut)]))
    *articles, damage = results
    assert articles and all(isinstance(r, RawArticle) for r in articles)
    assert [r.external_id for r in articles] == [f"wire-{n}" for n in range(1, len(articles) + 1)]
    assert damage.origin == str(cut)
    assert damage.reason.startswith("damaged gzip data") and f"after line {len(articles)}" in damage.reason


def test_json_array_is_streamed_element_by_element(tmp_path):
    elements = [_story(1), "a bare string", {"title": "no body"}, {"id": "big", "text": WIRE * 100}, _story(5)]
    path = tmp_path / "batch.json"
    path.write_text("\ufeff[\n" + ",\n".join(json.dumps(e) for e in elements) + "\n]", encoding="utf-8")
    results = list(read_path(path, max_article_bytes=20_000))
    assert [r.origin.rsplit("#", 1)[1] for r in results] == ["1", "2", "3", "4", "5"]
    assert [type(r).__name__ for r in results] == ["RawArticle", "Skipped", "Skipped", "Skipped", "RawArticle"]
    assert "not an object" in results[1].reason and 'no "text"' in results[2].reason
    assert "over the 20 kB limit for one article" in results[3].reason
    assert results[4].external_id == "wire-5"


@pytest.mark.parametrize(
    "damage",
    ['{"te', '{"id": "wire-3", "sentiment": NaN, "text": "x"}'],  # cut short; Python's NaN, which is not JSON
    ids=["truncated", "nan"],
)
def test_broken_json_array_keeps_the_elements_before_the_damage(tmp_path, damage):
    path = tmp_path / "broken.json.gz"
    path.write_bytes(gzip.compress(f"[{json.dumps(_story(1))}, {json.dumps(_story(2))}, {damage}]".encode()))
    first, second, broken = read_inputs([str(path)])
    assert (first.external_id, second.external_id) == ("wire-1", "wire-2")
    assert broken.origin == f"{path}#3" and broken.reason.startswith("invalid JSON")
    assert broken.reason.endswith("(the rest of the array cannot be read)")


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_stdin_jsonl_streams_with_line_numbers(monkeypatch, compress):
    payload = _jsonl([_story(1), b"not json at all", _story(3)])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(payload) if compress else payload)))
    first, second, third = read_inputs(["-"])
    assert (first.origin, third.origin) == ("<stdin>:1", "<stdin>:3")
    assert second.origin == "<stdin>:2" and second.reason.startswith("invalid JSON")


def test_stdin_text_over_the_limit_is_one_skip(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WIRE.encode() * 50)))
    (skipped,) = read_path(Path("-"), max_article_bytes=10_000)
    assert skipped == Skipped("<stdin>", "input is over the 10 kB limit for one article")


def test_a_large_gzip_text_file_is_one_article_too_big(tmp_path):
    path = tmp_path / "long.txt.gz"
    path.write_bytes(gzip.compress(WIRE.encode() * 50))
    (skipped,) = read_path(path, max_article_bytes=10_000)
    assert skipped.reason == "input is over the 10 kB limit for one article"


def _rss(items: int, big_item: int = 0) -> str:
    entries = "".join(
        f"<item><title>Moyale crossing reopens ({n})</title><link>https://news.example/moyale-{n}</link>"
        f"<guid>moyale-{n}</guid><pubDate>Mon, 03 Feb 2020 0{n % 10}:00:00 GMT</pubDate>"
        f"<dc:creator>Amina Waweru</dc:creator><description>Teaser {n}.</description>"
        f"<content:encoded><![CDATA[<p>{WIRE * (40 if n == big_item else 1)}</p>]]></content:encoded></item>"
        for n in range(1, items + 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Meridian Africa</title><link>https://news.example/</link>{entries}</channel></rss>"
    )


def _atom(items: int) -> str:
    entries = "".join(
        f'<entry><title>Moyale crossing reopens ({n})</title><link href="https://news.example/a{n}"/>'
        f"<id>urn:meridian:{n}</id><updated>2020-02-0{1 + n % 9}T10:00:00Z</updated>"
        f'<content type="html">&lt;p&gt;{WIRE}&lt;/p&gt;</content></entry>'
        for n in range(1, items + 1)
    )
    atom = '<feed xmlns="http://www.w3.org/2005/Atom">'
    return f'<?xml version="1.0"?>{atom}<title>Meridian Atom</title>{entries}</feed>'


def _rdf(items: int) -> str:
    entries = "".join(
        f'<item rdf:about="https://news.example/r{n}"><title>Moyale ({n})</title>'
        f"<link>https://news.example/r{n}</link><description>{WIRE}</description>"
        f"<dc:date>2020-02-03T10:00:00Z</dc:date></item>"
        for n in range(1, items + 1)
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://news.example/"><title>Meridian RDF</title>'
        f"<link>https://news.example/</link></channel>{entries}</rdf:RDF>"
    )


@pytest.mark.parametrize("name, feed", [("africa.rss", _rss(30)), ("atom.xml", _atom(30)), ("rdf.rss", _rdf(30))])
def test_a_feed_over_the_limit_streams_items_exactly_as_a_small_feed_reads(tmp_path, name, feed):
    path = tmp_path / name
    path.write_text(feed, encoding="utf-8")
    whole = list(read_path(path))  # under the default limit: feedparser reads the file in one go
    streamed = list(read_path(path, max_article_bytes=5_000))  # the file is ~30 kB: item by item
    assert len(whole) == 30 and all(isinstance(r, RawArticle) for r in whole)
    assert streamed == whole


def test_an_oversized_feed_item_is_skipped_by_number(tmp_path):
    path = tmp_path / "africa.rss.gz"
    path.write_bytes(gzip.compress(_rss(5, big_item=3).encode()))
    results = list(read_path(path, max_article_bytes=5_000))
    assert [type(r).__name__ for r in results] == ["RawArticle", "RawArticle", "Skipped", "RawArticle", "RawArticle"]
    assert results[2].origin == f"{path}#3" and "over the 5 kB limit for one article" in results[2].reason
    assert results[3].url == "https://news.example/moyale-4" and results[3].source == "Meridian Africa"


def test_the_old_max_bytes_option_still_sets_the_article_limit(tmp_path, caplog):
    from dragoman.config import load_options
    from dragoman.errors import InputError

    config = tmp_path / "old.yaml"
    config.write_text("max_bytes: 1000\n", encoding="utf-8")
    assert load_options(config).max_article_bytes == 1000
    assert "max_bytes is now max_article_bytes" in caplog.text
    config.write_text("max_bytes: 1000\nmax_article_bytes: 2000\n", encoding="utf-8")
    with pytest.raises(InputError, match="old name of max_article_bytes"):
        load_options(config)
