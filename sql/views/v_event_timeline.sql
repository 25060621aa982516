CREATE OR REPLACE VIEW v_event_timeline AS
SELECT e.date, e.kind, e.name, e.location, e.region, e.opened_by, e.participants, a.story_id, a.title, a.url
FROM events e JOIN stg_articles a USING (article_id)
WHERE a.is_original
ORDER BY e.date NULLS LAST, e.kind;
COMMENT ON VIEW v_event_timeline IS 'Events in date order, one row per event of each distinct story.';
COMMENT ON COLUMN v_event_timeline.date IS 'Date of the activity (NULL when the text gives none).';
COMMENT ON COLUMN v_event_timeline.kind IS 'socialization, training, workshop, innovation_lab, competition, award, launch, meeting, visit or other.';
COMMENT ON COLUMN v_event_timeline.name IS 'The activity as the text names it.';
COMMENT ON COLUMN v_event_timeline.location IS 'Venue as written.';
COMMENT ON COLUMN v_event_timeline.region IS 'Region the article is mainly about.';
COMMENT ON COLUMN v_event_timeline.opened_by IS 'Official who opened it, when stated.';
COMMENT ON COLUMN v_event_timeline.participants IS 'Participant count, when stated.';
COMMENT ON COLUMN v_event_timeline.story_id IS 'Story the event comes from.';
COMMENT ON COLUMN v_event_timeline.title IS 'Headline of that story.';
COMMENT ON COLUMN v_event_timeline.url IS 'URL of that story.';
