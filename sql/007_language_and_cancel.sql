-- The language of every article is detected from its text; facts are read only from Indonesian (issue 19).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS language_declared VARCHAR;
COMMENT ON COLUMN articles.language_declared IS 'Language the page declared (<html lang>, og:locale), a hint only; NULL when it declared none.';
ALTER TABLE articles ADD COLUMN IF NOT EXISTS facts_skipped VARCHAR;
COMMENT ON COLUMN articles.facts_skipped IS 'Why no facts were read from this article (e.g. "language: en"); NULL when they were.';
COMMENT ON COLUMN articles.language IS 'ISO 639-1 code detected from the text (und: too short to tell); facts are read only from "id".';
-- Runs stopped by SIGTERM/SIGINT end at a batch boundary (issue 14).
COMMENT ON COLUMN runs.status IS 'running, ok, failed, cancelled (stopped by a signal at a batch boundary), crashed (killed before it could record its end), or recovered (crashed, cancelled or failed, and a later run loaded the pages it had archived).';
