-- Meetings attended, recommendations raised and directives received per organisation family and period.
-- @param grain text = year : month, quarter, half or year
WITH activity AS (
    SELECT coalesce(o.family, a.org_id) AS family, a.period_start, a.period_label,
           a.meetings, a.recommendations, a.directives
    FROM activity_by_org($grain) a LEFT JOIN organisations o USING (org_id)
),
final AS (
    SELECT a.family AS org_id, coalesce(g.short_name, g.name, a.family) AS org_name,
           a.period_start, a.period_label,
           sum(a.meetings) AS meetings, sum(a.recommendations) AS recommendations, sum(a.directives) AS directives
    FROM activity a LEFT JOIN organisations g ON g.org_id = a.family
    GROUP BY ALL
)
SELECT * FROM final ORDER BY period_start, org_id;
