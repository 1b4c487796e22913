-- The recommendations and directives behind one theme in one period (a heatmap cell), newest first.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param limit int = 200 : at most this many rows
WITH scoped AS (
    SELECT item_type, item_id, meeting_id, held_on
    FROM agg_theme_items
    WHERE held_on BETWEEN $date_from AND $date_to
      AND gb_in_place(level, province_recorded_id, province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR family = $family)
      AND ($theme IS NULL OR theme_id = $theme)
      AND item_type <> 'meeting'
),
recs AS (
    SELECT s.*, r.text, r.raised_by AS organisation, r.status, r.origin, r.span_start IS NOT NULL AS has_source,
           r.locality_name
    FROM scoped s JOIN agg_recs r ON s.item_type = 'recommendation' AND r.rec_id = s.item_id
),
dirs AS (
    -- the addressee as written when it is no known organisation ("các sở, ngành liên quan")
    SELECT s.*, d.text, d.addressee, d.outcome, d.origin, d.span_start IS NOT NULL, d.locality_name
    FROM scoped s JOIN agg_dirs d ON s.item_type = 'directive' AND d.dir_id = s.item_id
),
items AS (
    SELECT * FROM recs UNION ALL SELECT * FROM dirs
),
final AS (
    SELECT i.item_type, i.item_id, i.meeting_id, i.held_on, i.text, i.organisation, i.status, i.origin, i.has_source,
           i.locality_name AS locality
    FROM items i
)
SELECT * FROM final ORDER BY held_on DESC, item_type DESC, item_id LIMIT $limit;
