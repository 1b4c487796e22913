-- Recurring phrases not yet in the theme taxonomy, by how many meetings in the period mention them.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param limit int = 15 : at most this many phrases
WITH scoped AS (
    SELECT phrase, meetings, first_held_on, last_held_on
    FROM agg_phrase_months
    WHERE month BETWEEN CAST(date_trunc('month', $date_from) AS DATE) AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
),
final AS (
    SELECT phrase, CAST(sum(meetings) AS BIGINT) AS meetings, min(first_held_on) AS first_held_on,
           max(last_held_on) AS last_held_on
    FROM scoped GROUP BY phrase
)
SELECT * FROM final ORDER BY meetings DESC, phrase LIMIT $limit;
