-- Answered rate and actually-resolved rate side by side, by raising organisation (family).
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param as_of date = today : judge statuses as of this date
WITH scoped AS (
    SELECT rs.*, coalesce(o.family, rs.raised_by_org_id, 'unknown') AS family
    FROM rec_state_asof($as_of) rs
    LEFT JOIN organisations o ON o.org_id = rs.raised_by_org_id
    WHERE rs.raised_on BETWEEN $date_from AND $date_to
),
final AS (
    SELECT s.family AS org_id, coalesce(g.short_name, g.name, s.family) AS org_name,
           count(*) AS n_raised,
           count(*) FILTER (WHERE answered) AS n_answered,
           round(count(*) FILTER (WHERE answered) / count(*), 4) AS answered_rate,
           count(*) FILTER (WHERE resolved) AS n_resolved,
           round(count(*) FILTER (WHERE resolved) / count(*), 4) AS resolution_rate,
           count(*) FILTER (WHERE is_overdue) AS n_overdue
    FROM scoped s LEFT JOIN organisations g ON g.org_id = s.family
    GROUP BY ALL
)
SELECT * FROM final ORDER BY n_raised DESC, org_id;
