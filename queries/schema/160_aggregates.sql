-- Dashboard facts: one narrow row per meeting, recommendation, directive, theme tag and
-- (meeting, organisation family), with the place and organisation dimensions already joined and
-- the status taken from the metric macros (rec_state_asof, dir_state_asof), so no metric is
-- re-derived here. Each *_live view defines one fact set; giaoban.aggregates materialises it at
-- build and ingest time as a table of the same name without "_live", sorted by date, so the
-- dashboard's date-range queries read a few row groups. Until then a view of that name reads the
-- live definition, so every named query runs on any database (the tests' fixture included).
-- Statuses are judged as of gb_today() when materialised; py_* columns judge the same items one
-- year earlier, for "same period last year" comparisons.

-- Does a row with this level and province pair pass the sidebar's place filter?
CREATE OR REPLACE MACRO gb_in_place(row_level, prov_recorded, prov_current, want_level, want_province, harmonised) AS
    (want_level IS NULL OR row_level = want_level)
    AND (want_province IS NULL
         OR (CASE WHEN coalesce(harmonised, false) THEN prov_current ELSE prov_recorded END) = want_province);

-- The date the facts judge statuses on: when they were materialised, else today.
CREATE OR REPLACE MACRO gb_facts_as_of() AS coalesce(
    (SELECT try_cast(max(value) AS DATE) FROM build_info WHERE key = 'aggregates_as_of'), gb_today());

-- Row counts the facts are computed from; refresh() stores them, and a different value later means
-- data was written without a refresh (the dashboard then says so).
CREATE OR REPLACE MACRO gb_facts_source() AS concat_ws('|',
    (SELECT count(*) FROM meetings), (SELECT count(*) FROM recommendations),
    (SELECT count(*) FROM recommendation_events), (SELECT count(*) FROM directives),
    (SELECT count(*) FROM directive_events), (SELECT count(*) FROM theme_links));

-- Consecutive periods get consecutive numbers (2024-Q4 → 2025-Q1 is one step), for "N in a row".
CREATE OR REPLACE MACRO gb_period_index(d, grain) AS CASE grain
    WHEN 'month' THEN year(d) * 12 + month(d) - 1
    WHEN 'quarter' THEN year(d) * 4 + quarter(d) - 1
    WHEN 'half' THEN year(d) * 2 + CASE WHEN month(d) <= 6 THEN 0 ELSE 1 END
    ELSE year(d) END;

-- Display names of organisation families (mttq → MTTQ / Ủy ban Mặt trận Tổ quốc Việt Nam).
CREATE OR REPLACE VIEW family_names_live AS
SELECT family,
       coalesce(max(short_name) FILTER (WHERE org_id = family), max(name) FILTER (WHERE org_id = family),
                min(short_name), min(name)) AS family_short,
       coalesce(max(name) FILTER (WHERE org_id = family), min(name)) AS family_name
FROM organisations GROUP BY family;
COMMENT ON VIEW family_names_live IS 'Tên dòng tổ chức (viết tắt, đầy đủ) / Organisation family names';
-- materialised by giaoban.aggregates (a table of ~100 rows instead of a scan of every organisation)
CREATE VIEW IF NOT EXISTS family_names AS SELECT * FROM family_names_live;

-- Province names with the years they existed, so "Bắc Ninh" before and after 7/2025 differ.
CREATE OR REPLACE VIEW province_names AS
SELECT locality_id AS province_id, name, valid_from, valid_to, valid_to IS NULL AS is_current
FROM localities WHERE level = 'province';
COMMENT ON VIEW province_names IS 'Tỉnh, thành phố và thời gian hiệu lực / Provinces with validity';

CREATE OR REPLACE VIEW agg_meetings_live AS
WITH item_themes AS (
    SELECT r.meeting_id, tl.theme_id FROM theme_links tl
    JOIN recommendations r ON tl.item_type = 'recommendation' AND r.rec_id = tl.item_id
    UNION
    SELECT d.meeting_id, tl.theme_id FROM theme_links tl
    JOIN directives d ON tl.item_type = 'directive' AND d.dir_id = tl.item_id
    UNION
    SELECT item_id, theme_id FROM theme_links WHERE item_type = 'meeting'
),
meeting_themes AS (
    SELECT meeting_id, list(theme_id ORDER BY theme_id) AS themes FROM item_themes GROUP BY meeting_id
),
meeting_families AS (
    SELECT mo.meeting_id, list(DISTINCT coalesce(o.family, mo.org_id)) AS families
    FROM meeting_orgs mo LEFT JOIN organisations o USING (org_id) GROUP BY mo.meeting_id
),
rec_counts AS (
    SELECT meeting_id, count(*) AS n_recs FROM recommendations GROUP BY meeting_id
),
dir_counts AS (
    SELECT meeting_id, count(*) AS n_dirs FROM directives GROUP BY meeting_id
),
final AS (
    SELECT m.meeting_id, m.held_on, m.level, m.locality_id, loc.name AS locality_name, lp.province_id AS province_recorded_id,
           lp.current_province_id AS province_current_id, m.origin, m.kind, m.host_body, m.title,
           m.period_label, m.doc_id, coalesce(rc.n_recs, 0) AS n_recs, coalesce(dc.n_dirs, 0) AS n_dirs,
           coalesce(mt.themes, CAST([] AS VARCHAR[])) AS themes,
           coalesce(mf.families, CAST([] AS VARCHAR[])) AS families
    FROM meetings m
    LEFT JOIN locality_province lp USING (locality_id)
    LEFT JOIN localities loc USING (locality_id)
    LEFT JOIN meeting_themes mt USING (meeting_id)
    LEFT JOIN meeting_families mf USING (meeting_id)
    LEFT JOIN rec_counts rc USING (meeting_id)
    LEFT JOIN dir_counts dc USING (meeting_id)
)
SELECT * FROM final;
COMMENT ON VIEW agg_meetings_live IS 'Cuộc họp kèm tỉnh, chủ đề, tổ chức (bảng tổng hợp) / Meeting facts for the dashboard';

CREATE OR REPLACE VIEW agg_recs_live AS
WITH now_state AS (
    SELECT * FROM rec_state_asof(gb_today())
),
prev_state AS (
    SELECT rec_id, answered, resolved, is_open, is_overdue, days_to_resolution, raised_again
    FROM rec_state_asof(CAST(gb_today() - INTERVAL 1 YEAR AS DATE))
),
rec_themes AS (
    SELECT item_id AS rec_id, list(theme_id ORDER BY theme_id) AS themes
    FROM theme_links WHERE item_type = 'recommendation' GROUP BY item_id
),
final AS (
    SELECT s.rec_id, s.meeting_id, s.raised_on, s.level, loc.name AS locality_name, lp.province_id AS province_recorded_id,
           lp.current_province_id AS province_current_id, s.origin,
           coalesce(o.family, s.raised_by_org_id) AS family, s.raised_by_org_id,
           coalesce(t.themes, CAST([] AS VARCHAR[])) AS themes,
           s.status, s.answered, s.resolved, s.is_open, s.is_overdue, s.due_effective, s.age_days,
           s.aging_bucket, s.days_to_resolution, s.resolved_on, s.root_id, s.repeat_of, s.times_raised,
           s.raised_again, s.text, gb_fold(s.text) AS text_key,
           p.answered AS py_answered, p.resolved AS py_resolved, p.is_open AS py_is_open,
           p.is_overdue AS py_is_overdue, p.days_to_resolution AS py_days_to_resolution,
           p.raised_again AS py_raised_again, r.doc_id, r.span_start, r.span_end,
           coalesce(o.name, fn.family_name) AS raised_by,
           -- the lists' order (newest first, then id) as one integer, descending: a cheap sort key
           -- that also lets a top-N skip row groups, since the table is stored in this order
           row_number() OVER (ORDER BY s.raised_on, s.rec_id DESC) AS list_seq
    FROM now_state s
    JOIN recommendations r USING (rec_id)
    LEFT JOIN locality_province lp USING (locality_id)
    LEFT JOIN localities loc ON loc.locality_id = s.locality_id
    LEFT JOIN organisations o ON o.org_id = s.raised_by_org_id
    LEFT JOIN family_names fn ON fn.family = coalesce(o.family, s.raised_by_org_id)
    LEFT JOIN prev_state p USING (rec_id)
    LEFT JOIN rec_themes t USING (rec_id)
)
-- root_seq: the list_seq of the chain's first raise, an integer key that groups repeats cheaply
SELECT *, min(list_seq) OVER (PARTITION BY root_id) AS root_seq FROM final;
COMMENT ON VIEW agg_recs_live IS 'Kiến nghị kèm trạng thái, tỉnh, tổ chức, chủ đề (bảng tổng hợp) / Recommendation facts';

CREATE OR REPLACE VIEW agg_dirs_live AS
WITH now_state AS (
    SELECT * FROM dir_state_asof(gb_today())
),
prev_state AS (
    SELECT dir_id, outcome FROM dir_state_asof(CAST(gb_today() - INTERVAL 1 YEAR AS DATE))
),
dir_themes AS (
    SELECT item_id AS dir_id, list(theme_id ORDER BY theme_id) AS themes
    FROM theme_links WHERE item_type = 'directive' GROUP BY item_id
),
final AS (
    SELECT s.dir_id, s.meeting_id, s.issued_on, s.level, loc.name AS locality_name, lp.province_id AS province_recorded_id,
           lp.current_province_id AS province_current_id, s.origin,
           coalesce(o.family, s.addressee_org_id) AS family, s.addressee_org_id, s.addressee_text,
           coalesce(t.themes, CAST([] AS VARCHAR[])) AS themes,
           s.status, s.outcome, s.due_effective, s.completed_on, s.days_to_complete, s.text,
           gb_fold(s.text) AS text_key, p.outcome AS py_outcome, d.doc_id, d.span_start, d.span_end,
           coalesce(o.name, s.addressee_text, fn.family_name) AS addressee,
           row_number() OVER (ORDER BY s.issued_on, s.dir_id DESC) AS list_seq  -- as agg_recs.list_seq
    FROM now_state s
    JOIN directives d USING (dir_id)
    LEFT JOIN locality_province lp USING (locality_id)
    LEFT JOIN localities loc ON loc.locality_id = s.locality_id
    LEFT JOIN organisations o ON o.org_id = s.addressee_org_id
    LEFT JOIN family_names fn ON fn.family = coalesce(o.family, s.addressee_org_id)
    LEFT JOIN prev_state p USING (dir_id)
    LEFT JOIN dir_themes t USING (dir_id)
)
SELECT * FROM final;
COMMENT ON VIEW agg_dirs_live IS 'Chỉ đạo kèm kết quả, tỉnh, tổ chức, chủ đề (bảng tổng hợp) / Directive facts';

CREATE OR REPLACE VIEW agg_theme_items_live AS
WITH items AS (
    SELECT 'recommendation' AS item_type, rec_id AS item_id, meeting_id, raised_by_org_id AS org_id FROM recommendations
    UNION ALL
    SELECT 'directive', dir_id, meeting_id, addressee_org_id FROM directives
    UNION ALL
    SELECT 'meeting', meeting_id, meeting_id, NULL FROM meetings
),
final AS (
    SELECT tl.theme_id, tl.item_type, tl.item_id, i.meeting_id, m.held_on, m.level,
           lp.province_id AS province_recorded_id, lp.current_province_id AS province_current_id,
           m.origin, coalesce(o.family, i.org_id) AS family
    FROM theme_links tl
    JOIN items i USING (item_type, item_id)
    JOIN meetings m ON m.meeting_id = i.meeting_id
    LEFT JOIN locality_province lp ON lp.locality_id = m.locality_id
    LEFT JOIN organisations o ON o.org_id = i.org_id
)
SELECT * FROM final;
COMMENT ON VIEW agg_theme_items_live IS 'Mục được gắn chủ đề, kèm ngày họp và tỉnh (bảng tổng hợp) / Theme tags with dates and places';

CREATE OR REPLACE VIEW agg_activity_live AS
WITH attended AS (
    SELECT mo.meeting_id, coalesce(o.family, mo.org_id) AS family, true AS attended
    FROM meeting_orgs mo LEFT JOIN organisations o USING (org_id) GROUP BY ALL
),
raised AS (
    SELECT r.meeting_id, coalesce(o.family, r.raised_by_org_id) AS family, count(*) AS recommendations
    FROM recommendations r LEFT JOIN organisations o ON o.org_id = r.raised_by_org_id
    WHERE r.raised_by_org_id IS NOT NULL GROUP BY ALL
),
received AS (
    SELECT d.meeting_id, coalesce(o.family, d.addressee_org_id) AS family, count(*) AS directives
    FROM directives d LEFT JOIN organisations o ON o.org_id = d.addressee_org_id
    WHERE d.addressee_org_id IS NOT NULL GROUP BY ALL
),
joined AS (
    SELECT meeting_id, family, coalesce(a.attended, false) AS attended,
           coalesce(r.recommendations, 0) AS recommendations, coalesce(d.directives, 0) AS directives
    FROM attended a
    FULL JOIN raised r USING (meeting_id, family)
    FULL JOIN received d USING (meeting_id, family)
),
final AS (
    SELECT j.*, m.held_on, m.level, lp.province_id AS province_recorded_id,
           lp.current_province_id AS province_current_id, m.origin
    FROM joined j
    JOIN meetings m USING (meeting_id)
    LEFT JOIN locality_province lp ON lp.locality_id = m.locality_id
)
SELECT * FROM final;
COMMENT ON VIEW agg_activity_live IS 'Tham dự, kiến nghị, chỉ đạo theo cuộc họp và dòng tổ chức (bảng tổng hợp) / Activity per meeting and family';

CREATE VIEW IF NOT EXISTS agg_meetings AS SELECT * FROM agg_meetings_live;
CREATE VIEW IF NOT EXISTS agg_recs AS SELECT * FROM agg_recs_live;
CREATE VIEW IF NOT EXISTS agg_dirs AS SELECT * FROM agg_dirs_live;
CREATE VIEW IF NOT EXISTS agg_theme_items AS SELECT * FROM agg_theme_items_live;
CREATE VIEW IF NOT EXISTS agg_activity AS SELECT * FROM agg_activity_live;

-- Theme tags counted per month, place, organisation family and theme: the theme charts read this
-- instead of every tag. family '*' rows count every family together (a meeting whose items come
-- from two families counts once there). Meeting counts add up across months and places, since a
-- meeting has one date and one place, so any range of whole months is a sum of these rows.
CREATE OR REPLACE VIEW agg_theme_months_live AS
WITH counted AS (
    SELECT CAST(date_trunc('month', held_on) AS DATE) AS month, level, province_recorded_id, province_current_id,
           theme_id, CASE WHEN grouping(family) = 1 THEN '*' ELSE family END AS family,
           count(DISTINCT meeting_id) AS meetings,
           count(*) FILTER (WHERE item_type = 'recommendation') AS recommendations,
           count(*) FILTER (WHERE item_type = 'directive') AS directives,
           max(held_on) AS last_held_on
    FROM agg_theme_items
    GROUP BY GROUPING SETS ((month, level, province_recorded_id, province_current_id, theme_id, family),
                            (month, level, province_recorded_id, province_current_id, theme_id))
),
final AS (
    SELECT * FROM counted
)
SELECT * FROM final;
COMMENT ON VIEW agg_theme_months_live IS 'Số cuộc họp và mục theo chủ đề, tháng, địa bàn, dòng tổ chức (bảng tổng hợp) / Theme counts per month, place and family';

CREATE VIEW IF NOT EXISTS agg_theme_months AS SELECT * FROM agg_theme_months_live;

-- The first day of the first whole month starting on or after d, and the last day of the last
-- whole month ending on or before d: the whole months of a range lie between the two.
CREATE OR REPLACE MACRO gb_month_ceil(d) AS CAST(date_trunc('month', d - INTERVAL 1 DAY) + INTERVAL 1 MONTH AS DATE);
CREATE OR REPLACE MACRO gb_month_floor_end(d) AS CAST(date_trunc('month', d + INTERVAL 1 DAY) - INTERVAL 1 DAY AS DATE);

-- Theme counts per month for a date range and the sidebar's filters: whole months from
-- agg_theme_months, the partial months at either end counted from the tags themselves (each
-- read as a date range, so only those days' row groups are touched).
CREATE OR REPLACE MACRO gb_theme_months(date_from, date_to, want_level, want_province, harmonised, want_family, want_theme) AS TABLE
WITH whole AS (
    SELECT theme_id, month, meetings, recommendations, directives, last_held_on
    FROM agg_theme_months
    WHERE month >= gb_month_ceil(date_from) AND month <= gb_month_floor_end(date_to)
      AND gb_in_place(level, province_recorded_id, province_current_id, want_level, want_province, harmonised)
      AND family = coalesce(want_family, '*')
      AND (want_theme IS NULL OR theme_id = want_theme)
),
partial_tags AS (
    -- the partial months at either end: one OR of two date ranges, which the scan's zone maps still prune
    SELECT theme_id, item_type, meeting_id, held_on, level, province_recorded_id, province_current_id, family
    FROM agg_theme_items
    WHERE held_on >= date_from AND held_on <= date_to
      AND (held_on < gb_month_ceil(date_from) OR held_on > gb_month_floor_end(date_to))
),
partial AS (
    SELECT theme_id, CAST(date_trunc('month', held_on) AS DATE) AS month, count(DISTINCT meeting_id) AS meetings,
           count(*) FILTER (WHERE item_type = 'recommendation') AS recommendations,
           count(*) FILTER (WHERE item_type = 'directive') AS directives, max(held_on) AS last_held_on
    FROM partial_tags
    WHERE gb_in_place(level, province_recorded_id, province_current_id, want_level, want_province, harmonised)
      AND (want_family IS NULL OR family = want_family)
      AND (want_theme IS NULL OR theme_id = want_theme)
    GROUP BY ALL
),
final AS (
    SELECT theme_id, month, CAST(sum(meetings) AS BIGINT) AS meetings,
           CAST(sum(recommendations) AS BIGINT) AS recommendations,
           CAST(sum(directives) AS BIGINT) AS directives, max(last_held_on) AS last_held_on
    FROM (SELECT * FROM whole UNION ALL SELECT * FROM partial)
    GROUP BY theme_id, month
)
SELECT * FROM final;

-- Recurring phrases not yet in the theme taxonomy, mined by giaoban.aggregates from the texts of
-- recommendations and directives (two to four words, no theme keyword or organisation name in
-- them). pairs are the folded word pairs of the phrase: the meetings that mention it are those
-- whose search postings hold all of them.
CREATE TABLE IF NOT EXISTS agg_phrases (
    phrase_key VARCHAR PRIMARY KEY,
    phrase     VARCHAR NOT NULL,
    pairs      VARCHAR[] NOT NULL,
    n_items    INTEGER NOT NULL
);
COMMENT ON TABLE agg_phrases IS 'Cụm từ lặp lại chưa thuộc danh mục chủ đề / Recurring phrases outside the theme taxonomy';
COMMENT ON COLUMN agg_phrases.phrase_key IS 'Cụm từ bỏ dấu, chữ thường / Folded phrase';
COMMENT ON COLUMN agg_phrases.phrase IS 'Cách viết thường gặp nhất / Most common spelling';
COMMENT ON COLUMN agg_phrases.pairs IS 'Các cặp từ (bỏ dấu) của cụm từ / Folded word pairs of the phrase';
COMMENT ON COLUMN agg_phrases.n_items IS 'Số mục chứa cụm từ trong mẫu đã xét / Items holding it in the mined sample';

-- Meetings per month and place that mention each recurring phrase (all of its word pairs).
CREATE OR REPLACE VIEW agg_phrase_months_live AS
WITH pairs AS (
    SELECT phrase_key, phrase, len(pairs) AS n_pairs, unnest(pairs) AS term FROM agg_phrases
),
hits AS (
    SELECT p.phrase_key, any_value(p.phrase) AS phrase, s.meeting_id
    FROM pairs p JOIN search_postings s USING (term)
    GROUP BY p.phrase_key, s.meeting_id
    HAVING count(*) = any_value(p.n_pairs)
),
final AS (
    SELECT h.phrase_key, h.phrase, CAST(date_trunc('month', m.held_on) AS DATE) AS month, m.level,
           m.province_recorded_id, m.province_current_id, count(*) AS meetings,
           min(m.held_on) AS first_held_on, max(m.held_on) AS last_held_on
    FROM hits h JOIN agg_meetings m USING (meeting_id)
    GROUP BY ALL
)
SELECT * FROM final;
COMMENT ON VIEW agg_phrase_months_live IS 'Số cuộc họp nhắc cụm từ lặp lại, theo tháng và địa bàn / Meetings mentioning recurring phrases by month and place';

CREATE VIEW IF NOT EXISTS agg_phrase_months AS SELECT * FROM agg_phrase_months_live;
