-- Recommendations raised in the period, newest first, filterable by status, overdue and words (accent-insensitive).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param status text = null : raised, referred, answered, explained, in_progress, resolved or declined (empty = all)
-- @param overdue_only bool = false : only open recommendations past their deadline
-- @param q text = null : words that must all appear in the text, with or without diacritics
-- @param limit int = 500 : at most this many rows
WITH scoped AS (
    -- narrow rows for the sort; the wide ones (text, names) are read for the kept rows only
    SELECT rec_id, meeting_id, raised_on, text_key
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
      AND ($status IS NULL OR status = $status)
      AND (NOT $overdue_only OR is_overdue)
      -- meetings holding every word (search index), so the text test runs on their items only
      AND ($q IS NULL OR meeting_id IN (SELECT meeting_id FROM gb_meetings_with_words($q, $date_from, $date_to)))
),
matching AS (
    -- items of meetings that hold every word; their own text must hold the first four
    SELECT rec_id, raised_on FROM scoped
    WHERE gb_text_has_words(text_key, $q)
    ORDER BY raised_on DESC, rec_id
    LIMIT $limit
),
final AS (
    SELECT s.rec_id, s.meeting_id, s.raised_on, s.text, coalesce(o.name, f.family_name) AS raised_by,
           s.locality_name AS locality, s.status, s.due_effective, s.is_overdue, s.times_raised, s.origin,
           s.span_start IS NOT NULL AS has_source
    FROM matching k
    -- joined on the date too: the kept rows' date range then limits what is read (a dynamic filter)
    JOIN agg_recs s ON s.rec_id = k.rec_id AND s.raised_on = k.raised_on
    LEFT JOIN organisations o ON o.org_id = s.raised_by_org_id
    LEFT JOIN family_names f ON f.family = s.family
)
SELECT * FROM final ORDER BY raised_on DESC, rec_id;
