-- The innovation mentions entity resolution reads, with the region of the article's subject.
SELECT m.article_id, m.innovation_id, m.span_start, m.name, m.expansion, m.region_code
FROM innovation_mentions m JOIN articles a USING (article_id)
ORDER BY ALL;
