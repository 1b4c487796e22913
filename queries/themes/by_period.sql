-- Tagged recommendations and directives per theme and period (heatmap).
-- @param grain text = year : month, quarter, half or year
WITH counts AS (
    SELECT theme_id, gb_period_start(held_on, $grain) AS period_start,
           count(*) FILTER (WHERE item_type = 'recommendation') AS recommendations,
           count(*) FILTER (WHERE item_type = 'directive') AS directives,
           count(DISTINCT meeting_id) AS meetings
    FROM agg_theme_items
    GROUP BY ALL
),
final AS (
    SELECT c.theme_id, t.label_vi, t.label_en, c.period_start, gb_period_label(c.period_start, $grain) AS period_label,
           c.recommendations, c.directives, c.meetings
    FROM counts c JOIN themes t USING (theme_id)
)
SELECT * FROM final ORDER BY period_start, theme_id;
