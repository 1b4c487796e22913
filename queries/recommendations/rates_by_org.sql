-- Answered rate and actually-resolved rate side by side per raising organisation family, with overdue and time to resolution.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param limit int = 12 : at most this many organisations (most recommendations first)
WITH counted AS (
    -- count_if and one two-point quantile: about half the time of FILTER clauses and two quantiles
    SELECT family, count(*) AS raised, CAST(count_if(answered) AS BIGINT) AS answered,
           CAST(count_if(resolved) AS BIGINT) AS resolved, CAST(count_if(is_overdue) AS BIGINT) AS overdue,
           quantile_cont(days_to_resolution, [0.5, 0.9]) AS days_quantiles
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY family
),
final AS (
    SELECT c.family, coalesce(f.family_short, c.family) AS organisation, coalesce(f.family_name, c.family) AS organisation_name,
           c.raised, c.answered, c.answered / c.raised AS answered_rate, c.resolved, c.resolved / c.raised AS resolution_rate,
           c.overdue, c.days_quantiles[1] AS median_days, c.days_quantiles[2] AS p90_days
    FROM counted c
    LEFT JOIN family_names f ON f.family = c.family
)
SELECT * FROM final ORDER BY raised DESC, family NULLS LAST LIMIT $limit;
