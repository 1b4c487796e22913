-- Meetings attended, recommendations raised and directives received per organisation family and period (heatmap).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param grain text = quarter : month, quarter, half or year
-- @param limit int = 15 : at most this many organisations (the most active)
WITH by_day AS (
    -- per family and meeting day first (a few thousand rows): the period of each day and the
    -- families' ranking are then worked out on those rather than on every attendance row
    SELECT family, held_on, count_if(attended) AS meetings, sum(recommendations) AS recommendations,
           sum(directives) AS directives
    FROM agg_activity
    WHERE held_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR meeting_id IN (SELECT meeting_id FROM agg_meetings WHERE list_contains(themes, $theme)))  -- @if theme
    GROUP BY family, held_on
),
top AS (
    SELECT family FROM by_day GROUP BY family
    ORDER BY sum(meetings) + sum(recommendations) + sum(directives) DESC, family LIMIT $limit
),
counted AS (
    SELECT family, gb_period_start(held_on, $grain) AS period_start, CAST(sum(meetings) AS BIGINT) AS meetings,
           CAST(sum(recommendations) AS BIGINT) AS recommendations, CAST(sum(directives) AS BIGINT) AS directives
    FROM by_day WHERE family IN (SELECT family FROM top) GROUP BY ALL
),
final AS (
    SELECT c.family, coalesce(f.family_short, c.family) AS organisation, coalesce(f.family_name, c.family) AS organisation_name,
           c.period_start, gb_period_label(c.period_start, $grain) AS period_label, c.meetings, c.recommendations, c.directives
    FROM counted c LEFT JOIN family_names f ON f.family = c.family
)
SELECT * FROM final ORDER BY family, period_start;
