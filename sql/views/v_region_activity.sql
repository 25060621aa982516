CREATE OR REPLACE VIEW v_region_activity AS
WITH subject AS (
    SELECT DISTINCT m.region_code, a.story_id, date_trunc('month', coalesce(a.published_at, a.fetched_at::DATE)) AS month
    FROM region_mentions m JOIN stg_articles a USING (article_id)
    WHERE m.is_subject
)
SELECT r.region_code, r.name AS region, s.month, count(DISTINCT s.story_id) AS stories
FROM subject s JOIN regions r USING (region_code)
GROUP BY ALL
ORDER BY s.month, r.name;
COMMENT ON VIEW v_region_activity IS 'Stories per region per month (regions the stories are about).';
COMMENT ON COLUMN v_region_activity.region_code IS 'Kemendagri code.';
COMMENT ON COLUMN v_region_activity.region IS 'Region name.';
COMMENT ON COLUMN v_region_activity.month IS 'First day of the month of publication (fetch date when unknown).';
COMMENT ON COLUMN v_region_activity.stories IS 'Distinct stories about the region that month.';
