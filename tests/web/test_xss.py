"""Hostile articles (script tags, event-handler attributes, javascript: URLs, odd Unicode), ingested
through the normal path, render as text on every page; hostile query parameters too."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.web.test_api import elements

pytestmark = pytest.mark.model

ALLOWED_SCHEMES = ("/", "#", "?", "http://", "https://")


def _assert_inert(html: str) -> None:
    """No script but the packaged files, no event-handler attribute, no link or source that runs code."""
    for tag, attrs in elements(html):
        assert tag not in ("iframe", "img", "object", "embed", "textarea"), (tag, attrs)
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            if name in attrs:
                value = attrs[name].strip().lower()
                assert value.startswith(ALLOWED_SCHEMES), (tag, name, attrs[name])


def _texts(html: str) -> str:
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data):
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return "".join(parser.parts)


def _hostile_ids(hostile_client) -> list[str]:
    ids = {r["article_id"] for r in hostile_client.get("/api/events?limit=1000").json()["rows"]}
    assert len(ids) == 2, "both hostile articles should have events"
    return sorted(ids)


def test_hostile_article_pages_show_the_markup_as_text(hostile_client):
    for article_id in _hostile_ids(hostile_client):
        record = hostile_client.get(f"/api/articles/{article_id}").json()
        html = hostile_client.get(f"/articles/{article_id}").text
        _assert_inert(html)
        assert "<script>window.__pwned" not in html
        text = _texts(html)
        assert "<script>window.__pwned" in text or "</span><script>window.__pwned" in text  # shown, as text
        if record["article"]["url"]:
            assert 'href="javascript:' not in html.lower()
            assert record["article"]["url"] in text  # the url is shown, not linked
        kept = [c for c in ("\u202e", "\u200b", "\u0301", "\U0001F600") if c in record["text"]]
        assert kept or "Odd text" not in record["text"]
        for odd in kept:  # what cleaning kept is shown as it is
            assert odd in text


@pytest.mark.parametrize("path", ["/events", "/quotes", "/actors", "/map", "/network", "/timeline"])
def test_hostile_articles_stay_text_in_every_listing(hostile_client, path):
    response = hostile_client.get(path)
    assert response.status_code == 200
    _assert_inert(response.text)
    assert "<script>window" not in response.text and "<iframe" not in response.text


def test_hostile_titles_in_json_are_data_in_a_json_response(hostile_client):
    response = hostile_client.get("/events.json?limit=1000")
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    titles = {r["article_title"] for r in response.json()["rows"]}
    assert any("<script>" in (t or "") for t in titles)  # stored as written, escaped only where HTML is made


@pytest.mark.parametrize("value", [
    '"><script>window.__pwned=9</script>', "javascript:alert(1)", "\u202e\u0000\ud7ff'--", "{{7*7}}",
    "' OR 1=1 --",
])
def test_hostile_query_parameters_render_as_text(hostile_client, value):
    for path in ("/events?text=", "/events?place=", "/quotes?speaker=", "/actors?name=", "/timeline?source="):
        response = hostile_client.get(path + quote(value))
        assert response.status_code in (200, 400), (path, response.status_code)
        _assert_inert(response.text)
        assert "<script>window.__pwned=9" not in response.text
        assert "49" not in _texts(response.text).replace("2049", "")  # no template evaluated the input
