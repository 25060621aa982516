-- Paragraphs shared by $min_stories or more distinct stories of one source (copies of one story count once):
-- candidates for that source's boilerplate (flows/writer.py keeps only the template-like ones).
CREATE OR REPLACE TEMP TABLE _bp AS
SELECT a.source, p.hash FROM paragraphs p JOIN stg_articles a USING (article_id)
WHERE NOT p.is_furniture AND NOT p.is_repeat
GROUP BY a.source, p.hash
HAVING count(DISTINCT a.story_id) >= $min_stories;
