-- Entity resolution (issue 27): which mentions name the same person or innovation across articles. Recomputed
-- over the whole database after every load (flows/resolve.py, rules in extractors/entities.py); the mention rows
-- are never rewritten. Every join is a row of entity_links with its rule and evidence; a curator vetoes or adds
-- one in data/curation/ and the next run obeys.
CREATE TABLE IF NOT EXISTS persons (
    person_id VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS official_persons (
    article_id  VARCHAR NOT NULL,
    official_id VARCHAR NOT NULL,
    span_start  INTEGER,
    person_id   VARCHAR NOT NULL,
    post        VARCHAR
);
CREATE TABLE IF NOT EXISTS innovation_entities (
    entity_id VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS innovation_entity_mentions (
    article_id    VARCHAR NOT NULL,
    innovation_id VARCHAR NOT NULL,
    span_start    INTEGER,
    entity_id     VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_links (
    kind     VARCHAR NOT NULL,
    name_a   VARCHAR NOT NULL,
    name_b   VARCHAR NOT NULL,
    rule     VARCHAR NOT NULL,
    evidence VARCHAR
);
COMMENT ON TABLE persons IS 'One row per person: official mentions resolved across articles (extractors/entities.py).';
COMMENT ON COLUMN persons.person_id IS 'Stable hash of the resolved person''s first name form in sort order.';
COMMENT ON COLUMN persons.name IS 'Canonical name: the most complete form as written.';
COMMENT ON TABLE official_persons IS 'The person each official mention names (joins official_mentions on article_id, official_id, span_start).';
COMMENT ON COLUMN official_persons.post IS 'Kind of post, however written ("Sekda" and "Sekretaris Daerah" are sekda; data/lexicons/post_kinds.tsv).';
COMMENT ON TABLE innovation_entities IS 'One row per innovation: innovation mentions resolved across articles and spellings; one brand in two regencies is two rows.';
COMMENT ON COLUMN innovation_entities.name IS 'Canonical name: the form given with a long form, else the most frequent.';
COMMENT ON TABLE innovation_entity_mentions IS 'The resolved innovation each innovation mention names (joins innovation_mentions on article_id, innovation_id, span_start).';
COMMENT ON TABLE entity_links IS 'Why two names are one entity: each join the resolution made, with its rule and evidence (veto in data/curation/not_same.tsv).';
COMMENT ON COLUMN entity_links.kind IS 'person or innovation.';
COMMENT ON COLUMN entity_links.rule IS 'nickname, initials, short form, spelling, curated (persons); expansion, acronym, spelling, word order, part, curated (innovations).';
COMMENT ON COLUMN entity_links.evidence IS 'What made the join: the shared post region, the article naming both, the long form.';
COMMENT ON COLUMN entity_links.name_a IS 'One name as written (the most frequent form of its group).';
COMMENT ON COLUMN entity_links.name_b IS 'The name joined to it.';
COMMENT ON COLUMN innovation_entities.entity_id IS 'Stable hash of the resolved innovation''s first folded name and region.';
COMMENT ON COLUMN innovation_entity_mentions.article_id IS 'The article of the mention.';
COMMENT ON COLUMN innovation_entity_mentions.innovation_id IS 'The mention''s name (innovations.innovation_id).';
COMMENT ON COLUMN innovation_entity_mentions.span_start IS 'Start of the mention in the article text (with the two above: the mention).';
COMMENT ON COLUMN innovation_entity_mentions.entity_id IS 'The resolved innovation (innovation_entities.entity_id).';
COMMENT ON COLUMN official_persons.article_id IS 'The article of the mention.';
COMMENT ON COLUMN official_persons.official_id IS 'The mention''s name (officials.official_id).';
COMMENT ON COLUMN official_persons.span_start IS 'Start of the mention in the article text (with the two above: the mention).';
COMMENT ON COLUMN official_persons.person_id IS 'The resolved person (persons.person_id).';
