-- One meeting's recommendations and directives: who raised or received each, its status, themes and place in the source text.
-- @param meeting_id text = null : the meeting
WITH recs AS (
    SELECT 'recommendation' AS item_type, r.rec_id AS item_id, r.text, coalesce(o.name, r.addressed_to) AS organisation,
           coalesce(s.status, 'raised') AS status, r.due_on, r.span_start, r.span_end, r.confidence,
           coalesce(s.themes, CAST([] AS VARCHAR[])) AS themes, coalesce(s.times_raised, 1) AS times_raised
    FROM recommendations r
    LEFT JOIN organisations o ON o.org_id = r.raised_by_org_id
    LEFT JOIN agg_recs s USING (rec_id)
    WHERE r.meeting_id = $meeting_id
),
dirs AS (
    SELECT 'directive', d.dir_id, d.text, coalesce(o.name, d.addressee_text), coalesce(s.outcome, 'open'), d.due_on,
           d.span_start, d.span_end, d.confidence, coalesce(s.themes, CAST([] AS VARCHAR[])), 1
    FROM directives d
    LEFT JOIN organisations o ON o.org_id = d.addressee_org_id
    LEFT JOIN agg_dirs s USING (dir_id)
    WHERE d.meeting_id = $meeting_id
),
items AS (
    SELECT * FROM recs UNION ALL SELECT * FROM dirs
),
final AS (
    SELECT i.*,
           (SELECT string_agg(t.label_vi, '; ' ORDER BY t.label_vi) FROM themes t WHERE list_contains(i.themes, t.theme_id)) AS themes_vi,
           (SELECT string_agg(t.label_en, '; ' ORDER BY t.label_en) FROM themes t WHERE list_contains(i.themes, t.theme_id)) AS themes_en
    FROM items i
)
SELECT * EXCLUDE (themes) FROM final ORDER BY item_type DESC, span_start NULLS LAST, item_id;
