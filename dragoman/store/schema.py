"""The DuckDB schema. ``MIGRATIONS[n]`` takes a store from version n to n+1; the tool applies them."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 0 -> 1: the first schema
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,          -- sha256 of the normalized text
        external_id VARCHAR, title VARCHAR, url VARCHAR, source VARCHAR, byline VARCHAR,
        published DATE, published_from VARCHAR, dateline VARCHAR, language VARCHAR,
        origin VARCHAR, text VARCHAR NOT NULL,
        duplicate_of VARCHAR,            -- first copy, for near-duplicates linked but not coded
        ingested_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE actors (
        article_id VARCHAR NOT NULL, n INTEGER NOT NULL,
        text VARCHAR, start INTEGER, "end" INTEGER, name VARCHAR, code VARCHAR,
        country VARCHAR, sector VARCHAR, kind VARCHAR, rule VARCHAR,
        PRIMARY KEY (article_id, n)
    );
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL, n INTEGER NOT NULL,
        text VARCHAR, start INTEGER, "end" INTEGER, kind VARCHAR, cue VARCHAR,
        speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
        speaker_name VARCHAR, speaker_code VARCHAR, rule VARCHAR,
        PRIMARY KEY (article_id, n)
    );
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL,
        sentence INTEGER, start INTEGER, "end" INTEGER,
        trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
        source_text VARCHAR, source_name VARCHAR, source_code VARCHAR,
        source_country VARCHAR, source_sector VARCHAR,
        target_text VARCHAR, target_name VARCHAR, target_code VARCHAR,
        target_country VARCHAR, target_sector VARCHAR,
        cameo VARCHAR, cameo_root VARCHAR, cameo_label VARCHAR, goldstein DOUBLE, quad_class INTEGER,
        plover_type VARCHAR, plover_mode VARCHAR,
        date DATE, date_precision VARCHAR, date_rule VARCHAR,
        location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE, location_rule VARCHAR,
        negated BOOLEAN, confidence DOUBLE, rule VARCHAR, mentions INTEGER
    );
    CREATE TABLE times (
        article_id VARCHAR NOT NULL, n INTEGER NOT NULL,
        text VARCHAR, start INTEGER, "end" INTEGER, value VARCHAR, type VARCHAR,
        PRIMARY KEY (article_id, n)
    );
    CREATE TABLE places (
        article_id VARCHAR NOT NULL, n INTEGER NOT NULL,
        text VARCHAR, start INTEGER, "end" INTEGER, name VARCHAR, country VARCHAR, admin1 VARCHAR,
        lat DOUBLE, lon DOUBLE, geonameid BIGINT,
        PRIMARY KEY (article_id, n)
    );
    CREATE INDEX events_article ON events(article_id);
    """,
]

TABLES = ("articles", "actors", "quotes", "events", "times", "places")
