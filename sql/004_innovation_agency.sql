-- The public body that runs an innovation, when the text names it ("Inovasi Antarki dari Puskesmas Lampa").
ALTER TABLE innovation_mentions ADD COLUMN IF NOT EXISTS agency VARCHAR;
COMMENT ON COLUMN innovation_mentions.agency IS 'Public body that runs it, as written ("Dinas Kesehatan"), when stated.';
