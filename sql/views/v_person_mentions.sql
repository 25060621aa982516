CREATE OR REPLACE VIEW v_person_mentions AS
SELECT p.person_id, m.article_id, o.name, m.name_as_written, m.title, r.post, m.region, m.region_code,
       a.published_at, a.story_id, a.title AS article_title, a.url, a.source
FROM official_mentions m
JOIN official_persons r ON r.article_id = m.article_id AND r.official_id = m.official_id
     AND r.span_start IS NOT DISTINCT FROM m.span_start
JOIN persons p ON p.person_id = r.person_id
JOIN officials o ON o.official_id = m.official_id
JOIN stg_articles a ON a.article_id = m.article_id;
COMMENT ON VIEW v_person_mentions IS 'Every official mention with the resolved person it names and the article it is in (the evidence of v_persons and v_tenures).';
COMMENT ON COLUMN v_person_mentions.person_id IS 'The resolved person (persons.person_id).';
COMMENT ON COLUMN v_person_mentions.name IS 'The name as the extractor read it (honorifics and degrees off).';
COMMENT ON COLUMN v_person_mentions.post IS 'Kind of post (sekda, bupati, wali kota ...), however written.';
COMMENT ON COLUMN v_person_mentions.article_id IS 'The article naming them.';
COMMENT ON COLUMN v_person_mentions.name_as_written IS 'The name exactly as written, honorifics and degrees included.';
COMMENT ON COLUMN v_person_mentions.title IS 'The post as written in this article.';
COMMENT ON COLUMN v_person_mentions.region IS 'Region of the post, NULL for national posts.';
COMMENT ON COLUMN v_person_mentions.region_code IS 'Kemendagri code of that region.';
COMMENT ON COLUMN v_person_mentions.published_at IS 'Publication date of the article.';
COMMENT ON COLUMN v_person_mentions.story_id IS 'The story the article is a copy of (itself when original).';
COMMENT ON COLUMN v_person_mentions.article_title IS 'Headline of the article.';
COMMENT ON COLUMN v_person_mentions.url IS 'URL of the article.';
COMMENT ON COLUMN v_person_mentions.source IS 'The outlet (sources.source_id).';
