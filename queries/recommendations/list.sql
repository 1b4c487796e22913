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
-- @param q words = null : words that must all appear in the text, with or without diacritics
-- @param limit int = 500 : at most this many rows
WITH scoped AS (
    -- narrow rows for the sort; the wide ones (text, names) are read for the kept rows only
    SELECT list_seq, meeting_id, text_key
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
      AND ($status IS NULL OR status = $status)
      AND (NOT $overdue_only OR is_overdue)
      -- meetings holding every word (search index), so the text test runs on their items only
      AND ($q IS NULL OR meeting_id IN (SELECT meeting_id FROM gb_meetings_with_words($q, $date_from, $date_to)))  -- @if q
),
matching AS (
    -- items of meetings that hold every word; their own text must hold the first four
    SELECT list_seq FROM scoped
    WHERE gb_text_has_words(text_key, $q)  -- @if q
    ORDER BY list_seq DESC  -- newest first, then by id
    LIMIT $limit
),
final AS (
    SELECT s.rec_id, s.meeting_id, s.raised_on, s.text, s.raised_by,
           s.locality_name AS locality, s.status, s.due_effective, s.is_overdue, s.times_raised, s.origin,
           s.span_start IS NOT NULL AS has_source, s.list_seq
    FROM matching k
    -- the kept rows' list_seq range limits what is read (a dynamic filter on the stored order)
    JOIN agg_recs s USING (list_seq)
)
SELECT * EXCLUDE (list_seq) FROM final ORDER BY list_seq DESC;
