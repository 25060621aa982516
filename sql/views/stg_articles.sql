CREATE OR REPLACE VIEW stg_articles AS
SELECT a.article_id, a.url, a.source, a.title, a.author, a.published_at, a.language, a.text,
       a.duplicate_of, coalesce(a.duplicate_of, a.article_id) AS story_id, a.duplicate_of IS NULL AS is_original,
       a.fetched_at, a.extractor_version
FROM articles a;
COMMENT ON VIEW stg_articles IS 'Articles with story_id: near-duplicates share the story_id of the earliest copy.';
COMMENT ON COLUMN stg_articles.article_id IS 'Hash of the canonical URL.';
COMMENT ON COLUMN stg_articles.url IS 'Canonical URL.';
COMMENT ON COLUMN stg_articles.source IS 'Source id from data/sources.toml (or "local" for ingested files).';
COMMENT ON COLUMN stg_articles.title IS 'Headline.';
COMMENT ON COLUMN stg_articles.author IS 'Author or byline, when the page names one.';
COMMENT ON COLUMN stg_articles.published_at IS 'Publication date from page metadata or the dateline.';
COMMENT ON COLUMN stg_articles.language IS 'ISO 639-1 language code, when detected.';
COMMENT ON COLUMN stg_articles.text IS 'Clean text: no furniture, repeats or cross-article boilerplate.';
COMMENT ON COLUMN stg_articles.duplicate_of IS 'article_id of the original when this is a near-duplicate, else NULL.';
COMMENT ON COLUMN stg_articles.story_id IS 'One id per story: the original article_id of its near-duplicate cluster.';
COMMENT ON COLUMN stg_articles.is_original IS 'True for the one article that represents its story.';
COMMENT ON COLUMN stg_articles.fetched_at IS 'When the page was last fetched.';
COMMENT ON COLUMN stg_articles.extractor_version IS 'Version of the extractors that produced the facts.';
