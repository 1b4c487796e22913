-- Tagged recommendations and directives, and the meetings they come from, per theme and period (heatmap).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param grain text = quarter : month, quarter, half or year
WITH counted AS (
    SELECT theme_id, gb_period_start(month, $grain) AS period_start, sum(meetings) AS meetings,
           sum(recommendations) AS recommendations, sum(directives) AS directives
    FROM gb_theme_months($date_from, $date_to, $level, $province, $harmonised, $family, $theme)
    GROUP BY ALL
),
final AS (
    SELECT c.theme_id, t.label_vi, t.label_en, c.period_start, gb_period_label(c.period_start, $grain) AS period_label,
           CAST(c.meetings AS BIGINT) AS meetings, CAST(c.recommendations AS BIGINT) AS recommendations,
           CAST(c.directives AS BIGINT) AS directives, CAST(c.recommendations + c.directives AS BIGINT) AS items
    FROM counted c JOIN themes t USING (theme_id)
)
SELECT * FROM final ORDER BY theme_id, period_start;
