-- Open recommendations past their deadline (stated, or meeting date + overdue_days), oldest first.
-- @param as_of date = today : judge statuses as of this date
-- @param limit int = 100 : at most this many rows
WITH overdue AS (
    SELECT * FROM rec_state_asof($as_of) WHERE is_overdue
),
final AS (
    SELECT o.rec_id, o.raised_on, o.due_effective, date_diff('day', o.due_effective, $as_of) AS days_overdue,
           o.status, org.name AS raised_by, o.text, o.meeting_id
    FROM overdue o LEFT JOIN organisations org ON org.org_id = o.raised_by_org_id
)
SELECT * FROM final ORDER BY days_overdue DESC, rec_id LIMIT $limit;
