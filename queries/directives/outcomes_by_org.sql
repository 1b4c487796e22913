-- Directive outcomes (on time, late, overdue, open, cancelled) per addressee organisation family.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param limit int = 12 : at most this many organisations (most directives first)
WITH by_outcome AS (
    -- per family and outcome first (a few dozen rows); the outcome columns are spread from those
    SELECT family, outcome, count(*) AS n
    FROM agg_dirs
    WHERE issued_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
    GROUP BY family, outcome
),
counted AS (
    SELECT family, CAST(sum(n) AS BIGINT) AS issued,
           CAST(coalesce(sum(n) FILTER (WHERE outcome = 'on_time'), 0) AS BIGINT) AS on_time,
           CAST(coalesce(sum(n) FILTER (WHERE outcome = 'late'), 0) AS BIGINT) AS late,
           CAST(coalesce(sum(n) FILTER (WHERE outcome = 'overdue'), 0) AS BIGINT) AS overdue,
           CAST(coalesce(sum(n) FILTER (WHERE outcome = 'open'), 0) AS BIGINT) AS open,
           CAST(coalesce(sum(n) FILTER (WHERE outcome = 'cancelled'), 0) AS BIGINT) AS cancelled
    FROM by_outcome GROUP BY family
),
final AS (
    SELECT c.family, coalesce(f.family_short, c.family) AS organisation, coalesce(f.family_name, c.family) AS organisation_name,
           c.issued, c.on_time, c.late, c.overdue, c.open, c.cancelled,
           (c.on_time + c.late) / nullif(c.issued - c.cancelled, 0) AS completed_rate
    FROM counted c
    LEFT JOIN family_names f ON f.family = c.family
)
SELECT * FROM final ORDER BY issued DESC, family NULLS LAST LIMIT $limit;
