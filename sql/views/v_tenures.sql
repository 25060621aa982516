CREATE OR REPLACE VIEW v_tenures AS
SELECT m.person_id, p.name, coalesce(m.post, '') AS post, arg_max(m.title, m.published_at) AS title, m.region,
       min(m.published_at) AS first_seen, max(m.published_at) AS last_seen,
       count(DISTINCT m.story_id) AS stories,
       list(DISTINCT m.article_id ORDER BY m.article_id) AS articles
FROM v_person_mentions m JOIN persons p USING (person_id)
GROUP BY m.person_id, p.name, coalesce(m.post, ''), m.region;
COMMENT ON VIEW v_tenures IS 'Who held which post when: each person, kind of post and region, with the first and last dated article naming them in it, and those articles as evidence.';
COMMENT ON COLUMN v_tenures.person_id IS 'The resolved person.';
COMMENT ON COLUMN v_tenures.post IS 'Kind of post (bupati, wakil bupati, sekda ...), however the articles write it; empty when none is named.';
COMMENT ON COLUMN v_tenures.title IS 'The post as most recently written.';
COMMENT ON COLUMN v_tenures.region IS 'Region of the post, NULL for national posts.';
COMMENT ON COLUMN v_tenures.first_seen IS 'Earliest publication date of an article naming them in this post.';
COMMENT ON COLUMN v_tenures.last_seen IS 'Latest such date.';
COMMENT ON COLUMN v_tenures.stories IS 'Distinct stories naming them in this post.';
COMMENT ON COLUMN v_tenures.articles IS 'The articles naming them in this post (articles.article_id).';
COMMENT ON COLUMN v_tenures.name IS 'Canonical name of the person.';
