"""Real-world inputs: WARC crawls, RSS/Atom feeds, GDELT-style JSONL, globs, stdin, other languages."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dragoman.ingest import prepare, read_inputs
from dragoman.records import RawArticle, Skipped

STORY = (
    "ANKARA, May 4 (Meridian News) - Turkey summoned the Dutch ambassador on Friday after police in "
    "Rotterdam blocked a rally by Turkish ministers, the foreign ministry in Ankara said in a statement."
)
PAGE = (
    "<html><head><title>Turkey summons envoy</title></head><body><article><h1>Turkey summons envoy</h1>"
    f"<p>{STORY}</p><p>{STORY.replace('Friday', 'Saturday')}</p></article></body></html>"
)
FRENCH = (
    "Le ministre turc des affaires étrangères a convoqué vendredi l'ambassadeur des Pays-Bas après "
    "l'interdiction d'un rassemblement à Rotterdam, a indiqué le ministère dans un communiqué publié à Ankara."
)


def _results(*paths):
    return list(read_inputs([str(p) for p in paths]))


def _warc(path, records, gz=True):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("name, gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_response_records_with_html_become_articles(tmp_path, name, gz):
    path = tmp_path / name
    _warc(
        path,
        [
            ("https://news.example/turkey", "text/html; charset=utf-8", "200 OK", PAGE.encode()),
            ("https://news.example/logo.png", "image/png", "200 OK", b"\x89PNG..."),
            ("https://news.example/gone", "text/html", "404 Not Found", b"<html>missing</html>"),
        ],
        gz,
    )
    results = _results(path)
    articles = [r for r in results if isinstance(r, RawArticle)]
    assert [a.url for a in articles] == ["https://news.example/turkey"]
    assert "Rotterdam" in articles[0].html
    assert any(isinstance(r, Skipped) and "HTTP status 404" in r.reason for r in results)
    meta, text = prepare(articles[0])
    assert text.startswith("ANKARA") and meta.url == "https://news.example/turkey"


def test_a_broken_warc_is_one_skip(tmp_path):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: resp"))
    (skipped,) = _results(path)
    assert isinstance(skipped, Skipped)


RSS = f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Meridian World</title>
<item><title>Turkey summons envoy</title><link>https://news.example/a</link>
<pubDate>Fri, 04 May 2018 09:00:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>{STORY}</p>]]></content:encoded></item>
<item><title>Only a link</title><link>https://news.example/b</link></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Meridian Atom</title><entry><title>Envoy summoned</title><link href="https://news.example/c"/>
<updated>2018-05-05T10:00:00Z</updated><summary>{STORY}</summary></entry></feed>"""


def test_rss_items_carry_link_title_date_and_full_text(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = _results(path)
    assert isinstance(first, RawArticle)
    assert (first.title, first.url, first.published, first.source) == (
        "Turkey summons envoy",
        "https://news.example/a",
        "2018-05-04",
        "Meridian World",
    )
    assert "Rotterdam" in first.html  # the full text, not the teaser
    assert isinstance(second, Skipped) and "no text" in second.reason
    meta, text = prepare(first)
    assert "Rotterdam" in text and meta.published == "2018-05-04"


def test_atom_summary_is_coded_when_there_is_no_content(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = _results(path)
    assert entry.published == "2018-05-05" and entry.url == "https://news.example/c"
    assert "Rotterdam" in (entry.text or entry.html)


def test_xml_that_is_not_a_feed_is_skipped(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>", encoding="utf-8")
    (skipped,) = _results(path)
    assert "not an RSS or Atom feed" in skipped.reason


@pytest.mark.parametrize(
    "record, field, expected",
    [
        ({"SOURCEURL": "https://x.example/1", "text": STORY}, "url", "https://x.example/1"),
        ({"DocumentIdentifier": "https://x.example/2", "text": STORY}, "url", "https://x.example/2"),
        ({"SourceCommonName": "x.example", "text": STORY}, "source", "x.example"),
        ({"seendate": "20180504T091500Z", "text": STORY}, "published", "2018-05-04"),
        ({"DATEADDED": 20180504091500, "text": STORY}, "published", "2018-05-04"),
        ({"SQLDATE": "20180504", "text": STORY}, "published", "2018-05-04"),
        ({"GKGRECORDID": "20180504-17", "text": STORY}, "external_id", "20180504-17"),
        ({"title": "T", "body": STORY}, "text", STORY),
        ({"authors": ["Ann Lee", "Bo Chan"], "text": STORY}, "byline", "Ann Lee, Bo Chan"),
    ],
)
def test_gdelt_style_jsonl_fields(tmp_path, record, field, expected):
    path = tmp_path / "gdelt.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    (raw,) = _results(path)
    assert getattr(raw, field) == expected


def test_language_in_the_metadata_skips_before_cleaning(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"language": "French", "text": FRENCH}) + "\n" + json.dumps({"language": "English", "text": STORY}),
        encoding="utf-8",
    )
    french, english = _results(path)
    assert isinstance(french, Skipped) and "French" in french.reason
    assert isinstance(english, RawArticle)


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        "Der türkische Außenminister hat am Freitag den niederländischen Botschafter "
        "einbestellt, nachdem die Polizei in Rotterdam eine Kundgebung verhindert hatte.",
    ],
)
def test_non_english_text_is_skipped_with_the_language(text):
    result = prepare(RawArticle(origin="x.txt", text=text))
    assert isinstance(result, Skipped) and "not English" in result.reason


def test_english_text_with_many_foreign_names_is_kept():
    text = (
        "Mevlut Cavusoglu met Sergei Lavrov and Mohammad Javad Zarif in Sochi on Tuesday, and "
        "Recep Tayyip Erdogan later spoke with Vladimir Putin by telephone, officials in Ankara said."
    )
    assert not isinstance(prepare(RawArticle(origin="x.txt", text=text)), Skipped)


def test_globs_expand_and_unmatched_globs_are_named(tmp_path):
    for name in ("a.txt", "b.txt", "c.html"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    results = list(read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "*.nothing")]))
    assert [r.origin.rsplit("/", 1)[-1] for r in results if isinstance(r, RawArticle)] == ["a.txt", "b.txt"]
    assert any(isinstance(r, Skipped) and r.reason == "no file matches the pattern" for r in results)


@pytest.mark.parametrize(
    "payload, kind",
    [
        (STORY.encode(), "text"),
        (PAGE.encode(), "html"),
        (json.dumps({"text": STORY}).encode(), "text"),
        (RSS.encode(), "html"),
    ],
)
def test_stdin_is_sniffed(monkeypatch, payload, kind):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    raw = next(iter(read_inputs(["-"])))
    assert isinstance(raw, RawArticle) and getattr(raw, kind)
