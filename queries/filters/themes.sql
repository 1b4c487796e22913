-- Themes of the taxonomy with how many items carry each, for the theme filter.
WITH tagged AS (
    SELECT theme_id, count(*) AS items FROM agg_theme_items GROUP BY theme_id
),
final AS (
    SELECT t.theme_id, t.label_vi, t.label_en, coalesce(g.items, 0) AS items
    FROM themes t LEFT JOIN tagged g USING (theme_id)
)
SELECT * FROM final ORDER BY items DESC, theme_id;
