-- Sources that loaded articles name but sources.toml does not configure: `warta ingest` of local files
-- ('local') and WARC records of hosts no source has. Each gets a sources row, so every articles.source
-- names a source and exports keep their foreign key (articles.source -> sources.source_id).
INSERT INTO sources (source_id, name, base_url, config)
SELECT DISTINCT a.source,
       CASE WHEN a.source = 'local' THEN 'Local files (warta ingest)' ELSE a.source END,
       CASE WHEN a.source = 'local' THEN 'file:///' ELSE 'https://' || a.source || '/' END,
       '{"registered": "named by loaded pages, not configured in sources.toml"}'
FROM articles a
WHERE a.source IS NOT NULL AND a.source NOT IN (SELECT source_id FROM sources);
