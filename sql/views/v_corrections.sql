CREATE OR REPLACE VIEW v_corrections AS
WITH current_version AS (
    SELECT a.article_id, coalesce(a.version, 1) AS version, a.fetched_at,
           (SELECT list(p.hash ORDER BY p.position) FROM paragraphs p
            WHERE p.article_id = a.article_id AND NOT (p.is_furniture OR p.is_repeat OR p.is_boilerplate)) AS paragraph_hashes,
           (SELECT list(DISTINCT d.value ORDER BY d.value) FROM date_mentions d
            WHERE d.article_id = a.article_id AND d.explicit) AS dates,
           (SELECT list(DISTINCT o.name ORDER BY o.name) FROM official_mentions m JOIN officials o USING (official_id)
            WHERE m.article_id = a.article_id) AS officials,
           (SELECT list(DISTINCT i.name ORDER BY i.name) FROM innovation_mentions m JOIN innovations i USING (innovation_id)
            WHERE m.article_id = a.article_id) AS innovations
    FROM articles a WHERE a.article_id IN (SELECT article_id FROM article_versions)
), versions AS (
    SELECT article_id, version, fetched_at, paragraph_hashes, dates, officials, innovations FROM article_versions
    UNION ALL
    SELECT * FROM current_version
), steps AS (
    SELECT article_id, version AS to_version, fetched_at AS fetched_after,
           lag(version) OVER w AS from_version, lag(fetched_at) OVER w AS fetched_before,
           coalesce(paragraph_hashes, []) AS new_p, coalesce(lag(paragraph_hashes) OVER w, []) AS old_p,
           coalesce(dates, []) AS new_d, coalesce(lag(dates) OVER w, []) AS old_d,
           coalesce(officials, []) AS new_o, coalesce(lag(officials) OVER w, []) AS old_o,
           coalesce(innovations, []) AS new_i, coalesce(lag(innovations) OVER w, []) AS old_i
    FROM versions WINDOW w AS (PARTITION BY article_id ORDER BY version)
), diffs AS (
    SELECT article_id, from_version, to_version, fetched_before, fetched_after,
           len(list_filter(new_p, lambda x: NOT list_contains(old_p, x))) AS paragraphs_added,
           len(list_filter(old_p, lambda x: NOT list_contains(new_p, x))) AS paragraphs_removed,
           list_filter(new_d, lambda x: NOT list_contains(old_d, x)) AS dates_gained,
           list_filter(old_d, lambda x: NOT list_contains(new_d, x)) AS dates_lost,
           list_filter(new_o, lambda x: NOT list_contains(old_o, x)) AS officials_gained,
           list_filter(old_o, lambda x: NOT list_contains(new_o, x)) AS officials_lost,
           list_filter(new_i, lambda x: NOT list_contains(old_i, x)) AS innovations_gained,
           list_filter(old_i, lambda x: NOT list_contains(new_i, x)) AS innovations_lost
    FROM steps WHERE from_version IS NOT NULL
)
SELECT d.article_id, a.url, a.title, d.from_version, d.to_version, d.fetched_before, d.fetched_after,
       least(d.paragraphs_added, d.paragraphs_removed) AS paragraphs_edited,
       d.paragraphs_added - least(d.paragraphs_added, d.paragraphs_removed) AS paragraphs_added,
       d.paragraphs_removed - least(d.paragraphs_added, d.paragraphs_removed) AS paragraphs_removed,
       d.dates_gained, d.dates_lost, d.officials_gained, d.officials_lost, d.innovations_gained, d.innovations_lost,
       concat_ws('; ',
           CASE WHEN least(d.paragraphs_added, d.paragraphs_removed) > 0
                THEN least(d.paragraphs_added, d.paragraphs_removed) || ' paragraph(s) edited' END,
           CASE WHEN d.paragraphs_added > d.paragraphs_removed THEN (d.paragraphs_added - d.paragraphs_removed) || ' added' END,
           CASE WHEN d.paragraphs_removed > d.paragraphs_added THEN (d.paragraphs_removed - d.paragraphs_added) || ' removed' END,
           CASE WHEN len(d.dates_gained) + len(d.dates_lost) > 0
                THEN 'dates +' || array_to_string(d.dates_gained, ',') || ' -' || array_to_string(d.dates_lost, ',') END,
           CASE WHEN len(d.officials_gained) + len(d.officials_lost) > 0
                THEN 'officials +' || array_to_string(d.officials_gained, ',') || ' -' || array_to_string(d.officials_lost, ',') END,
           CASE WHEN len(d.innovations_gained) + len(d.innovations_lost) > 0
                THEN 'innovations +' || array_to_string(d.innovations_gained, ',') || ' -' || array_to_string(d.innovations_lost, ',') END
       ) AS summary
FROM diffs d JOIN articles a USING (article_id);
COMMENT ON VIEW v_corrections IS 'Every correction: one row per change between two versions of an article, with what changed.';
COMMENT ON COLUMN v_corrections.article_id IS 'The corrected article.';
COMMENT ON COLUMN v_corrections.url IS 'Its canonical URL.';
COMMENT ON COLUMN v_corrections.title IS 'Its current headline.';
COMMENT ON COLUMN v_corrections.from_version IS 'Version before the change.';
COMMENT ON COLUMN v_corrections.to_version IS 'Version after the change (articles.version when it is the current text).';
COMMENT ON COLUMN v_corrections.fetched_before IS 'When the earlier version was fetched.';
COMMENT ON COLUMN v_corrections.fetched_after IS 'When the later version was fetched.';
COMMENT ON COLUMN v_corrections.paragraphs_edited IS 'Paragraphs changed in place (a removed and an added paragraph paired).';
COMMENT ON COLUMN v_corrections.paragraphs_added IS 'Paragraphs added beyond the edited ones.';
COMMENT ON COLUMN v_corrections.paragraphs_removed IS 'Paragraphs removed beyond the edited ones.';
COMMENT ON COLUMN v_corrections.dates_gained IS 'Explicit dates the later version names and the earlier did not.';
COMMENT ON COLUMN v_corrections.dates_lost IS 'Explicit dates the earlier version named and the later does not.';
COMMENT ON COLUMN v_corrections.officials_gained IS 'Officials the later version names and the earlier did not.';
COMMENT ON COLUMN v_corrections.officials_lost IS 'Officials the earlier version named and the later does not.';
COMMENT ON COLUMN v_corrections.innovations_gained IS 'Innovations the later version names and the earlier did not.';
COMMENT ON COLUMN v_corrections.innovations_lost IS 'Innovations the earlier version named and the later does not.';
COMMENT ON COLUMN v_corrections.summary IS 'The change in a few words ("1 paragraph(s) edited; dates +2023-03-06 -2023-03-05").';
