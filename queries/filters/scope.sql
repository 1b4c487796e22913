-- How many meetings the sidebar filters select and how many of them are sample data (to label it).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
SELECT count(*) AS meetings, count(*) FILTER (WHERE origin = 'sample') AS sample_meetings
FROM agg_meetings
WHERE held_on BETWEEN $date_from AND $date_to
  AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
  AND ($family IS NULL OR list_contains(families, $family))
  AND ($theme IS NULL OR list_contains(themes, $theme));
