-- Directive outcomes (on time, late, overdue, open) by addressee organisation family.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param as_of date = today : judge statuses as of this date
WITH scoped AS (
    SELECT ds.*, coalesce(o.family, ds.addressee_org_id, 'unknown') AS family
    FROM dir_state_asof($as_of) ds
    LEFT JOIN organisations o ON o.org_id = ds.addressee_org_id
    WHERE ds.issued_on BETWEEN $date_from AND $date_to
),
final AS (
    SELECT s.family AS org_id, coalesce(g.short_name, g.name, s.family) AS org_name,
           count(*) AS n_issued,
           count(*) FILTER (WHERE outcome = 'on_time') AS n_on_time,
           count(*) FILTER (WHERE outcome = 'late') AS n_late,
           count(*) FILTER (WHERE outcome = 'overdue') AS n_overdue,
           count(*) FILTER (WHERE outcome = 'open') AS n_open,
           round(count(*) FILTER (WHERE outcome IN ('on_time', 'late')) / count(*), 4) AS completed_rate
    FROM scoped s LEFT JOIN organisations g ON g.org_id = s.family
    GROUP BY ALL
)
SELECT * FROM final ORDER BY n_issued DESC, org_id;
