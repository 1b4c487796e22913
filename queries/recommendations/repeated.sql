-- Recommendations raised more than once (same organisation, later meeting), most repeated first.
-- @param min_times int = 2 : raised at least this many times
-- @param limit int = 50 : at most this many rows
WITH occurrences AS (
    SELECT root_id, count(*) AS times_raised, min(raised_on) AS first_raised_on, max(raised_on) AS last_raised_on,
           arg_max(status, raised_on) AS latest_status
    FROM rec_state GROUP BY root_id
),
final AS (
    SELECT o.root_id AS rec_id, r.text, r.raised_by_org_id, org.name AS raised_by, o.times_raised,
           o.first_raised_on, o.last_raised_on, o.latest_status
    FROM occurrences o
    JOIN recommendations r ON r.rec_id = o.root_id
    LEFT JOIN organisations org ON org.org_id = r.raised_by_org_id
    WHERE o.times_raised >= $min_times
)
SELECT * FROM final ORDER BY times_raised DESC, last_raised_on DESC, rec_id LIMIT $limit;
