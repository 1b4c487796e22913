-- Meetings in a date range, newest first, optionally one level only.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all)
-- @param limit int = 500 : at most this many rows
WITH scoped AS (
    SELECT * FROM meeting_facts
    WHERE held_on BETWEEN $date_from AND $date_to AND ($level IS NULL OR level = $level)
),
final AS (
    SELECT s.meeting_id, s.held_on, s.level, l.name AS locality, s.host_body, s.kind, s.title,
           s.period_label, s.origin,
           (SELECT count(*) FROM recommendations r WHERE r.meeting_id = s.meeting_id) AS recommendations,
           (SELECT count(*) FROM directives d WHERE d.meeting_id = s.meeting_id) AS directives
    FROM scoped s LEFT JOIN localities l USING (locality_id)
)
SELECT * FROM final ORDER BY held_on DESC, meeting_id LIMIT $limit;
