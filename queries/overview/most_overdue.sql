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
    SELECT rec_id, meeting_id, raised_on, due_effective, status, raised_by_org_id, family, text, origin, locality_name,
           date_diff('day', due_effective, gb_facts_as_of()) AS days_overdue
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
      AND is_overdue
    ORDER BY days_overdue DESC, rec_id
    LIMIT $limit
),
final AS (
    SELECT o.rec_id, o.meeting_id, o.raised_on, o.due_effective, o.days_overdue, o.status,
           coalesce(org.name, f.family_name) AS raised_by, o.text, o.locality_name AS locality, o.origin
    FROM overdue o
    LEFT JOIN organisations org ON org.org_id = o.raised_by_org_id
    LEFT JOIN family_names f ON f.family = o.family
)
SELECT * FROM final ORDER BY days_overdue DESC, rec_id;
