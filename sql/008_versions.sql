-- Article versions: corrections kept as history, take-downs marked, not deleted (issue 16).
CREATE TABLE IF NOT EXISTS article_versions (
    article_id       VARCHAR NOT NULL,
    version          INTEGER NOT NULL,
    fetched_at       TIMESTAMP,
    superseded_at    TIMESTAMP,
    content_hash     VARCHAR,
    title            VARCHAR,
    text             VARCHAR,
    published_at     DATE,
    page_url         VARCHAR,
    warc_file        VARCHAR,
    warc_offset      BIGINT,
    paragraph_hashes VARCHAR[],
    dates            VARCHAR[],
    officials        VARCHAR[],
    innovations      VARCHAR[],
    PRIMARY KEY (article_id, version)
);
COMMENT ON TABLE article_versions IS 'Earlier versions of articles whose text changed when fetched again (corrections), with the facts they carried.';
COMMENT ON COLUMN article_versions.article_id IS 'The article (articles.article_id).';
COMMENT ON COLUMN article_versions.version IS 'Version number: 1 is the first text seen; articles.version is the current one.';
COMMENT ON COLUMN article_versions.fetched_at IS 'When this version was fetched.';
COMMENT ON COLUMN article_versions.superseded_at IS 'When a fetch found a different text and replaced this version.';
COMMENT ON COLUMN article_versions.content_hash IS 'Hash of this version''s clean text.';
COMMENT ON COLUMN article_versions.title IS 'Headline of this version.';
COMMENT ON COLUMN article_versions.text IS 'Clean text of this version.';
COMMENT ON COLUMN article_versions.published_at IS 'Publication date this version stated.';
COMMENT ON COLUMN article_versions.page_url IS 'Page or file this version came from.';
COMMENT ON COLUMN article_versions.warc_file IS 'WARC file holding the response of this version, when archived.';
COMMENT ON COLUMN article_versions.warc_offset IS 'Offset of that record in warc_file.';
COMMENT ON COLUMN article_versions.paragraph_hashes IS 'Hashes of the kept paragraphs, in order (to tell paragraphs added, removed or edited).';
COMMENT ON COLUMN article_versions.dates IS 'Explicit dates (ISO) this version named.';
COMMENT ON COLUMN article_versions.officials IS 'Officials (names) this version named.';
COMMENT ON COLUMN article_versions.innovations IS 'Innovations (names) this version named.';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS version INTEGER DEFAULT 1;
COMMENT ON COLUMN articles.version IS 'Current version number (1 + earlier versions kept in article_versions).';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS gone_at TIMESTAMP;
COMMENT ON COLUMN articles.gone_at IS 'When the article was first found taken down (404/410); NULL while it is online.';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS gone_status INTEGER;
COMMENT ON COLUMN articles.gone_status IS 'HTTP status that said it was taken down (404 or 410).';
COMMENT ON COLUMN pages.outcome IS 'article | unchanged | not-modified | gone (a known article answered 404/410) | skipped | error';
