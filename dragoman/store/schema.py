"""The DuckDB schema. ``MIGRATIONS[n]`` takes a store from version n to n+1; the tool applies them.

Column names are listed once in ``columns.py``; a test checks the migrations arrive at exactly those.
"""

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
    # 1 -> 2: near-duplicate signatures, events merged across articles (GDELT-style), and the exact
    # event date ("2016", "2016-03", "2019-W10") beside the DATE column's first day of that period
    """
    ALTER TABLE events ADD COLUMN date_value VARCHAR;
    CREATE TABLE article_signatures (
        article_id VARCHAR PRIMARY KEY,  -- a first copy; near-copies link to it via articles.duplicate_of
        minhash BLOB NOT NULL
    );
    CREATE VIEW event_mentions AS
    SELECT md5(concat_ws('|', coalesce(CAST(e.date AS VARCHAR), ''), coalesce(e.source_code, ''),
                         coalesce(e.target_code, ''), e.cameo)) AS group_id,
           e.id AS event_id, e.article_id, e.sentence, e.start, e."end",
           e.trigger_text, e.trigger_start, e.trigger_end, e.mentions,
           a.source AS article_source, a.url AS article_url, a.published AS article_published
    FROM events e JOIN articles a ON a.id = e.article_id;
    CREATE VIEW event_groups AS
    SELECT m.group_id, e.date, e.source_code, e.target_code, e.cameo,
           any_value(e.cameo_root) AS cameo_root, any_value(e.cameo_label) AS cameo_label,
           any_value(e.goldstein) AS goldstein, any_value(e.quad_class) AS quad_class,
           any_value(e.source_name) AS source_name, any_value(e.target_name) AS target_name,
           any_value(e.plover_type) AS plover_type,
           sum(m.mentions) AS num_mentions,
           count(DISTINCT m.article_id) AS num_articles,
           count(DISTINCT coalesce(m.article_source, m.article_id)) AS num_sources,
           min(m.event_id) AS first_event_id,
           min(m.article_published) AS first_published
    FROM event_mentions m JOIN events e ON e.id = m.event_id
    GROUP BY m.group_id, e.date, e.source_code, e.target_code, e.cameo;
    """,
    # 2 -> 3: every field of the record, so a stored article reads back as the record it was
    # (speaker and event actors' spans, kinds and rules; the place id; a time's mod; an event's
    # position), and the version of the knowledge each article was coded with, for recode
    """
    ALTER TABLE articles ADD COLUMN coded_with VARCHAR;
    ALTER TABLE quotes ADD COLUMN speaker_country VARCHAR;
    ALTER TABLE quotes ADD COLUMN speaker_sector VARCHAR;
    ALTER TABLE quotes ADD COLUMN speaker_kind VARCHAR;
    ALTER TABLE quotes ADD COLUMN speaker_rule VARCHAR;
    ALTER TABLE events ADD COLUMN n INTEGER;
    ALTER TABLE events ADD COLUMN source_start INTEGER;
    ALTER TABLE events ADD COLUMN source_end INTEGER;
    ALTER TABLE events ADD COLUMN source_kind VARCHAR;
    ALTER TABLE events ADD COLUMN source_rule VARCHAR;
    ALTER TABLE events ADD COLUMN target_start INTEGER;
    ALTER TABLE events ADD COLUMN target_end INTEGER;
    ALTER TABLE events ADD COLUMN target_kind VARCHAR;
    ALTER TABLE events ADD COLUMN target_rule VARCHAR;
    ALTER TABLE events ADD COLUMN location_geonameid BIGINT;
    ALTER TABLE times ADD COLUMN mod VARCHAR;
    """,
    # 3 -> 4: whether an event is background (scene-setting or history the story recalls)
    """
    ALTER TABLE events ADD COLUMN background BOOLEAN;
    """,
]
