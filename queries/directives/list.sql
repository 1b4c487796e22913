-- Directives issued in the period, newest first, filterable by outcome and words (accent-insensitive).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param outcome text = null : on_time, late, overdue, open or cancelled (empty = all)
-- @param q words = null : words that must all appear in the text, with or without diacritics
-- @param limit int = 500 : at most this many rows
WITH scoped AS (
    -- narrow rows for the sort; the wide ones (text, names) are read for the kept rows only
    SELECT list_seq, meeting_id, text_key
    FROM agg_dirs
    WHERE issued_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
      AND ($outcome IS NULL OR outcome = $outcome)
      -- meetings holding every word (search index), so the text test runs on their items only
      AND ($q IS NULL OR meeting_id IN (SELECT meeting_id FROM gb_meetings_with_words($q, $date_from, $date_to)))  -- @if q
),
matching AS (
    SELECT list_seq FROM scoped
    WHERE gb_text_has_words(text_key, $q)  -- @if q
    ORDER BY list_seq DESC  -- newest first, then by id
    LIMIT $limit
),
final AS (
    SELECT s.dir_id, s.meeting_id, s.issued_on, s.text, s.addressee,
           s.locality_name AS locality, s.outcome, s.due_effective, s.completed_on, s.origin,
           s.span_start IS NOT NULL AS has_source, s.list_seq
    FROM matching k
    -- the kept rows' list_seq range limits what is read (a dynamic filter on the stored order)
    JOIN agg_dirs s USING (list_seq)
)
SELECT * EXCLUDE (list_seq) FROM final ORDER BY list_seq DESC;
