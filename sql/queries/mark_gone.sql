-- Take-downs: the articles of pages that answered 404/410 are marked gone (first time only); those of pages
-- that answered 200/304 again are back online. Reads the registered Arrow table _answers(url, status, at).
UPDATE articles SET
    gone_at = CASE WHEN a.status IN (404, 410) THEN coalesce(articles.gone_at, a.at::TIMESTAMP) END,
    gone_status = CASE WHEN a.status IN (404, 410) THEN coalesce(articles.gone_status, a.status) END
FROM (SELECT DISTINCT p.article_id, x.status, x.at FROM _answers x JOIN pages p ON p.url = x.url
      WHERE p.article_id IS NOT NULL) a
WHERE articles.article_id = a.article_id AND (a.status IN (404, 410) OR articles.gone_at IS NOT NULL);
