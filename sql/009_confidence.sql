-- The learned parts' confidence, stored with the facts they decided (issue 23): an analyst can keep only the
-- precise ones ("WHERE confidence >= 0.8"); NULL where the rules alone decided (no model shipped or loaded).
ALTER TABLE innovation_mentions ADD COLUMN IF NOT EXISTS confidence DOUBLE;
ALTER TABLE region_mentions ADD COLUMN IF NOT EXISTS subject_confidence DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
COMMENT ON COLUMN innovation_mentions.confidence IS 'Probability, by the innovation classifier, that this name is an innovation (0-1; NULL: rules only). README: precision and recall by threshold.';
COMMENT ON COLUMN region_mentions.subject_confidence IS 'Probability, by the region classifier, that the article is about this region (0-1; NULL: rules only); is_subject holds the decision.';
COMMENT ON COLUMN events.confidence IS 'Probability, by the event classifier, of an event read from a dated sentence without a trigger word (0-1); NULL: a trigger word and a date gave it.';
