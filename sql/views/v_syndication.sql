CREATE OR REPLACE VIEW v_syndication AS
WITH pairs AS (
    SELECT c.source, o.source AS copied_from
    FROM stg_articles c JOIN stg_articles o ON o.article_id = c.story_id
    WHERE NOT c.is_original
), per_source AS (
    SELECT source,
           count(*) FILTER (WHERE is_original) AS stories_originated,
           count(*) FILTER (WHERE NOT is_original) AS stories_copied
    FROM stg_articles GROUP BY source
), copied_by AS (
    SELECT copied_from AS source, count(*) AS copied_by_others FROM pairs WHERE copied_from <> source GROUP BY 1
), sources_of AS (
    SELECT source, list(DISTINCT copied_from ORDER BY copied_from) AS copies_from FROM pairs GROUP BY source
)
SELECT p.source, p.stories_originated, p.stories_copied, coalesce(b.copied_by_others, 0) AS copied_by_others,
       coalesce(s.copies_from, []) AS copies_from
FROM per_source p LEFT JOIN copied_by b USING (source) LEFT JOIN sources_of s USING (source);
COMMENT ON VIEW v_syndication IS 'Per outlet: stories it originated, stories it carried as copies, and whom it copies.';
COMMENT ON COLUMN v_syndication.source IS 'Outlet (source id).';
COMMENT ON COLUMN v_syndication.stories_originated IS 'Articles that are the earliest copy of their story.';
COMMENT ON COLUMN v_syndication.stories_copied IS 'Articles that copy a story published earlier (by this outlet or another).';
COMMENT ON COLUMN v_syndication.copied_by_others IS 'Copies other outlets made of this outlet''s stories.';
COMMENT ON COLUMN v_syndication.copies_from IS 'Outlets whose stories this outlet copies (itself for re-posts).';
