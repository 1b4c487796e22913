-- How long resolved recommendations took, meeting to resolution: counts per band, with the median and 90th percentile.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
WITH bands AS (
    SELECT * FROM (VALUES ('≤30', 1, 0, 30), ('31–90', 2, 31, 90), ('91–180', 3, 91, 180), ('181–365', 4, 181, 365),
                          ('>365', 5, 366, 1000000)) AS b(band, band_order, low, high)
),
resolved AS (
    SELECT days_to_resolution AS days
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
      AND resolved
),
per_day AS (
    SELECT days, count(*) AS n FROM resolved GROUP BY days  -- a few hundred rows to put in bands
),
stats AS (
    SELECT count(*) AS resolved, median(days) AS median_days, quantile_cont(days, 0.9) AS p90_days FROM resolved
),
final AS (
    SELECT b.band, b.band_order, CAST(coalesce(sum(d.n), 0) AS BIGINT) AS n, s.resolved, s.median_days, s.p90_days
    FROM bands b LEFT JOIN per_day d ON d.days BETWEEN b.low AND b.high CROSS JOIN stats s
    GROUP BY ALL
)
SELECT * FROM final ORDER BY band_order;
