-- Tagged recommendations and directives, and the meetings they come from, per theme and period (heatmap).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param grain text = quarter : month, quarter, half or year
WITH scoped AS (
    SELECT theme_id, item_type, meeting_id, gb_period_start(held_on, $grain) AS period_start
    FROM agg_theme_items
    WHERE held_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR theme_id = $theme)
),
counted AS (
    SELECT theme_id, period_start, count(DISTINCT meeting_id) AS meetings,
           count(*) FILTER (WHERE item_type = 'recommendation') AS recommendations,
           count(*) FILTER (WHERE item_type = 'directive') AS directives
    FROM scoped GROUP BY ALL
),
final AS (
    SELECT c.theme_id, t.label_vi, t.label_en, c.period_start, gb_period_label(c.period_start, $grain) AS period_label,
           c.meetings, c.recommendations, c.directives, c.recommendations + c.directives AS items
    FROM counted c JOIN themes t USING (theme_id)
)
SELECT * FROM final ORDER BY theme_id, period_start;
