CREATE OR REPLACE VIEW v_innovations AS
WITH mentions AS (
    SELECT r.entity_id, m.name, m.expansion, m.sector, m.region, m.agency, a.story_id, a.published_at
    FROM innovation_mentions m
    JOIN innovation_entity_mentions r ON r.article_id = m.article_id AND r.innovation_id = m.innovation_id
         AND r.span_start IS NOT DISTINCT FROM m.span_start
    JOIN stg_articles a ON a.article_id = m.article_id
)
SELECT e.entity_id AS innovation_id, e.name,
       list(DISTINCT m.name ORDER BY m.name) AS names,
       mode(m.expansion) AS expansion, mode(m.sector) AS sector,
       mode(m.region) AS region, mode(m.agency) AS agency,
       min(m.published_at) AS first_seen, max(m.published_at) AS last_seen,
       count(DISTINCT m.story_id) AS stories
FROM innovation_entities e JOIN mentions m USING (entity_id)
GROUP BY e.entity_id, e.name;
COMMENT ON VIEW v_innovations IS 'Named public-service innovations, one row per resolved innovation (spellings, acronym and long form joined; one brand in two regencies is two rows), with expansion, sector, region, first/last seen and story count.';
COMMENT ON COLUMN v_innovations.innovation_id IS 'The resolved innovation (innovation_entities.entity_id).';
COMMENT ON COLUMN v_innovations.name IS 'Canonical brand name (e.g. BUAH SABAR): the form given with its long form, else the most frequent.';
COMMENT ON COLUMN v_innovations.names IS 'Every name it is written under.';
COMMENT ON COLUMN v_innovations.expansion IS 'Long form most often given.';
COMMENT ON COLUMN v_innovations.sector IS 'Sector when stated (kesehatan, pendidikan ...).';
COMMENT ON COLUMN v_innovations.region IS 'Region most often named with it.';
COMMENT ON COLUMN v_innovations.agency IS 'Public body most often named as running it.';
COMMENT ON COLUMN v_innovations.first_seen IS 'Earliest publication date of an article naming it.';
COMMENT ON COLUMN v_innovations.last_seen IS 'Latest publication date of an article naming it.';
COMMENT ON COLUMN v_innovations.stories IS 'Distinct stories naming it (near-duplicates counted once).';
