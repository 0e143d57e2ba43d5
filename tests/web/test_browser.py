"""The explorer in a real browser (Playwright driving Debian's chromium) with no network: every
request to anything but the loopback server is aborted and counted as a failure.

Screenshots of each view go to ``$DRAGOMAN_ARTIFACTS`` (default ``tests/web/artifacts/``). Skips
cleanly when Playwright or chromium is absent (``.ci/run`` installs chromium with apt-get).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.browser]

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("DRAGOMAN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)

ARTIFACTS = Path(os.environ.get("DRAGOMAN_ARTIFACTS") or Path(__file__).resolve().parent / "artifacts")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


class Watch:
    """What a page did that it should not: requests off this machine, CSP violations, script errors."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.external: list[str] = []
        self.problems: list[str] = []

    def route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def console(self, message) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            self.problems.append(message.text)


def _page(browser, base: str):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    page = context.new_page()
    watch = Watch(base)
    page.route("**/*", watch.route)
    page.on("console", watch.console)
    page.on("pageerror", lambda exc: watch.problems.append(f"page error: {exc}"))
    page.on("dialog", lambda dialog: (watch.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    return context, page, watch


@pytest.fixture()
def session(browser, live_server):
    context, page, watch = _page(browser, live_server)
    yield page, watch, live_server
    context.close()
    assert watch.external == [], f"requests off this machine: {watch.external}"
    assert watch.problems == [], watch.problems


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _drawn(page, selector: str) -> None:
    page.wait_for_selector(f"{selector}[data-drawn='true']", timeout=30_000)
    box = page.locator(f"{selector} canvas").first.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100


def test_the_events_table_renders_and_a_filter_changes_it(session):
    page, _, base = session
    page.goto(f"{base}/events")
    everything = page.locator("tr.event").count()
    assert everything == 50  # the first page of the demo's events
    _shot(page, "events")
    page.fill("input[name=source]", "RUS")
    page.select_option("select[name=quad_class]", "3")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*source=RUS*")
    codes = page.locator("tr.event td:nth-child(2) code").all_inner_texts()
    assert 0 < len(codes) < everything and all(code.startswith("RUS") for code in codes)
    page.click("header nav a:text('Map')")  # the other views keep the filter
    page.wait_for_url("**/map?*source=RUS*")


def test_more_events_arrive_by_htmx_in_place(session):
    page, _, base = session
    page.goto(f"{base}/events?limit=20")
    assert page.locator("tr.event").count() == 20
    page.click("#more a")
    sync_api.expect(page.locator("tr.event")).to_have_count(40)  # (wait_for_function would eval: the CSP forbids)
    assert page.url.endswith("/events?limit=20")  # the rows came in place, the page stayed


def test_the_timeline_draws_counts_and_the_goldstein_index(session):
    page, _, base = session
    page.goto(f"{base}/timeline?since=2015-01-01&background=false")
    _drawn(page, "#timeline-chart")
    _shot(page, "timeline")
    page.goto(f"{base}/timeline?source=RUS&target=UKR&period=year")
    page.wait_for_selector("#timeline-reverse-chart[data-drawn]", timeout=30_000)
    _drawn(page, "#timeline-chart")


def test_the_map_draws_places_on_the_packaged_world_outline(session):
    page, _, base = session
    with page.expect_response(lambda r: "world-atlas" in r.url) as outline:
        page.goto(f"{base}/map")
    assert outline.value.status == 200
    _drawn(page, "#map-chart")
    assert page.locator("table.places tbody tr").count() > 10
    _shot(page, "map")


def test_the_network_draws_the_dyads(session):
    page, _, base = session
    page.goto(f"{base}/network")
    page.wait_for_selector("#network[data-drawn='true']", timeout=30_000)
    assert page.locator("#network canvas").count() >= 1
    _shot(page, "network")


def test_the_article_view_highlights_spans_at_the_records_offsets(session):
    page, _, base = session
    event = page.request.get(f"{base}/api/events?source=LVA&cameo=161&limit=1").json()["rows"][0]
    record = page.request.get(f"{base}/api/articles/{event['article_id']}").json()
    page.goto(f"{base}/articles/{event['article_id']}")
    spans = page.eval_on_selector_all(
        "#article-text span[data-start]",
        "els => els.map(e => [+e.dataset.start, +e.dataset.end, e.textContent, e.className])")
    assert len(spans) > 20
    for start, end, text, _ in spans:
        assert record["text"][start:end] == text
    triggers = {(s, e) for s, e, _, cls in spans if "trigger" in cls.split()}
    assert (event["trigger_start"], event["trigger_end"]) in triggers
    colour = page.eval_on_selector("#article-text span.trigger", "e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet applied
    assert page.locator(f"[id='event-{event['id']}']").is_visible()
    _shot(page, "article")


def test_quotes_actors_and_api_pages_render(session):
    page, _, base = session
    page.goto(f"{base}/quotes?speaker=Zakharova")
    assert page.locator("table.quotes tbody tr").count() >= 1
    _shot(page, "quotes")
    page.goto(f"{base}/actors")
    assert page.locator("table.actors tbody tr").count() > 20
    _shot(page, "actors")
    page.goto(f"{base}/api")
    assert page.locator("section.endpoint").count() >= 8


def test_a_download_works(session, tmp_path):
    page, _, base = session
    page.goto(f"{base}/events?source=RUS")
    with page.expect_download() as download:
        page.click("a[data-download=csv]")
    target = tmp_path / "events.csv"
    download.value.save_as(target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and all(r["source_code"].startswith("RUS") for r in rows)


def test_hostile_articles_run_nothing_in_the_browser(browser, hostile_server):
    context, page, watch = _page(browser, hostile_server)
    ids = {r["article_id"] for r in page.request.get(f"{hostile_server}/api/events?limit=100").json()["rows"]}
    for path in ["/events", "/quotes", "/actors", *(f"/articles/{i}" for i in sorted(ids))]:
        page.goto(hostile_server + path)
        page.mouse.move(300, 300)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    assert "<script>" in page.locator("h1").inner_text()  # the hostile title, shown as text
    context.close()
    assert watch.external == [] and watch.problems == [], (watch.external, watch.problems)
