-- Activity and theme views over periods of any grain.

-- Meetings with their period buckets and provinces (as recorded and today's).
CREATE OR REPLACE VIEW meeting_facts AS
SELECT m.*, lp.province_id AS province_recorded_id, lp.current_province_id AS province_current_id,
       year(m.held_on) AS held_year, quarter(m.held_on) AS held_quarter
FROM meetings m
LEFT JOIN locality_province lp USING (locality_id);
COMMENT ON VIEW meeting_facts IS 'Cuộc họp kèm tỉnh (như ghi nhận và hiện nay) / Meetings with recorded and current province';

-- Per organisation and period: meetings attended, recommendations raised, directives received.
CREATE OR REPLACE MACRO activity_by_org(grain := 'quarter') AS TABLE
WITH attended AS (
    SELECT mo.org_id, gb_period_start(m.held_on, grain) AS period_start, count(DISTINCT m.meeting_id) AS meetings
    FROM meeting_orgs mo JOIN meetings m USING (meeting_id) GROUP BY ALL
),
raised AS (
    SELECT r.raised_by_org_id AS org_id, gb_period_start(m.held_on, grain) AS period_start, count(*) AS recommendations
    FROM recommendations r JOIN meetings m USING (meeting_id)
    WHERE r.raised_by_org_id IS NOT NULL GROUP BY ALL
),
received AS (
    SELECT d.addressee_org_id AS org_id, gb_period_start(m.held_on, grain) AS period_start, count(*) AS directives
    FROM directives d JOIN meetings m USING (meeting_id)
    WHERE d.addressee_org_id IS NOT NULL GROUP BY ALL
),
final AS (
    SELECT org_id, period_start, gb_period_label(period_start, grain) AS period_label,
           coalesce(a.meetings, 0) AS meetings, coalesce(r.recommendations, 0) AS recommendations,
           coalesce(d.directives, 0) AS directives
    FROM attended a
    FULL JOIN raised r USING (org_id, period_start)
    FULL JOIN received d USING (org_id, period_start)
)
SELECT * FROM final;

-- Per theme and period: tagged items and the meetings they come from.
CREATE OR REPLACE MACRO theme_by_period(grain := 'quarter') AS TABLE
WITH items AS (
    SELECT tl.theme_id, tl.item_type, tl.item_id,
           coalesce(m1.meeting_id, r.meeting_id, d.meeting_id) AS meeting_id
    FROM theme_links tl
    LEFT JOIN meetings m1 ON tl.item_type = 'meeting' AND m1.meeting_id = tl.item_id
    LEFT JOIN recommendations r ON tl.item_type = 'recommendation' AND r.rec_id = tl.item_id
    LEFT JOIN directives d ON tl.item_type = 'directive' AND d.dir_id = tl.item_id
),
final AS (
    SELECT i.theme_id, gb_period_start(m.held_on, grain) AS period_start,
           gb_period_label(gb_period_start(m.held_on, grain), grain) AS period_label,
           count(*) FILTER (WHERE i.item_type = 'recommendation') AS recommendations,
           count(*) FILTER (WHERE i.item_type = 'directive') AS directives,
           count(DISTINCT i.meeting_id) AS meetings
    FROM items i JOIN meetings m USING (meeting_id)
    GROUP BY ALL
)
SELECT * FROM final;
