-- Open recommendations raised in the period by age since the meeting (≤30, 31–90, 91–120, >120 days), and how many are overdue.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
WITH buckets AS (
    SELECT * FROM (VALUES ('≤30', 1), ('31–90', 2), ('91–120', 3), ('>120', 4)) AS b(aging_bucket, bucket_order)
),
by_age AS (
    -- per age in days first (an integer key, a few hundred rows); grouping the bucket strings
    -- directly was 2-3x slower at national scale
    SELECT age_days, count(*) AS open, count_if(is_overdue) AS overdue
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
      AND is_open
    GROUP BY age_days
),
open_items AS (
    SELECT gb_aging_bucket(age_days) AS aging_bucket, CAST(sum(open) AS BIGINT) AS open,
           CAST(sum(overdue) AS BIGINT) AS overdue
    FROM by_age GROUP BY ALL
),
final AS (
    SELECT b.aging_bucket, b.bucket_order, coalesce(o.open, 0) AS open, coalesce(o.overdue, 0) AS overdue
    FROM buckets b LEFT JOIN open_items o USING (aging_bucket)
)
SELECT * FROM final ORDER BY bucket_order;
