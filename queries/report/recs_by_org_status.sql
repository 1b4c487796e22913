-- Recommendations raised in the period per organisation family by their status today, with answered and resolved rates, overdue, and a total row.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
WITH scoped AS (
    SELECT family, status, answered, resolved, is_open, is_overdue
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
),
counted AS (
    SELECT family, grouping(family) AS is_total, count(*) AS raised,
           count(*) FILTER (WHERE status IN ('raised', 'referred')) AS waiting,
           count(*) FILTER (WHERE status IN ('answered', 'in_progress')) AS in_progress,
           count(*) FILTER (WHERE status = 'explained') AS explained,
           count(*) FILTER (WHERE status = 'declined') AS declined,
           count(*) FILTER (WHERE resolved) AS resolved,
           count(*) FILTER (WHERE answered) AS answered,
           count(*) FILTER (WHERE is_overdue) AS overdue
    FROM scoped
    GROUP BY GROUPING SETS ((family), ())
),
final AS (
    SELECT c.family, CASE WHEN c.is_total = 1 THEN 'Tổng cộng' ELSE coalesce(f.family_short, c.family) END AS organisation,
           c.raised, c.waiting, c.in_progress, c.explained, c.declined, c.resolved, c.overdue,
           c.answered / c.raised AS answered_rate, c.resolved / c.raised AS resolution_rate, c.is_total
    FROM counted c
    LEFT JOIN family_names f ON f.family = c.family
)
SELECT * EXCLUDE (is_total) FROM final ORDER BY is_total, raised DESC, family NULLS LAST;
