-- Core tables: sources, runs, every fetch, articles and their paragraphs.
CREATE TABLE IF NOT EXISTS sources (
    source_id   VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    base_url    VARCHAR NOT NULL,
    region      VARCHAR,
    region_code VARCHAR,
    config      JSON
);

CREATE TABLE IF NOT EXISTS runs (
    run_id      VARCHAR PRIMARY KEY,
    kind        VARCHAR NOT NULL,          -- demo | run | crawl | ingest | reextract
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL,          -- running | ok | failed
    pages       INTEGER DEFAULT 0,
    not_modified INTEGER DEFAULT 0,
    articles_new INTEGER DEFAULT 0,
    articles_updated INTEGER DEFAULT 0,
    facts       INTEGER DEFAULT 0,
    errors      INTEGER DEFAULT 0,
    details     JSON                       -- per source counts and errors by reason
);

CREATE TABLE IF NOT EXISTS pages (
    url           VARCHAR NOT NULL,        -- the URL asked for
    final_url     VARCHAR,                 -- after redirects
    run_id        VARCHAR,
    source        VARCHAR,
    status        INTEGER,                 -- HTTP status; NULL when no response
    fetched_at    TIMESTAMP NOT NULL,
    etag          VARCHAR,
    last_modified VARCHAR,
    content_type  VARCHAR,
    bytes         BIGINT,
    content_hash  VARCHAR,
    outcome       VARCHAR NOT NULL,        -- article | unchanged | not-modified | skipped | error
    error         VARCHAR,                 -- reason of a skip or error (robots, too-large, not-html, ...)
    warc_file     VARCHAR,
    warc_offset   BIGINT
);

CREATE TABLE IF NOT EXISTS articles (
    article_id        VARCHAR PRIMARY KEY, -- hash of the canonical URL
    url               VARCHAR NOT NULL,    -- canonical URL (article_id is its hash, so unique)
    source            VARCHAR,
    title             VARCHAR,
    author            VARCHAR,
    sitename          VARCHAR,
    published_at      DATE,
    language          VARCHAR,
    text              VARCHAR,             -- clean, deduplicated text
    content_hash      VARCHAR,             -- hash of the clean text
    duplicate_of      VARCHAR,             -- article_id of the original when a near-duplicate
    extractor_version VARCHAR,
    first_seen        TIMESTAMP,
    fetched_at        TIMESTAMP,
    run_id            VARCHAR
);

CREATE TABLE IF NOT EXISTS paragraphs (
    article_id     VARCHAR NOT NULL,
    position       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    hash           VARCHAR NOT NULL,
    is_furniture   BOOLEAN NOT NULL DEFAULT false,
    is_repeat      BOOLEAN NOT NULL DEFAULT false,
    is_boilerplate BOOLEAN NOT NULL DEFAULT false,
    kind           VARCHAR,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE IF NOT EXISTS article_minhash (
    article_id VARCHAR PRIMARY KEY,
    signature  BLOB NOT NULL
);
