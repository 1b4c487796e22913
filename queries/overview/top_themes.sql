-- The themes raised at the most meetings in the period, with their recommendation and directive counts.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param limit int = 8 : at most this many themes
WITH counted AS (
    SELECT theme_id, CAST(sum(meetings) AS BIGINT) AS meetings, CAST(sum(recommendations) AS BIGINT) AS recommendations,
           CAST(sum(directives) AS BIGINT) AS directives
    FROM gb_theme_months($date_from, $date_to, $level, $province, $harmonised, $family, $theme)
    GROUP BY theme_id
),
final AS (
    SELECT c.theme_id, t.label_vi, t.label_en, c.meetings, c.recommendations, c.directives
    FROM counted c JOIN themes t USING (theme_id)
)
SELECT * FROM final ORDER BY meetings DESC, recommendations DESC, theme_id LIMIT $limit;
