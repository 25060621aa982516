-- Per source, the paragraph hashes marked as boilerplate (handed to the workers, which drop them).
SELECT DISTINCT a.source, p.hash FROM paragraphs p JOIN articles a USING (article_id) WHERE p.is_boilerplate;
