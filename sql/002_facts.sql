-- Facts with provenance: every row names its article, paragraph and character span in articles.text.
CREATE TABLE IF NOT EXISTS regions (
    region_code   VARCHAR PRIMARY KEY,     -- Kemendagri code: "73" province, "73.06" kabupaten/kota
    name          VARCHAR NOT NULL,        -- "Kabupaten Gowa", "Kota Parepare", "Provinsi Sulawesi Selatan"
    level         VARCHAR NOT NULL,        -- province | regency | city
    province_code VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS region_mentions (
    article_id  VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL,
    surface     VARCHAR,
    strong      BOOLEAN,
    is_subject  BOOLEAN,                   -- one of the regions the article is about
    paragraph   INTEGER,
    span_start  INTEGER,
    span_end    INTEGER
);

CREATE TABLE IF NOT EXISTS date_mentions (
    article_id       VARCHAR NOT NULL,
    value            VARCHAR NOT NULL,     -- ISO, day or month precision
    precision        VARCHAR NOT NULL,
    date             DATE,                 -- first day for month precision
    explicit         BOOLEAN NOT NULL,     -- false: yearless, resolved against published_at
    weekday_mismatch BOOLEAN NOT NULL,
    surface          VARCHAR,
    paragraph        INTEGER,
    span_start       INTEGER,
    span_end         INTEGER,
    extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS officials (
    official_id VARCHAR PRIMARY KEY,       -- hash of the normalised name
    name        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS official_mentions (
    article_id      VARCHAR NOT NULL,
    official_id     VARCHAR NOT NULL,
    name_as_written VARCHAR,
    title           VARCHAR,
    region          VARCHAR,
    region_code     VARCHAR,
    paragraph       INTEGER,
    span_start      INTEGER,
    span_end        INTEGER,
    extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS innovations (
    innovation_id VARCHAR PRIMARY KEY,     -- hash of the normalised name
    name          VARCHAR NOT NULL,
    expansion     VARCHAR,
    sector        VARCHAR
);

CREATE TABLE IF NOT EXISTS innovation_mentions (
    article_id    VARCHAR NOT NULL,
    innovation_id VARCHAR NOT NULL,
    name          VARCHAR,
    expansion     VARCHAR,
    sector        VARCHAR,
    region        VARCHAR,
    region_code   VARCHAR,
    paragraph     INTEGER,
    span_start    INTEGER,
    span_end      INTEGER,
    extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    article_id   VARCHAR NOT NULL,
    event_no     INTEGER NOT NULL,
    kind         VARCHAR NOT NULL,
    name         VARCHAR,
    date         DATE,
    location     VARCHAR,
    region       VARCHAR,
    region_code  VARCHAR,
    organiser    VARCHAR,
    opened_by    VARCHAR,
    participants INTEGER,
    paragraph    INTEGER,
    span_start   INTEGER,
    span_end     INTEGER,
    extractor_version VARCHAR,
    PRIMARY KEY (article_id, event_no)
);
