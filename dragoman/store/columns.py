"""The store's column names, in table order: the one Python place that names them.

``rows.py`` builds rows by these names, the writer inserts by them, the query layer filters and
sorts by them, and a test checks that the migrated schema (``schema.py``) has exactly these.
Actor columns of events and quotes are prefixed by their role: ``source_``, ``target_``, ``speaker_``.
"""

from __future__ import annotations

ACTOR_FIELDS = ("text", "start", "end", "name", "code", "country", "sector", "kind", "rule")

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "external_id", "title", "url", "source", "byline", "published", "published_from",
        "dateline", "language", "origin", "text", "duplicate_of", "coded_with",
    ),
    "actors": ("article_id", "n", *ACTOR_FIELDS),
    "quotes": (
        "article_id", "n", "text", "start", "end", "kind", "cue",
        *(f"speaker_{f}" for f in ACTOR_FIELDS), "rule",
    ),
    "events": (
        "id", "article_id", "n", "sentence", "start", "end",
        "trigger_text", "trigger_start", "trigger_end",
        *(f"source_{f}" for f in ACTOR_FIELDS), *(f"target_{f}" for f in ACTOR_FIELDS),
        "cameo", "cameo_root", "cameo_label", "goldstein", "quad_class", "plover_type", "plover_mode",
        "date", "date_value", "date_precision", "date_rule",
        "location_name", "location_country", "lat", "lon", "location_geonameid", "location_rule",
        "negated", "confidence", "rule", "mentions", "background",
    ),
    "times": ("article_id", "n", "text", "start", "end", "value", "type", "mod"),
    "places": ("article_id", "n", "text", "start", "end", "name", "country", "admin1", "lat", "lon", "geonameid"),
}
TABLES = tuple(COLUMNS)  # articles first: every other table refers to it by article_id
ARTICLE_TABLES = TABLES[1:]  # the rows coding makes, keyed by article_id: what recode replaces
VIEWS = ("event_groups", "event_mentions")
