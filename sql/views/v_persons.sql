CREATE OR REPLACE VIEW v_persons AS
SELECT p.person_id, p.name,
       list(DISTINCT m.name ORDER BY m.name) AS variants,
       list(DISTINCT m.title ORDER BY m.title) FILTER (WHERE m.title IS NOT NULL) AS posts,
       min(m.published_at) AS first_seen, max(m.published_at) AS last_seen,
       count(DISTINCT m.story_id) AS stories
FROM persons p JOIN v_person_mentions m USING (person_id)
GROUP BY p.person_id, p.name;
COMMENT ON VIEW v_persons IS 'One row per person, officials resolved across articles ("Danny Pomanto" and "Moh. Ramdhan Pomanto" are one); entity_links says why.';
COMMENT ON COLUMN v_persons.person_id IS 'The resolved person.';
COMMENT ON COLUMN v_persons.name IS 'Canonical name: the most complete form as written.';
COMMENT ON COLUMN v_persons.variants IS 'Every form of the name the articles use.';
COMMENT ON COLUMN v_persons.posts IS 'Every post they are named with, as written.';
COMMENT ON COLUMN v_persons.first_seen IS 'Earliest publication date of an article naming them.';
COMMENT ON COLUMN v_persons.last_seen IS 'Latest publication date of an article naming them.';
COMMENT ON COLUMN v_persons.stories IS 'Distinct stories naming them (near-duplicates counted once).';
