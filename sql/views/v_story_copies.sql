CREATE OR REPLACE VIEW v_story_copies AS
SELECT a.story_id, o.title AS story_title, a.article_id, a.is_original, a.source, a.url, a.published_at,
       f.first_seen, f.copy_similarity
FROM stg_articles a
JOIN stg_articles o ON o.article_id = a.story_id
JOIN articles f ON f.article_id = a.article_id
WHERE a.story_id IN (SELECT story_id FROM stg_articles WHERE NOT is_original);
COMMENT ON VIEW v_story_copies IS 'Every copy of every story that has more than one: who published it, when, and how close it is.';
COMMENT ON COLUMN v_story_copies.story_id IS 'article_id of the story''s original (its earliest published copy).';
COMMENT ON COLUMN v_story_copies.story_title IS 'Headline of the original.';
COMMENT ON COLUMN v_story_copies.article_id IS 'This copy.';
COMMENT ON COLUMN v_story_copies.is_original IS 'True for the original (earliest published) copy.';
COMMENT ON COLUMN v_story_copies.source IS 'Outlet (source id) of this copy.';
COMMENT ON COLUMN v_story_copies.url IS 'URL of this copy.';
COMMENT ON COLUMN v_story_copies.published_at IS 'Publication date of this copy.';
COMMENT ON COLUMN v_story_copies.first_seen IS 'When warta first fetched this copy.';
COMMENT ON COLUMN v_story_copies.copy_similarity IS 'Estimated containment of this copy''s shingles in the closest copy (NULL for the original).';
