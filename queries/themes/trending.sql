-- Emerging and fading themes: share of meetings raising each theme in the later half of the period versus the earlier half
-- (split at the month start nearest the middle, so each half is whole months of the theme counts).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
WITH bounds AS (
    SELECT CAST(date_trunc('month', $date_from + CAST(($date_to - $date_from) / 2 AS INTEGER) + INTERVAL 15 DAY) AS DATE) AS mid
),
meeting_halves AS (
    SELECT held_on >= mid AS late, count(*) AS meetings
    FROM agg_meetings, bounds
    WHERE held_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR list_contains(families, $family))
    GROUP BY ALL
),
theme_halves AS (
    SELECT theme_id, month >= mid AS late, sum(meetings) AS meetings
    FROM gb_theme_months($date_from, $date_to, $level, $province, $harmonised, $family, NULL), bounds
    GROUP BY ALL
),
shares AS (
    SELECT t.theme_id,
           CAST(coalesce(max(t.meetings) FILTER (WHERE NOT t.late), 0) AS BIGINT) AS early_meetings,
           CAST(coalesce(max(t.meetings) FILTER (WHERE t.late), 0) AS BIGINT) AS late_meetings
    FROM theme_halves t GROUP BY t.theme_id
),
final AS (
    SELECT s.theme_id, th.label_vi, th.label_en, s.early_meetings, s.late_meetings,
           s.early_meetings / nullif(e.meetings, 0) AS early_share,
           s.late_meetings / nullif(l.meetings, 0) AS late_share,
           s.late_meetings / nullif(l.meetings, 0) - s.early_meetings / nullif(e.meetings, 0) AS change
    FROM shares s
    JOIN themes th USING (theme_id)
    JOIN meeting_halves e ON NOT e.late
    JOIN meeting_halves l ON l.late
)
SELECT * FROM final ORDER BY change DESC, theme_id;
