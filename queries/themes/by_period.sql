-- Tagged recommendations and directives per theme and period (heatmap).
-- @param grain text = year : month, quarter, half or year
WITH counts AS (
    SELECT * FROM theme_by_period($grain)
),
final AS (
    SELECT c.theme_id, t.label_vi, t.label_en, c.period_start, c.period_label,
           c.recommendations, c.directives, c.meetings
    FROM counts c JOIN themes t USING (theme_id)
)
SELECT * FROM final ORDER BY period_start, theme_id;
