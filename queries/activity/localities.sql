-- Per province, as recorded or mapped onto today's 34: meetings, recommendations, answered and resolved rates, directives completed.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
WITH meetings AS (
    SELECT CASE WHEN $harmonised THEN province_current_id ELSE province_recorded_id END AS province_id, count(*) AS meetings
    FROM agg_meetings
    WHERE held_on BETWEEN $date_from AND $date_to
      AND ($level IS NULL OR level = $level)
      AND ($family IS NULL OR list_contains(families, $family))
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY ALL
),
recs AS (
    SELECT CASE WHEN $harmonised THEN province_current_id ELSE province_recorded_id END AS province_id, count(*) AS recommendations,
           avg(CAST(answered AS DOUBLE)) AS answered_rate, avg(CAST(resolved AS DOUBLE)) AS resolution_rate,
           count(*) FILTER (WHERE is_overdue) AS overdue
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND ($level IS NULL OR level = $level)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY ALL
),
dirs AS (
    SELECT CASE WHEN $harmonised THEN province_current_id ELSE province_recorded_id END AS province_id, count(*) AS directives,
           count(*) FILTER (WHERE outcome IN ('on_time', 'late'))
               / nullif(count(*) FILTER (WHERE outcome <> 'cancelled'), 0) AS completed_rate
    FROM agg_dirs
    WHERE issued_on BETWEEN $date_from AND $date_to
      AND ($level IS NULL OR level = $level)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY ALL
),
final AS (
    SELECT province_id, p.name, p.valid_from, p.valid_to, coalesce(m.meetings, 0) AS meetings,
           coalesce(r.recommendations, 0) AS recommendations, r.answered_rate, r.resolution_rate,
           coalesce(r.overdue, 0) AS overdue, coalesce(d.directives, 0) AS directives, d.completed_rate
    FROM meetings m
    FULL JOIN recs r USING (province_id)
    FULL JOIN dirs d USING (province_id)
    LEFT JOIN province_names p USING (province_id)
)
SELECT * FROM final ORDER BY meetings DESC, name NULLS LAST;
