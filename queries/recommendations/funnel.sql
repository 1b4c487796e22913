-- Status funnel of the period's recommendations: raised, any response, acted on (in progress or closed), resolved.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
WITH by_status AS (
    -- per status first (a handful of rows), so the stage tests run on those rather than on every item
    SELECT status, answered, resolved, count(*) AS n
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY ALL
),
counted AS (
    SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS raised,
           CAST(coalesce(sum(n) FILTER (WHERE answered), 0) AS BIGINT) AS answered,
           CAST(coalesce(sum(n) FILTER (WHERE status IN ('in_progress', 'explained', 'declined', 'resolved')), 0) AS BIGINT) AS acted,
           CAST(coalesce(sum(n) FILTER (WHERE resolved), 0) AS BIGINT) AS resolved
    FROM by_status
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
