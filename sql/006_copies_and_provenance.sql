-- Copies of one story found by containment, and provenance from page to article (issue 11).
ALTER TABLE article_minhash ADD COLUMN IF NOT EXISTS shingles INTEGER;
COMMENT ON COLUMN article_minhash.shingles IS 'Number of distinct 5-word shingles of the text (turns the Jaccard estimate into containment).';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS copy_similarity DOUBLE;
COMMENT ON COLUMN articles.copy_similarity IS 'For a copy: estimated containment of its 5-word shingles in the closest copy of its story (0-1); NULL for an original.';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS page_url VARCHAR;
COMMENT ON COLUMN articles.page_url IS 'The page, file (file:// URL) or WARC record target that the current text came from.';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS warc_file VARCHAR;
COMMENT ON COLUMN articles.warc_file IS 'WARC file holding the response the current text came from, when archived or ingested from a WARC.';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS warc_offset BIGINT;
COMMENT ON COLUMN articles.warc_offset IS 'Offset of that record in warc_file.';
ALTER TABLE pages ADD COLUMN IF NOT EXISTS article_id VARCHAR;
COMMENT ON COLUMN pages.article_id IS 'The article this page produced or updated (NULL when it yielded none: skipped, error, not modified).';
