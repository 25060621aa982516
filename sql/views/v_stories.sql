CREATE OR REPLACE VIEW v_stories AS
WITH copies AS (
    SELECT story_id, count(*) AS copies, list(url ORDER BY url) AS urls FROM stg_articles GROUP BY story_id
)
SELECT a.story_id, a.title, a.source, a.published_at, a.url, c.copies, c.urls
FROM stg_articles a JOIN copies c USING (story_id)
WHERE a.is_original;
COMMENT ON VIEW v_stories IS 'Distinct stories: near-duplicate articles counted once.';
COMMENT ON COLUMN v_stories.story_id IS 'article_id of the original copy.';
COMMENT ON COLUMN v_stories.title IS 'Headline of the original copy.';
COMMENT ON COLUMN v_stories.source IS 'Source of the original copy.';
COMMENT ON COLUMN v_stories.published_at IS 'Publication date of the original copy.';
COMMENT ON COLUMN v_stories.url IS 'URL of the original copy.';
COMMENT ON COLUMN v_stories.copies IS 'How many articles tell this story (1 = no duplicates).';
COMMENT ON COLUMN v_stories.urls IS 'URLs of every copy.';
