-- Set or clear the boilerplate mark of the paragraphs in the registered table _marks (article_id, position, mark).
UPDATE paragraphs SET is_boilerplate = m.mark, kind = CASE WHEN m.mark THEN 'boilerplate' ELSE 'body' END
FROM _marks m WHERE paragraphs.article_id = m.article_id AND paragraphs.position = m.position;
