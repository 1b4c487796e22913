-- The meeting archive with accent-insensitive ranked full-text search ("bao hiem xa hoi" finds "bảo hiểm xã hội"); newest first when no words are given.
-- @param date_from date = 2015-01-01 : first meeting date included
-- @param date_to date = today : last meeting date included
-- @param level text = null : province, district or commune (empty = all levels)
-- @param province text = null : province id (empty = all provinces)
-- @param harmonised bool = false : read province as today's 34 provinces (true) or as recorded (false)
-- @param family text = null : organisation family, e.g. mttq, ldld (empty = all)
-- @param theme text = null : theme id (empty = all themes)
-- @param q text = null : words to look for, with or without diacritics (empty = every meeting)
-- @param limit int = 100 : at most this many meetings
WITH stats AS (
    SELECT count(*) AS n_docs, avg(doc_len) AS avg_len FROM search_docs
),
hits AS (
    SELECT term, meeting_id, tf, doc_len, NOT contains(term, ' ') AS is_word
    FROM gb_postings_for($q) WHERE held_on BETWEEN $date_from AND $date_to
),
df AS (
    SELECT term, count(*) AS df FROM hits GROUP BY term
),
scored AS (
    -- BM25 (k1 = 1.2, b = 0.75); a word pair (the typed phrase) weighs twice a single word.
    SELECT h.meeting_id,
           sum(ln(1 + (s.n_docs - df.df + 0.5) / (df.df + 0.5)) * h.tf * 2.2
               / (h.tf + 1.2 * (0.25 + 0.75 * h.doc_len / s.avg_len)) * CASE WHEN h.is_word THEN 1 ELSE 2 END) AS score,
           count(DISTINCT h.term) FILTER (WHERE h.is_word) AS words_matched
    FROM hits h JOIN df USING (term) CROSS JOIN stats s
    GROUP BY h.meeting_id
),
matched AS (
    SELECT meeting_id, score FROM scored WHERE words_matched = len(list_distinct(gb_qwords($q)[1:8]))
),
scoped AS (
    SELECT m.meeting_id, m.held_on, m.level, m.locality_name, m.host_body, m.kind, m.title, m.period_label, m.origin,
           m.n_recs, m.n_dirs, s.score
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
    SELECT s.meeting_id, s.held_on, s.level, s.locality_name AS locality, s.host_body, s.kind, s.title, s.period_label,
           s.origin, s.n_recs AS recommendations, s.n_dirs AS directives, round(s.score, 3) AS score
    FROM scoped s
)
SELECT * FROM final ORDER BY score DESC NULLS LAST, held_on DESC, meeting_id;
