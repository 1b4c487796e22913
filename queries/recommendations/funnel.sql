-- Status funnel of the period's recommendations: raised, any response, acted on (in progress or closed), resolved.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
WITH by_status AS (
    -- per status first (a handful of rows), so the stage tests run on those rather than on every
    -- item; one grouping key, since DuckDB sizes a multi-key hash table for a million groups
    SELECT status, count(*) AS n, count_if(answered) AS answered, count_if(resolved) AS resolved
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY status
),
counted AS (
    SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS raised,
           CAST(coalesce(sum(answered), 0) AS BIGINT) AS answered,
           CAST(coalesce(sum(n) FILTER (WHERE status IN ('in_progress', 'explained', 'declined', 'resolved')), 0) AS BIGINT) AS acted,
           CAST(coalesce(sum(resolved), 0) AS BIGINT) AS resolved
    FROM by_status
),
final AS (
    -- one row per stage from the one counted row (a join on four constants plans in half the time
    -- of four UNION ALL branches)
    SELECT v.stage_order, v.stage,
           CASE v.stage WHEN 'raised' THEN c.raised WHEN 'answered' THEN c.answered
                        WHEN 'acted' THEN c.acted ELSE c.resolved END AS n
    FROM counted c CROSS JOIN (VALUES (1, 'raised'), (2, 'answered'), (3, 'acted'), (4, 'resolved')) AS v(stage_order, stage)
)
SELECT stage_order, stage, n, n / nullif(max(n) OVER (), 0) AS share FROM final ORDER BY stage_order;
