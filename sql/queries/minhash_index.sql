-- The near-duplicate index a run starts from: every article's MinHash, originals first, in publication order.
SELECT m.article_id, m.signature, m.shingles, a.published_at::VARCHAR, a.duplicate_of
FROM article_minhash m JOIN articles a USING (article_id)
ORDER BY a.duplicate_of IS NOT NULL, a.published_at, a.first_seen;
