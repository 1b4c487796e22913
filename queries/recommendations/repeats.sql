-- Recommendations raised again at later meetings: how many times and since when (the whole chain), and the latest raise in the period (date, wording, status, source).
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
    SELECT root_seq, list_seq, raised_on, times_raised
    FROM agg_recs
    WHERE raised_on BETWEEN $date_from AND $date_to
      AND times_raised >= $min_times  -- the root's count, the same on each of its rows: decides early
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR list_contains(themes, $theme))
),
roots AS (
    -- narrow integer columns only, grouped on the chain's integer key
    SELECT root_seq, max(times_raised) AS times_raised, max(list_seq) AS last_seq
    FROM scoped GROUP BY root_seq
    ORDER BY times_raised DESC, last_seq DESC LIMIT $limit
),
final AS (
    -- the latest raise in the period gives the wording, status and source: the kept rows are the
    -- newest, so the read-back touches the first row groups only (the table is stored newest first);
    -- the first raise is the chain's, in or before the period, like the count beside it
    SELECT s.root_id, s.rec_id, s.text, s.raised_by, r.times_raised, f.raised_on AS first_raised_on,
           s.raised_on AS last_raised_on, s.status AS latest_status, s.origin, r.last_seq
    FROM roots r
    JOIN agg_recs s ON s.list_seq = r.last_seq
    JOIN agg_recs f ON f.list_seq = r.root_seq
)
SELECT * EXCLUDE (last_seq) FROM final ORDER BY times_raised DESC, last_seq DESC;
