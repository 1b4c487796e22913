-- Each locality's province as recorded and the province that holds it today (after the 2025
-- reform), so activity can be shown "as recorded" or "harmonised" onto the 34 provinces.
CREATE OR REPLACE VIEW locality_province AS
WITH RECURSIVE up(locality_id, cur_id, cur_level, depth) AS (
    SELECT locality_id, locality_id, level, 0 FROM localities
    UNION ALL
    SELECT up.locality_id, p.locality_id, p.level, up.depth + 1
    FROM up
    JOIN localities l ON l.locality_id = up.cur_id
    JOIN localities p ON p.locality_id = l.parent_id
    WHERE up.cur_level NOT IN ('province', 'country') AND up.depth < 6
),
recorded AS (
    SELECT locality_id, cur_id AS province_id FROM up WHERE cur_level = 'province'
),
succ(province_id, cur_id, depth) AS (
    SELECT DISTINCT province_id, province_id, 0 FROM recorded
    UNION ALL
    SELECT succ.province_id, l.successor_id, succ.depth + 1
    FROM succ JOIN localities l ON l.locality_id = succ.cur_id
    WHERE l.successor_id IS NOT NULL AND succ.depth < 6
),
current_province AS (
    SELECT province_id, arg_max(cur_id, depth) AS current_province_id FROM succ GROUP BY province_id
),
final AS (
    SELECT r.locality_id, r.province_id, c.current_province_id
    FROM recorded r JOIN current_province c USING (province_id)
)
SELECT * FROM final;
COMMENT ON VIEW locality_province IS 'Tỉnh như khi ghi nhận và tỉnh hiện nay (sau sắp xếp 2025) / Province as recorded and today';
