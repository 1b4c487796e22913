-- Recommendations raised again at later meetings: how many times, first and last time, and the latest status.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param min_times int = 2 : raised at least this many times
-- @param limit int = 50 : at most this many rows
WITH scoped AS (
    SELECT root_id, rec_id, raised_on, status, times_raised, text, raised_by_org_id, family, origin
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND times_raised >= $min_times  -- the root's count, the same on each of its rows: decides early
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
),
roots AS (
    SELECT root_id, max(times_raised) AS times_raised, min(raised_on) AS first_raised_on,
           max(raised_on) AS last_raised_on, arg_max(status, raised_on) AS latest_status,
           arg_min(text, raised_on) AS text, arg_min(raised_by_org_id, raised_on) AS org_id,
           arg_min(family, raised_on) AS family, arg_min(origin, raised_on) AS origin
    FROM scoped GROUP BY root_id
),
final AS (
    SELECT r.root_id AS rec_id, r.text, coalesce(o.name, f.family_name) AS raised_by, r.times_raised,
           r.first_raised_on, r.last_raised_on, r.latest_status, r.origin
    FROM roots r
    LEFT JOIN organisations o ON o.org_id = r.org_id
    LEFT JOIN family_names f ON f.family = r.family
)
SELECT * FROM final ORDER BY times_raised DESC, last_raised_on DESC, rec_id LIMIT $limit;
