-- The mentions entity resolution reads: every official and innovation mention of a current article.
SELECT m.article_id, m.official_id, m.span_start, o.name, m.title, m.region_code
FROM official_mentions m JOIN officials o USING (official_id) JOIN articles a USING (article_id)
ORDER BY ALL;
