-- Recurring themes: meetings and items per theme, how many periods raised it, and its longest run of consecutive periods.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param grain text = quarter : month, quarter, half or year
-- @param limit int = 15 : at most this many themes
WITH months AS (
    SELECT *, gb_period_index(month, $grain) AS idx
    FROM gb_theme_months($date_from, $date_to, $level, $province, $harmonised, $family, $theme)
),
periods AS (
    SELECT DISTINCT theme_id, idx FROM months
),
runs AS (
    SELECT theme_id, idx - row_number() OVER (PARTITION BY theme_id ORDER BY idx) AS run_id FROM periods
),
longest AS (
    SELECT theme_id, max(n) AS longest_run FROM (SELECT theme_id, run_id, count(*) AS n FROM runs GROUP BY ALL) GROUP BY theme_id
),
totals AS (
    SELECT theme_id, CAST(sum(meetings) AS BIGINT) AS meetings,
           CAST(sum(recommendations) + sum(directives) AS BIGINT) AS items,
           count(DISTINCT idx) AS periods, max(last_held_on) AS last_held_on,
           gb_period_start(max(month), $grain) AS last_period_start
    FROM months GROUP BY theme_id
),
bounds AS (
    -- as columns, not parameters: folding the period macro over bound values costs more to plan
    SELECT gb_period_index(d_to, $grain) - gb_period_index(d_from, $grain) + 1 AS periods_in_range
    FROM (SELECT $date_from AS d_from, $date_to AS d_to)
),
final AS (
    SELECT t.theme_id, th.label_vi, th.label_en, t.meetings, t.items, t.periods, l.longest_run, b.periods_in_range,
           gb_period_label(t.last_period_start, $grain) AS last_period_label, t.last_held_on
    FROM totals t JOIN longest l USING (theme_id) JOIN themes th USING (theme_id) CROSS JOIN bounds b
)
SELECT * FROM final ORDER BY meetings DESC, longest_run DESC, theme_id LIMIT $limit;
