-- Before a changed article is replaced: its current text and the facts it carried become a version.
-- $1: when it is superseded. Reads the registered Arrow table _versioned(article_id).
INSERT INTO article_versions
SELECT a.article_id, coalesce(a.version, 1), a.fetched_at, $1::TIMESTAMP, a.content_hash, a.title, a.text,
       a.published_at, a.page_url, a.warc_file, a.warc_offset,
       (SELECT list(p.hash ORDER BY p.position) FROM paragraphs p
        WHERE p.article_id = a.article_id AND NOT (p.is_furniture OR p.is_repeat OR p.is_boilerplate)),
       (SELECT list(DISTINCT d.value ORDER BY d.value) FROM date_mentions d WHERE d.article_id = a.article_id AND d.explicit),
       (SELECT list(DISTINCT o.name ORDER BY o.name) FROM official_mentions m JOIN officials o USING (official_id)
        WHERE m.article_id = a.article_id),
       (SELECT list(DISTINCT i.name ORDER BY i.name) FROM innovation_mentions m JOIN innovations i USING (innovation_id)
        WHERE m.article_id = a.article_id)
FROM articles a WHERE a.article_id IN (SELECT article_id FROM _versioned)
ON CONFLICT DO NOTHING;
