-- Recommendation metrics, defined once. Everything else (pages, reports, named queries) reads
-- these macros and views instead of re-deriving status.

-- One row per recommendation raised on or before as_of, with its state on that date.
--   status          latest event on or before as_of (same-day ties: the later stage wins)
--   answered        any response other than 'raised' (referred, answered, explained, in progress,
--                   resolved, declined): the "answered rate" numerator
--   resolved        status is 'resolved': the "actually resolved" numerator
--   is_open         raised / referred / answered / in_progress
--   due_effective   the stated deadline, else the meeting date + overdue_days (build_info)
--   is_overdue      open and as_of is past due_effective
--   times_raised    occurrences of the same recommendation (first one + its repeats) by as_of
--   raised_again    a later meeting raised the same recommendation again (repeat rate numerator)
CREATE OR REPLACE MACRO rec_state_asof(as_of := NULL) AS TABLE
WITH recs AS (
    SELECT r.rec_id, r.meeting_id, r.raised_by_org_id, r.text, r.repeat_of,
           coalesce(r.repeat_of, r.rec_id) AS root_id,
           m.held_on AS raised_on, m.level, m.locality_id, m.origin, r.due_on,
           CAST(coalesce(r.due_on, m.held_on + CAST(gb_overdue_days() AS INTEGER)) AS DATE) AS due_effective
    FROM recommendations r
    JOIN meetings m USING (meeting_id)
    WHERE m.held_on <= gb_asof(as_of)
),
events AS (
    SELECT rec_id,
           arg_max(status, gb_event_key(happened_on, gb_rec_status_rank(status))) AS status,
           max(happened_on) AS status_on,
           min(happened_on) FILTER (WHERE status <> 'raised') AS answered_on,
           max(happened_on) FILTER (WHERE status = 'resolved') AS resolved_on
    FROM recommendation_events
    WHERE happened_on <= gb_asof(as_of)
    GROUP BY rec_id
),
roots AS (
    SELECT root_id, count(*) AS times_raised, max(raised_on) AS last_raised_on
    FROM recs GROUP BY root_id
),
joined AS (
    SELECT recs.*, coalesce(events.status, 'raised') AS status, events.status_on,
           events.answered_on, events.resolved_on, roots.times_raised, roots.last_raised_on
    FROM recs
    LEFT JOIN events USING (rec_id)
    LEFT JOIN roots USING (root_id)
),
final AS (
    SELECT rec_id, meeting_id, raised_by_org_id, text, repeat_of, root_id, raised_on, level,
           locality_id, origin, due_on, due_effective, status, status_on,
           answered_on IS NOT NULL AS answered, answered_on,
           status = 'resolved' AS resolved,
           CASE WHEN status = 'resolved' THEN resolved_on END AS resolved_on,
           gb_rec_open(status) AS is_open,
           gb_rec_open(status) AND gb_asof(as_of) > due_effective AS is_overdue,
           date_diff('day', raised_on, gb_asof(as_of)) AS age_days,
           CASE WHEN gb_rec_open(status) THEN gb_aging_bucket(date_diff('day', raised_on, gb_asof(as_of))) END AS aging_bucket,
           CASE WHEN status = 'resolved' THEN date_diff('day', raised_on, resolved_on) END AS days_to_resolution,
           times_raised,
           last_raised_on > raised_on AS raised_again
    FROM joined
)
SELECT * FROM final;

CREATE OR REPLACE VIEW rec_state AS SELECT * FROM rec_state_asof(gb_today());
COMMENT ON VIEW rec_state IS 'Trạng thái kiến nghị tính đến hôm nay / Recommendation state as of today';

-- Headline figures for recommendations raised in [date_from, date_to], judged on as_of.
CREATE OR REPLACE MACRO rec_metrics(date_from, date_to, as_of := NULL) AS TABLE
WITH scoped AS (
    SELECT * FROM rec_state_asof(as_of)
    WHERE raised_on BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)
),
final AS (
    SELECT count(*) AS n_raised,
           count(*) FILTER (WHERE answered) AS n_answered,
           count(*) FILTER (WHERE answered) / nullif(count(*), 0) AS answered_rate,
           count(*) FILTER (WHERE resolved) AS n_resolved,
           count(*) FILTER (WHERE resolved) / nullif(count(*), 0) AS resolution_rate,
           count(*) FILTER (WHERE is_open) AS n_open,
           count(*) FILTER (WHERE is_overdue) AS n_overdue,
           count(*) FILTER (WHERE is_overdue) / nullif(count(*) FILTER (WHERE is_open), 0) AS overdue_share_of_open,
           quantile_cont(days_to_resolution, 0.5) AS median_days_to_resolution,
           quantile_cont(days_to_resolution, 0.9) AS p90_days_to_resolution,
           count(*) FILTER (WHERE raised_again) AS n_raised_again,
           count(*) FILTER (WHERE raised_again) / nullif(count(*), 0) AS repeat_rate
    FROM scoped
)
SELECT * FROM final;

-- The same figures for the period and for the same period one year earlier, the earlier one
-- judged one year earlier too, so both had the same time to get answered.
CREATE OR REPLACE MACRO rec_metrics_yoy(date_from, date_to, as_of := NULL) AS TABLE
SELECT 'current' AS period, * FROM rec_metrics(date_from, date_to, as_of)
UNION ALL
SELECT 'previous_year' AS period, * FROM rec_metrics(
    CAST(CAST(date_from AS DATE) - INTERVAL 1 YEAR AS DATE),
    CAST(CAST(date_to AS DATE) - INTERVAL 1 YEAR AS DATE),
    CAST(gb_asof(as_of) - INTERVAL 1 YEAR AS DATE));
