-- Status funnel of the period's recommendations: raised, any response, acted on (in progress or closed), resolved.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
WITH counted AS (
    SELECT count(*) AS raised, count(*) FILTER (WHERE answered) AS answered,
           count(*) FILTER (WHERE status IN ('in_progress', 'explained', 'declined', 'resolved')) AS acted,
           count(*) FILTER (WHERE resolved) AS resolved
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
),
final AS (
    SELECT * FROM (
        SELECT 1 AS stage_order, 'raised' AS stage, raised AS n FROM counted
        UNION ALL SELECT 2, 'answered', answered FROM counted
        UNION ALL SELECT 3, 'acted', acted FROM counted
        UNION ALL SELECT 4, 'resolved', resolved FROM counted
    )
)
SELECT stage_order, stage, n, n / nullif(max(n) OVER (), 0) AS share FROM final ORDER BY stage_order;
