CREATE OR REPLACE VIEW v_innovations AS
WITH mentions AS (
    SELECT m.innovation_id, m.region, m.agency, a.story_id, a.published_at
    FROM innovation_mentions m JOIN stg_articles a USING (article_id)
)
SELECT i.innovation_id, i.name, i.expansion, i.sector,
       mode(m.region) AS region, mode(m.agency) AS agency,
       min(m.published_at) AS first_seen, max(m.published_at) AS last_seen,
       count(DISTINCT m.story_id) AS stories
FROM innovations i JOIN mentions m USING (innovation_id)
GROUP BY ALL;
COMMENT ON VIEW v_innovations IS 'Named public-service innovations with expansion, sector, region, first/last seen and story count.';
COMMENT ON COLUMN v_innovations.innovation_id IS 'Hash of the normalised name.';
COMMENT ON COLUMN v_innovations.name IS 'Brand name as written (e.g. BUAH SABAR).';
COMMENT ON COLUMN v_innovations.expansion IS 'Long form when any article gives one.';
COMMENT ON COLUMN v_innovations.sector IS 'Sector when stated (kesehatan, pendidikan ...).';
COMMENT ON COLUMN v_innovations.region IS 'Region most often named with it.';
COMMENT ON COLUMN v_innovations.agency IS 'Public body most often named as running it.';
COMMENT ON COLUMN v_innovations.first_seen IS 'Earliest publication date of an article naming it.';
COMMENT ON COLUMN v_innovations.last_seen IS 'Latest publication date of an article naming it.';
COMMENT ON COLUMN v_innovations.stories IS 'Distinct stories naming it (near-duplicates counted once).';
