-- Meetings per day in the period (calendar), with how many of them are sample data.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
WITH final AS (
    SELECT held_on, count(*) AS meetings, count(*) FILTER (WHERE origin = 'sample') AS sample_meetings,
           list(DISTINCT kind ORDER BY kind) AS kinds
    FROM agg_meetings
    WHERE held_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR list_contains(families, $family))
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY held_on
)
SELECT * FROM final ORDER BY held_on;
