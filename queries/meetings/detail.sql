-- One meeting: when, where (as recorded and today's province), who hosted, the period it reviewed, its source document.
-- @param meeting_id text = null : the meeting
WITH m AS (
    SELECT * FROM meetings WHERE meeting_id = $meeting_id
),
final AS (
    SELECT m.meeting_id, m.held_on, m.date_basis, m.level, l.name AS locality, pr.name AS province_recorded,
           pc.name AS province_current, m.host_body, m.kind, m.title, m.period_label, m.period_start, m.period_end,
           m.origin, m.confidence, m.doc_id, d.title AS doc_title, d.url, d.outlet, d.published_at,
           (SELECT count(*) FROM recommendations r WHERE r.meeting_id = m.meeting_id) AS recommendations,
           (SELECT count(*) FROM directives x WHERE x.meeting_id = m.meeting_id) AS directives
    FROM m
    LEFT JOIN localities l ON l.locality_id = m.locality_id
    LEFT JOIN locality_province lp ON lp.locality_id = m.locality_id
    LEFT JOIN localities pr ON pr.locality_id = lp.province_id
    LEFT JOIN localities pc ON pc.locality_id = lp.current_province_id
    LEFT JOIN documents d ON d.doc_id = m.doc_id
)
SELECT * FROM final;
