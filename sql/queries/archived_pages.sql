-- The latest archived 200 response of every page (by its final URL): what `warta reextract` rebuilds from.
SELECT arg_max(warc_file, fetched_at), arg_max(warc_offset, fetched_at), arg_max(source, fetched_at)
FROM pages WHERE warc_file IS NOT NULL AND warc_offset IS NOT NULL AND status = 200
GROUP BY coalesce(final_url, url) ORDER BY 1, 2
