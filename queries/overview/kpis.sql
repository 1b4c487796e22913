-- Headline recommendation and directive figures for a period, with the same period last year.
-- @param date_from date = 2025-01-01 : first meeting date included
-- @param date_to date = 2025-12-31 : last meeting date included
-- @param as_of date = today : judge statuses as of this date
WITH recs AS (
    SELECT * FROM rec_metrics_yoy($date_from, $date_to, $as_of)
),
dirs AS (
    SELECT 'current' AS period, * FROM dir_metrics($date_from, $date_to, $as_of)
    UNION ALL
    SELECT 'previous_year' AS period, * FROM dir_metrics(
        CAST($date_from - INTERVAL 1 YEAR AS DATE), CAST($date_to - INTERVAL 1 YEAR AS DATE),
        CAST($as_of - INTERVAL 1 YEAR AS DATE))
),
meeting_counts AS (
    SELECT 'current' AS period, count(*) AS meetings FROM meetings WHERE held_on BETWEEN $date_from AND $date_to
    UNION ALL
    SELECT 'previous_year', count(*) FROM meetings
    WHERE held_on BETWEEN CAST($date_from - INTERVAL 1 YEAR AS DATE) AND CAST($date_to - INTERVAL 1 YEAR AS DATE)
),
final AS (
    SELECT period, meeting_counts.meetings, recs.* EXCLUDE (period), dirs.* EXCLUDE (period)
    FROM recs JOIN dirs USING (period) JOIN meeting_counts USING (period)
)
SELECT * FROM final ORDER BY period;
