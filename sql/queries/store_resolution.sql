-- Replace the resolution with the one just computed (registered Arrow tables _persons, _official_persons,
-- _innovation_entities, _innovation_entity_mentions, _entity_links), in the caller's transaction.
DELETE FROM official_persons;
DELETE FROM persons;
DELETE FROM innovation_entity_mentions;
DELETE FROM innovation_entities;
DELETE FROM entity_links;
INSERT INTO persons SELECT * FROM _persons;
INSERT INTO official_persons SELECT * FROM _official_persons;
INSERT INTO innovation_entities SELECT * FROM _innovation_entities;
INSERT INTO innovation_entity_mentions SELECT * FROM _innovation_entity_mentions;
INSERT INTO entity_links SELECT * FROM _entity_links;
