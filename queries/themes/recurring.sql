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
WITH scoped AS (
    SELECT theme_id, item_type, meeting_id, held_on, gb_period_index(held_on, $grain) AS idx
    FROM agg_theme_items
    WHERE held_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR theme_id = $theme)
),
periods AS (
    SELECT DISTINCT theme_id, idx FROM scoped
),
runs AS (
    SELECT theme_id, idx - row_number() OVER (PARTITION BY theme_id ORDER BY idx) AS run_id FROM periods
),
longest AS (
    SELECT theme_id, max(n) AS longest_run FROM (SELECT theme_id, run_id, count(*) AS n FROM runs GROUP BY ALL) GROUP BY theme_id
),
totals AS (
    SELECT theme_id, count(DISTINCT meeting_id) AS meetings, count(*) FILTER (WHERE item_type <> 'meeting') AS items,
           count(DISTINCT idx) AS periods, max(held_on) AS last_held_on
    FROM scoped GROUP BY theme_id
),
final AS (
    SELECT t.theme_id, th.label_vi, th.label_en, t.meetings, t.items, t.periods, l.longest_run,
           gb_period_index($date_to, $grain) - gb_period_index($date_from, $grain) + 1 AS periods_in_range,
           gb_period_label(gb_period_start(t.last_held_on, $grain), $grain) AS last_period_label, t.last_held_on
    FROM totals t JOIN longest l USING (theme_id) JOIN themes th USING (theme_id)
)
SELECT * FROM final ORDER BY meetings DESC, longest_run DESC, theme_id LIMIT $limit;
