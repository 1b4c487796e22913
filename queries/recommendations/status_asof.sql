-- How many recommendations were in each status on a given date.
-- @param as_of date = today : the date to look at
WITH statuses AS (
    SELECT * FROM (VALUES ('raised', 1), ('referred', 2), ('answered', 3), ('in_progress', 4),
                          ('explained', 5), ('declined', 6), ('resolved', 7)) AS s(status, status_order)
),
counted AS (
    SELECT status, count(*) AS n FROM rec_state_asof($as_of) GROUP BY ALL
),
final AS (
    SELECT s.status, s.status_order, coalesce(c.n, 0) AS n
    FROM statuses s LEFT JOIN counted c USING (status)
)
SELECT * FROM final ORDER BY status_order;
