-- The longest-overdue open recommendations raised in the period: what, by whom, where, how late.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param limit int = 10 : at most this many rows
WITH overdue AS (
    -- narrow rows for the sort; the wide ones (text, names) are read for the kept rows only
    SELECT list_seq, due_effective
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
      AND is_overdue
    -- the longest overdue first, then the list's order; integer keys only (reading the ids of every
    -- overdue row to break ties cost more than the rest of the query)
    ORDER BY due_effective, list_seq DESC
    LIMIT $limit
),
final AS (
    SELECT s.rec_id, s.meeting_id, s.raised_on, s.due_effective, date_diff('day', s.due_effective, gb_facts_as_of()) AS days_overdue,
           s.status, s.raised_by, s.text, s.locality_name AS locality, s.origin, s.list_seq
    FROM overdue o JOIN agg_recs s USING (list_seq)
)
SELECT * EXCLUDE (list_seq) FROM final ORDER BY days_overdue DESC, list_seq DESC;
