-- Events are read by rules alone from extractor 0.5.0 on: the event classifier of migration 009 was replaced by
-- the occasion rule (extractors/event_choice.py), which won on the dev folds and on the sealed set. The column
-- stays for rows an earlier extractor wrote; `warta reextract` empties it.
COMMENT ON COLUMN events.confidence IS 'NULL from extractor 0.5.0 on (events are read by rules). Rows of earlier extractor versions: the retired event classifier''s probability (0-1).';
