-- Meetings, recommendations and directives per period (trend line).
-- @param grain text = quarter : month, quarter, half or year
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
WITH scoped AS (
    SELECT m.meeting_id, gb_period_start(m.held_on, $grain) AS period_start
    FROM meetings m WHERE m.held_on BETWEEN $date_from AND $date_to
),
recs AS (
    SELECT s.period_start, count(*) AS recommendations
    FROM scoped s JOIN recommendations r USING (meeting_id) GROUP BY ALL
),
dirs AS (
    SELECT s.period_start, count(*) AS directives
    FROM scoped s JOIN directives d USING (meeting_id) GROUP BY ALL
),
meetings_per_period AS (
    SELECT period_start, count(*) AS meetings FROM scoped GROUP BY ALL
),
final AS (
    SELECT period_start, gb_period_label(period_start, $grain) AS period_label, meetings,
           coalesce(recommendations, 0) AS recommendations, coalesce(directives, 0) AS directives
    FROM meetings_per_period LEFT JOIN recs USING (period_start) LEFT JOIN dirs USING (period_start)
)
SELECT * FROM final ORDER BY period_start;
