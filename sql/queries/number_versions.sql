-- After the replacement: the new text of each versioned article is the version after its latest kept one.
UPDATE articles SET version = v.last + 1
FROM (SELECT article_id, max(version) AS last FROM article_versions
      WHERE article_id IN (SELECT article_id FROM _versioned) GROUP BY article_id) v
WHERE articles.article_id = v.article_id;
