"""The explorer over the demo store, driven through HTTP as a browser or a script would."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dragoman.api.app import CSP
from dragoman.run import ingest
from dragoman.store import Store

pytestmark = pytest.mark.model

PAGES = ["/events", "/timeline", "/network", "/map", "/quotes", "/actors", "/api"]


class Collect(HTMLParser):
    """The elements of a page with their attributes (what a browser would build)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Collect()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize("path", PAGES)
def test_every_view_renders_with_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe" not in CSP
    scripts = [attrs for tag, attrs in elements(response.text) if tag == "script"]
    assert scripts and all(a.get("src", "").startswith("/static/") for a in scripts)  # no inline, no other origin


def test_the_events_page_shows_the_demo_events_with_their_why(client):
    html = client.get("/events?source=LVA").text
    assert "Latvia expels Russian diplomat" in html
    assert "reduce.order-diplomats-out" in html and '<mark class="trigger">ordered</mark>' in html


def test_a_filter_changes_the_table(client):
    everything = client.get("/events.json?limit=1000").json()["rows"]
    russian = client.get("/events.json?limit=1000&source=RUS&quad_class=3").json()["rows"]
    assert 0 < len(russian) < len(everything)
    assert all(r["source_code"].startswith("RUS") and r["quad_class"] == 3 for r in russian)
    page = client.get("/events?source=RUS&quad_class=3&limit=1000").text
    assert page.count('class="event quad-') == len(russian)


def test_the_json_twin_is_the_api(client):
    assert client.get("/events.json?cameo=11&limit=7").json() == client.get("/api/events?cameo=11&limit=7").json()
    assert client.get("/quotes.json?speaker=Zakharova").json() == client.get("/api/quotes?speaker=Zakharova").json()


def test_pages_follow_on_by_cursor_without_gaps_or_repeats(client):
    whole = [r["id"] for r in client.get("/api/events?limit=60").json()["rows"]]
    seen, url = [], "/api/events?limit=25"
    while len(seen) < 60:
        page = client.get(url).json()
        seen += [r["id"] for r in page["rows"]]
        url = f"/api/events?limit=25&after={page['next']}"
    assert seen[:60] == whole
    more = client.get("/events?limit=25", headers={"HX-Request": "true"}).text  # htmx's "more" fragment
    assert more.lstrip().startswith("<tr") and 'hx-get="/events?limit=25&amp;after=' in more


def test_csv_download_has_every_filtered_row(client):
    response = client.get("/events.csv?source=RUS")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    listed = client.get("/api/events?source=RUS&limit=1000").json()["rows"]
    assert [r["id"] for r in rows] == [r["id"] for r in listed]
    for path in ("/timeline.csv", "/network.csv", "/map.csv", "/quotes.csv", "/actors.csv"):
        table = list(csv.DictReader(io.StringIO(client.get(path).text)))
        assert table, path


def test_places_download_as_geojson_points(client):
    geojson = client.get("/map.geojson").json()
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    feature = geojson["features"][0]
    lon, lat = feature["geometry"]["coordinates"]
    assert -180 <= lon < 180 and -90 <= lat <= 90 and feature["properties"]["events"] >= 1
    assert client.get("/api/places").json() == client.get("/map.geojson").json()


def test_timeline_of_a_dyad_has_both_directions(client):
    data = client.get("/timeline.json?source=RUS&target=UKR&period=year").json()
    assert data["rows"] and "reverse" in data and "reverse_spec" in data
    assert sum(r["events"] for r in data["rows"]) == len(
        client.get("/api/events?source=RUS&target=UKR&limit=1000").json()["rows"])


def test_network_and_actors_views_answer_from_the_demo_store(client):
    network = client.get("/network.json").json()
    assert network["edges"] and {e["data"]["id"] for e in network["elements"] if e["group"] == "nodes"} == {
        n["id"] for n in network["nodes"]}
    actors = client.get("/actors.json?code=RUS").json()["rows"]
    assert actors and all(a["code"].startswith("RUS") for a in actors)


def test_the_article_view_highlights_spans_at_the_records_offsets(client):
    event = client.get("/api/events?source=LVA&cameo=161&limit=1").json()["rows"][0]
    record = client.get(f"/api/articles/{event['article_id']}").json()
    html = client.get(f"/articles/{event['article_id']}").text
    spans = [a for tag, a in elements(html) if tag == "span" and "data-start" in a]
    assert len(spans) > 20
    triggers = {(int(a["data-start"]), int(a["data-end"])) for a in spans if "trigger" in a["class"].split()}
    assert (event["trigger_start"], event["trigger_end"]) in triggers
    assert all(record["text"][s:e].strip() for s, e in triggers)
    assert f'id="event-{event["id"]}"' in html  # its explanation beside the text
    actor = record["actors"][0]
    assert any(int(a["data-start"]) == actor["start"] and "actor" in a["class"] for a in spans)


@pytest.mark.parametrize(("path", "status", "message"), [
    ("/api/events?cameo=abc", 400, "cameo"),
    ("/api/events?since=yesterday", 400, "since"),
    ("/api/events?quad_class=9", 400, "quad_class"),
    ("/api/events?limit=0", 400, "limit"),
    ("/api/events?after=notacursor", 400, "cursor"),
    ("/api/events?colour=red", 400, "unknown parameter 'colour'"),
    ("/api/timeline?period=decade", 400, "period"),
    ("/api/articles/0123456789abcdef", 404, "not in this store"),
    ("/api/articles/%3Cscript%3Ealert(1)", 404, "not an article id"),
    ("/api/articles/..%2F..%2Fetc", 404, "no such page"),
    ("/api/nothing", 404, "no such page"),
])
def test_bad_requests_get_a_message_and_never_a_trace(client, path, status, message):
    response = client.get(path)
    assert response.status_code == status
    assert message in response.json()["error"]
    assert "Traceback" not in response.text and 'File "' not in response.text


def test_html_errors_are_pages_with_the_message(client):
    response = client.get("/events?min_confidence=2")
    assert response.status_code == 400 and "min_confidence" in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert client.get("/articles/ffffffffffffffff").status_code == 404


def test_another_host_name_is_refused(client):
    assert client.get("/events", headers={"Host": "attacker.example"}).status_code == 400


def test_openapi_documents_every_api_route_with_its_filters(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert {"/api/events", "/api/quotes", "/api/articles/{article_id}", "/api/timeline", "/api/network",
            "/api/places", "/api/actors", "/api/stats"} <= set(paths)
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"since", "source", "cameo", "quad_class", "plover_type", "place", "text", "negated", "min_confidence",
            "limit", "after"} <= names
    assert "/api/events" in client.get("/api").text


def test_articles_ingested_while_the_server_runs_show_without_a_restart(tmp_path, coder):
    from fastapi.testclient import TestClient

    from dragoman.api import create_app

    db = tmp_path / "live.duckdb"
    story = tmp_path / "first.txt"
    story.write_text("MOSCOW, March 14 (Meridian News) - Russia accused Turkey on Tuesday of shelling villages.",
                     encoding="utf-8")
    ingest([str(story)], Store(db), coder=coder)
    live = TestClient(create_app(db), base_url="http://127.0.0.1")
    assert live.get("/api/stats").json()["articles"] == 1
    second = tmp_path / "second.txt"
    second.write_text("ANKARA, March 15 (Meridian News) - Turkey condemned Russia on Friday over the strikes.",
                      encoding="utf-8")
    ingest([str(second)], Store(db), coder=coder)
    assert live.get("/api/stats").json()["articles"] == 2
    assert any("condemned" in r["sentence_text"] for r in live.get("/api/events?limit=100").json()["rows"])


def test_static_files_are_served_from_the_package():
    vendor = Path(__file__).resolve().parents[2] / "dragoman" / "web" / "static" / "vendor"
    listed = (vendor / "README.md").read_text(encoding="utf-8")
    for path in vendor.iterdir():
        if path.suffix in (".js", ".json"):
            assert f"`{path.name}`" in listed, f"{path.name} is not in the vendor README"


def test_json_responses_are_not_html(client):
    for path in ("/events.json", "/api/events", "/network.json", "/map.json"):
        response = client.get(path)
        assert response.headers["content-type"].startswith("application/json")
        json.loads(response.text)
