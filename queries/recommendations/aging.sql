-- Open recommendations by age since the meeting (≤30, 31–90, 91–120, >120 days) as of a date.
-- @param as_of date = today : judge statuses as of this date
WITH buckets AS (
    SELECT * FROM (VALUES ('≤30', 1), ('31–90', 2), ('91–120', 3), ('>120', 4)) AS b(aging_bucket, bucket_order)
),
open_items AS (
    SELECT aging_bucket, count(*) AS n_open, count(*) FILTER (WHERE is_overdue) AS n_overdue
    FROM rec_state_asof($as_of) WHERE is_open GROUP BY ALL
),
final AS (
    SELECT b.aging_bucket, b.bucket_order, coalesce(o.n_open, 0) AS n_open, coalesce(o.n_overdue, 0) AS n_overdue
    FROM buckets b LEFT JOIN open_items o USING (aging_bucket)
)
SELECT * FROM final ORDER BY bucket_order;
