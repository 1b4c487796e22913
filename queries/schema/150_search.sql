-- Accent-insensitive full-text search over meetings: "bao hiem xa hoi" finds "bảo hiểm xã hội".
-- Each meeting is one searchable document (title, host, place, people, its recommendations and
-- directives, the source text). Words are folded (no diacritics, đ→d, lower case); postings hold
-- words and word pairs, so a typed phrase ranks the meetings that contain it as a phrase first.
-- giaoban.aggregates materialises search_postings and search_docs as tables sorted by term;
-- until then the views below compute them on the fly, so a fresh database can still be searched.

CREATE OR REPLACE MACRO gb_fold(s) AS lower(strip_accents(replace(replace(s, 'đ', 'd'), 'Đ', 'D')));

CREATE OR REPLACE MACRO gb_words(s) AS list_filter(regexp_split_to_array(gb_fold(coalesce(s, '')), '[^a-z0-9]+'), w -> w <> '');

-- Adjacent word pairs of a word list, "bao hiem xa" → ["bao hiem", "hiem xa"].
CREATE OR REPLACE MACRO gb_word_pairs(ws) AS list_transform(range(1, len(ws)), i -> ws[i] || ' ' || ws[i + 1]);

CREATE OR REPLACE VIEW search_text_live AS
WITH parts AS (
    SELECT m.meeting_id, concat_ws(' ', m.title, m.host_body, m.period_label, l.name) AS text
    FROM meetings m LEFT JOIN localities l USING (locality_id)
    UNION ALL
    SELECT meeting_id, concat_ws(' ', name, title) FROM meeting_people
    UNION ALL
    SELECT meeting_id, text FROM recommendations
    UNION ALL
    SELECT meeting_id, concat_ws(' ', addressee_text, text) FROM directives
    UNION ALL
    SELECT m.meeting_id, d.text FROM meetings m JOIN documents d USING (doc_id)
),
final AS (
    SELECT meeting_id, string_agg(text, ' ') AS text FROM parts GROUP BY meeting_id
)
SELECT * FROM final;
COMMENT ON VIEW search_text_live IS 'Văn bản tìm kiếm của mỗi cuộc họp / Searchable text per meeting';

CREATE OR REPLACE VIEW search_docs_live AS
SELECT meeting_id, len(gb_words(text)) AS doc_len FROM search_text_live;
COMMENT ON VIEW search_docs_live IS 'Độ dài (số từ) văn bản tìm kiếm / Searchable length in words';

-- Each posting carries its meeting's date and length, so a ranked search restricted to a period
-- reads only the postings of its words and never joins the whole corpus.
CREATE OR REPLACE VIEW search_postings_live AS
WITH words AS (
    SELECT meeting_id, gb_words(text) AS ws FROM search_text_live
),
terms AS (
    SELECT meeting_id, len(ws) AS doc_len, unnest(list_concat(ws, gb_word_pairs(ws))) AS term FROM words
),
counted AS (
    SELECT term, meeting_id, any_value(doc_len) AS doc_len, CAST(count(*) AS INTEGER) AS tf FROM terms GROUP BY term, meeting_id
),
final AS (
    SELECT c.term, c.meeting_id, m.held_on, c.tf, CAST(c.doc_len AS INTEGER) AS doc_len
    FROM counted c JOIN meetings m USING (meeting_id)
)
SELECT * FROM final;
COMMENT ON VIEW search_postings_live IS 'Từ và cặp từ (bỏ dấu) của mỗi cuộc họp, kèm ngày họp và độ dài / Folded words and word pairs per meeting, with date and length';

CREATE VIEW IF NOT EXISTS search_docs AS SELECT * FROM search_docs_live;
CREATE VIEW IF NOT EXISTS search_postings AS SELECT * FROM search_postings_live;

-- A typed query's words, as the index folds them ("Bảo hiểm, XH" → [bao, hiem, xh]); [''] when empty.
CREATE OR REPLACE MACRO gb_qwords(q) AS string_split(trim(regexp_replace(gb_fold(coalesce(q, '')), '[^a-z0-9]+', ' ', 'g')), ' ');

-- Postings of a query's first 8 words and the 7 pairs between them. One equality test per term,
-- so each reads only its term's row groups (postings are sorted by term); an IN list or a join
-- would read the whole index, which at national scale is hundreds of millions of rows. An empty
-- query looks up NULL, which reads nothing (looking up '' would scan everything).
CREATE OR REPLACE MACRO gb_postings_for(q) AS TABLE
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[1], '')
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[2], '')
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[3], '')
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[4], '')
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[5], '')
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[6], '')
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[7], '')
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[8], '')
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[1], '') || ' ' || gb_qwords(q)[2]
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[2], '') || ' ' || gb_qwords(q)[3]
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[3], '') || ' ' || gb_qwords(q)[4]
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[4], '') || ' ' || gb_qwords(q)[5]
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[5], '') || ' ' || gb_qwords(q)[6]
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[6], '') || ' ' || gb_qwords(q)[7]
UNION ALL
SELECT * FROM search_postings WHERE term = nullif(gb_qwords(q)[7], '') || ' ' || gb_qwords(q)[8];
