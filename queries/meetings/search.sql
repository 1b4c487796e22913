-- The meeting archive with accent-insensitive ranked full-text search ("bao hiem xa hoi" finds "bảo hiểm xã hội"); newest first when no words are given.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param q words = null : words to look for, with or without diacritics (empty = every meeting)
-- @param limit int = 100 : at most this many meetings
WITH stats AS (
    SELECT CAST(count(*) AS DOUBLE) AS n_docs, avg(doc_len) AS avg_len FROM search_docs
),
hits AS MATERIALIZED (
    SELECT k, meeting_id, tf, doc_len FROM gb_postings_for($q) WHERE held_on BETWEEN $date_from AND $date_to
),
terms AS (
    -- per lookup: its BM25 idf (a word pair, the typed phrase, weighs twice a word) and, for a word,
    -- its bit, so a meeting holds every word when its bits OR to all of them
    SELECT h.k, ln(1 + (s.n_docs - count(*) + 0.5) / (count(*) + 0.5)) * CASE WHEN h.k > 8 THEN 2.0 ELSE 1.0 END AS idf,
           CASE WHEN h.k > 8 THEN 0 ELSE CAST(1 AS BIGINT) << (h.k - 1) END AS bit  -- the words are distinct
    FROM hits h, stats s GROUP BY h.k, s.n_docs
),
scored AS (
    -- BM25 (k1 = 1.2, b = 0.75), in doubles
    SELECT h.meeting_id,
           sum(t.idf * h.tf * 2.2 / (h.tf + 1.2 * (0.25 + 0.75 * CAST(h.doc_len AS DOUBLE) / s.avg_len))) AS score,
           bit_or(t.bit) AS bits
    FROM hits h JOIN terms t USING (k) CROSS JOIN stats s
    GROUP BY h.meeting_id
),
matched AS (
    SELECT meeting_id, score FROM scored
    WHERE bits = (CAST(1 AS BIGINT) << len($q[1:8])) - 1
),
scoped AS (
    -- narrow rows for the sort; the wide ones are read for the kept meetings only
    SELECT m.meeting_id, m.held_on, s.score
    FROM agg_meetings m LEFT JOIN matched s USING (meeting_id)
    WHERE m.held_on BETWEEN $date_from AND $date_to
      AND gb_in_place(m.level, m.province_recorded_id, m.province_current_id, $level, $province, $harmonised)
      AND ($family IS NULL OR list_contains(m.families, $family))
      AND ($theme IS NULL OR list_contains(m.themes, $theme))
      AND ($q IS NULL OR s.meeting_id IS NOT NULL)
    ORDER BY s.score DESC NULLS LAST, m.held_on DESC, m.meeting_id
    LIMIT $limit
),
final AS (
    SELECT m.meeting_id, m.held_on, m.level, m.locality_name AS locality, m.host_body, m.kind, m.title, m.period_label,
           m.origin, m.n_recs AS recommendations, m.n_dirs AS directives, round(s.score, 3) AS score
    FROM scoped s
    -- joined on the date too: the kept rows' date range then limits what is read (a dynamic filter)
    JOIN agg_meetings m ON m.meeting_id = s.meeting_id AND m.held_on = s.held_on
)
SELECT * FROM final ORDER BY score DESC NULLS LAST, held_on DESC, meeting_id;
