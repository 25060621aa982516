CREATE OR REPLACE VIEW v_officials AS
SELECT o.official_id, o.name, m.title, m.region, min(a.published_at) AS first_seen, max(a.published_at) AS last_seen,
       count(DISTINCT a.story_id) AS stories
FROM officials o
JOIN official_mentions m USING (official_id)
JOIN stg_articles a USING (article_id)
GROUP BY ALL;
COMMENT ON VIEW v_officials IS 'Officials with each position they held over time and its region.';
COMMENT ON COLUMN v_officials.official_id IS 'Hash of the normalised name.';
COMMENT ON COLUMN v_officials.name IS 'Name without honorifics and degrees.';
COMMENT ON COLUMN v_officials.title IS 'Position as written (e.g. Wali Kota Parepare).';
COMMENT ON COLUMN v_officials.region IS 'Region of the position, NULL for national posts.';
COMMENT ON COLUMN v_officials.first_seen IS 'Earliest article date with this name and position.';
COMMENT ON COLUMN v_officials.last_seen IS 'Latest article date with this name and position.';
COMMENT ON COLUMN v_officials.stories IS 'Distinct stories naming them in this position.';
