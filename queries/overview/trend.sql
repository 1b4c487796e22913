-- Meetings, recommendations and directives per period, with the answered and resolved rates (trend lines).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param grain text = quarter : month, quarter, half or year
WITH meeting_days AS (
    -- each set counted per day first (a plain date key); days are put into periods afterwards
    SELECT held_on AS day, count(*) AS meetings
    FROM agg_meetings
    WHERE held_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR list_contains(families, $family))
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY held_on
),
rec_days AS (
    SELECT raised_on AS day, count(*) AS recommendations, count_if(answered) AS answered,
           count_if(resolved) AS resolved, count(answered) AS with_answer, count(resolved) AS with_resolution
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY raised_on
),
dir_days AS (
    SELECT issued_on AS day, count(*) AS directives
    FROM agg_dirs
    WHERE issued_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY issued_on
),
meetings AS (
    SELECT gb_period_start(day, $grain) AS period_start, CAST(sum(meetings) AS BIGINT) AS meetings
    FROM meeting_days GROUP BY ALL
),
recs AS (
    SELECT gb_period_start(day, $grain) AS period_start, CAST(sum(recommendations) AS BIGINT) AS recommendations,
           sum(answered) / nullif(sum(with_answer), 0) AS answered_rate,
           sum(resolved) / nullif(sum(with_resolution), 0) AS resolution_rate
    FROM rec_days GROUP BY ALL
),
dirs AS (
    SELECT gb_period_start(day, $grain) AS period_start, CAST(sum(directives) AS BIGINT) AS directives
    FROM dir_days GROUP BY ALL
),
periods AS (
    -- every period of the range, so one without meetings shows as 0 instead of a line jumping over it
    SELECT DISTINCT gb_period_start(CAST(d AS DATE), $grain) AS period_start
    FROM range(CAST($date_from AS TIMESTAMP), CAST($date_to AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 DAY) AS t(d)
),
final AS (
    SELECT period_start, gb_period_label(period_start, $grain) AS period_label,
           coalesce(meetings, 0) AS meetings, coalesce(recommendations, 0) AS recommendations,
           coalesce(directives, 0) AS directives, answered_rate, resolution_rate
    FROM periods
    LEFT JOIN meetings USING (period_start)
    LEFT JOIN recs USING (period_start)
    LEFT JOIN dirs USING (period_start)
    -- nothing at all in the selection stays an empty result (the page then says so)
    WHERE (SELECT count(*) FROM meetings) + (SELECT count(*) FROM recs) + (SELECT count(*) FROM dirs) > 0
)
SELECT * FROM final ORDER BY period_start;
