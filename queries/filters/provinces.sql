-- Provinces that have meetings, as recorded or as today's 34, for the locality filter.
-- @param harmonised bool = false : today's provinces (true) or provinces as recorded (false)
WITH pairs AS (
    SELECT DISTINCT province_recorded_id, province_current_id FROM agg_meetings WHERE province_recorded_id IS NOT NULL
),
used AS (
    SELECT DISTINCT CASE WHEN $harmonised THEN province_current_id ELSE province_recorded_id END AS province_id,
           province_current_id AS current_province_id
    FROM pairs
),
final AS (
    SELECT u.province_id, p.name, p.valid_from, p.valid_to, p.is_current,
           count(*) OVER (PARTITION BY p.name) > 1 AS name_repeats, u.current_province_id
    FROM used u JOIN province_names p USING (province_id)
)
SELECT * FROM final ORDER BY name, valid_from NULLS FIRST, province_id;
