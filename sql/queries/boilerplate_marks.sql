-- Every body paragraph of the articles that hold a candidate (_bp) or a current mark: position, text, whether
-- it is shared, whether it is marked now.
WITH flagged AS (
    SELECT p.article_id, p.position, p.text, p.is_boilerplate, b.hash IS NOT NULL AS shared
    FROM paragraphs p JOIN articles a USING (article_id) LEFT JOIN _bp b ON b.source = a.source AND b.hash = p.hash
    WHERE NOT p.is_furniture AND NOT p.is_repeat)
SELECT article_id, position, text, shared, is_boilerplate FROM flagged
WHERE article_id IN (SELECT article_id FROM flagged WHERE shared OR is_boilerplate)
ORDER BY article_id, position;
