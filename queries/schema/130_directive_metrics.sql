-- Directive metrics, defined once.
--   outcome  on_time  completed on or before its deadline
--            late     completed after its deadline
--            overdue  not completed, deadline passed
--            open     not completed, deadline not reached
--            cancelled
-- A directive with no deadline gets the meeting date + overdue_days, as recommendations do.
CREATE OR REPLACE MACRO dir_state_asof(as_of := NULL) AS TABLE
WITH dirs AS (
    SELECT d.dir_id, d.meeting_id, d.addressee_org_id, d.addressee_text, d.text, d.due_on,
           m.held_on AS issued_on, m.level, m.locality_id, m.origin,
           CAST(coalesce(d.due_on, m.held_on + CAST(gb_overdue_days() AS INTEGER)) AS DATE) AS due_effective
    FROM directives d
    JOIN meetings m USING (meeting_id)
    WHERE m.held_on <= gb_asof(as_of)
),
events AS (
    SELECT dir_id,
           arg_max(status, gb_event_key(happened_on, gb_dir_status_rank(status))) AS status,
           max(happened_on) FILTER (WHERE status = 'completed') AS completed_on
    FROM directive_events
    WHERE happened_on <= gb_asof(as_of)
    GROUP BY dir_id
),
joined AS (
    SELECT dirs.*, coalesce(events.status, 'issued') AS status, events.completed_on
    FROM dirs LEFT JOIN events USING (dir_id)
),
final AS (
    SELECT *,
           CASE WHEN status = 'cancelled' THEN 'cancelled'
                WHEN status = 'completed' AND completed_on <= due_effective THEN 'on_time'
                WHEN status = 'completed' THEN 'late'
                WHEN gb_asof(as_of) > due_effective THEN 'overdue'
                ELSE 'open' END AS outcome,
           CASE WHEN status = 'completed' THEN date_diff('day', issued_on, completed_on) END AS days_to_complete
    FROM joined
)
SELECT * FROM final;

CREATE OR REPLACE VIEW dir_state AS SELECT * FROM dir_state_asof(gb_today());
COMMENT ON VIEW dir_state IS 'Tình hình thực hiện chỉ đạo tính đến hôm nay / Directive state as of today';

CREATE OR REPLACE MACRO dir_metrics(date_from, date_to, as_of := NULL) AS TABLE
WITH scoped AS (
    SELECT * FROM dir_state_asof(as_of)
    WHERE issued_on BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)
),
final AS (
    SELECT count(*) AS n_issued,
           count(*) FILTER (WHERE outcome IN ('on_time', 'late')) AS n_completed,
           count(*) FILTER (WHERE outcome IN ('on_time', 'late')) / nullif(count(*) FILTER (WHERE outcome <> 'cancelled'), 0) AS completed_rate,
           count(*) FILTER (WHERE outcome = 'on_time') AS n_on_time,
           count(*) FILTER (WHERE outcome = 'late') AS n_late,
           count(*) FILTER (WHERE outcome = 'overdue') AS n_overdue,
           count(*) FILTER (WHERE outcome = 'open') AS n_open
    FROM scoped
)
SELECT * FROM final;
