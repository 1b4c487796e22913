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

-- The searchable parts of the meetings held between two dates: title, host, period and place,
-- each person, each recommendation and directive, the source text. A table macro rather than a
-- view so that giaoban.aggregates can build the index a year at a time: at national scale the
-- whole corpus at once (~370 M postings) needs a sort far larger than memory.
CREATE OR REPLACE MACRO search_parts_between(date_from, date_to) AS TABLE
WITH picked AS (
    SELECT meeting_id, doc_id, title, host_body, period_label, locality_id
    FROM meetings WHERE held_on BETWEEN date_from AND date_to
),
parts AS (
    SELECT p.meeting_id, concat_ws(' ', p.title, p.host_body, p.period_label, l.name) AS text
    FROM picked p LEFT JOIN localities l USING (locality_id)
    UNION ALL
    SELECT meeting_id, concat_ws(' ', name, title) FROM meeting_people SEMI JOIN picked USING (meeting_id)
    UNION ALL
    SELECT meeting_id, text FROM recommendations SEMI JOIN picked USING (meeting_id)
    UNION ALL
    SELECT meeting_id, concat_ws(' ', addressee_text, text) FROM directives SEMI JOIN picked USING (meeting_id)
    UNION ALL
    SELECT p.meeting_id, d.text FROM picked p JOIN documents d USING (doc_id)
)
SELECT * FROM parts;

-- Each posting carries its meeting's date and length, so a ranked search restricted to a period
-- reads only the postings of its words and never joins the whole corpus. Word pairs are taken
-- within a part, never across two (the end of one recommendation and the start of the next are
-- not a phrase), which also makes the index independent of the order parts are read in.
CREATE OR REPLACE MACRO search_postings_between(date_from, date_to) AS TABLE
WITH words AS (
    SELECT meeting_id, gb_words(text) AS ws FROM search_parts_between(date_from, date_to)
),
sized AS (
    SELECT meeting_id, ws, sum(len(ws)) OVER (PARTITION BY meeting_id) AS doc_len FROM words
),
terms AS (
    SELECT meeting_id, doc_len, unnest(list_concat(ws, gb_word_pairs(ws))) AS term FROM sized
),
counted AS (
    SELECT term, meeting_id, any_value(doc_len) AS doc_len, CAST(count(*) AS INTEGER) AS tf FROM terms GROUP BY term, meeting_id
),
final AS (
    SELECT c.term, c.meeting_id, m.held_on, c.tf, CAST(c.doc_len AS INTEGER) AS doc_len
    FROM counted c JOIN meetings m USING (meeting_id)
    WHERE m.held_on BETWEEN date_from AND date_to
)
SELECT * FROM final;

-- What the index of each year is built from, as one number: a write that changes no searchable
-- part of a year's meetings leaves its fingerprint alone, so giaoban.aggregates rebuilds only the
-- years whose fingerprint moved (a sum of hashes: independent of order, and a repeated part counts).
CREATE OR REPLACE MACRO search_fingerprints() AS TABLE
SELECT CAST(year(m.held_on) AS INTEGER) AS year, sum(CAST(hash(p.meeting_id, m.held_on, p.text) AS HUGEINT)) AS fingerprint
FROM search_parts_between(DATE '0001-01-01', DATE '9999-12-31') p JOIN meetings m USING (meeting_id)
GROUP BY ALL;

-- The fingerprint each year of the stored index was built from (written by giaoban.aggregates).
CREATE TABLE IF NOT EXISTS search_years (year INTEGER PRIMARY KEY, fingerprint HUGEINT NOT NULL);
COMMENT ON TABLE search_years IS 'Dấu vân tay nội dung mỗi năm của chỉ mục tìm kiếm / What each year of the search index was built from';
COMMENT ON COLUMN search_years.year IS 'Năm họp / Year of the meetings';
COMMENT ON COLUMN search_years.fingerprint IS 'Tổng hash các phần được tìm kiếm / Sum of the hashes of the searchable parts';

CREATE OR REPLACE VIEW search_docs_live AS
SELECT meeting_id, CAST(sum(len(gb_words(text))) AS INTEGER) AS doc_len
FROM search_parts_between(DATE '0001-01-01', DATE '9999-12-31') GROUP BY meeting_id;
COMMENT ON VIEW search_docs_live IS 'Độ dài (số từ) văn bản tìm kiếm / Searchable length in words';

CREATE OR REPLACE VIEW search_postings_live AS
SELECT * FROM search_postings_between(DATE '0001-01-01', DATE '9999-12-31');
COMMENT ON VIEW search_postings_live IS 'Từ và cặp từ (bỏ dấu) của mỗi cuộc họp, kèm ngày họp và độ dài / Folded words and word pairs per meeting, with date and length';

CREATE VIEW IF NOT EXISTS search_docs AS SELECT * FROM search_docs_live;
CREATE VIEW IF NOT EXISTS search_postings AS SELECT * FROM search_postings_live;

-- A typed query's words, as the index folds them ("Bảo hiểm, XH" → [bao, hiem, xh]); [''] when empty.
CREATE OR REPLACE MACRO gb_qwords(q) AS string_split(trim(regexp_replace(gb_fold(coalesce(q, '')), '[^a-z0-9]+', ' ', 'g')), ' ');

-- Postings of the first 8 of a list of folded words (gb_qwords('bảo hiểm xã hội'), or the named
-- queries' words parameter, folded in Python) and the 7 pairs between them. One equality test per
-- term, so each reads only its term's row groups (postings are sorted by term); an IN list or a
-- join would read the whole index, which at national scale is hundreds of millions of rows. A
-- missing or empty word looks up NULL, which reads nothing (looking up '' would scan everything).
-- k numbers the lookups (1–8 the words, 9–15 the pairs), a cheap key for per-term figures.
CREATE OR REPLACE MACRO gb_postings_for(qws) AS TABLE
SELECT *, 1 AS k FROM search_postings WHERE term = nullif(qws[1], '')
UNION ALL
SELECT *, 2 AS k FROM search_postings WHERE term = nullif(qws[2], '')
UNION ALL
SELECT *, 3 AS k FROM search_postings WHERE term = nullif(qws[3], '')
UNION ALL
SELECT *, 4 AS k FROM search_postings WHERE term = nullif(qws[4], '')
UNION ALL
SELECT *, 5 AS k FROM search_postings WHERE term = nullif(qws[5], '')
UNION ALL
SELECT *, 6 AS k FROM search_postings WHERE term = nullif(qws[6], '')
UNION ALL
SELECT *, 7 AS k FROM search_postings WHERE term = nullif(qws[7], '')
UNION ALL
SELECT *, 8 AS k FROM search_postings WHERE term = nullif(qws[8], '')
UNION ALL
SELECT *, 9 AS k FROM search_postings WHERE term = nullif(qws[1], '') || ' ' || qws[2]
UNION ALL
SELECT *, 10 AS k FROM search_postings WHERE term = nullif(qws[2], '') || ' ' || qws[3]
UNION ALL
SELECT *, 11 AS k FROM search_postings WHERE term = nullif(qws[3], '') || ' ' || qws[4]
UNION ALL
SELECT *, 12 AS k FROM search_postings WHERE term = nullif(qws[4], '') || ' ' || qws[5]
UNION ALL
SELECT *, 13 AS k FROM search_postings WHERE term = nullif(qws[5], '') || ' ' || qws[6]
UNION ALL
SELECT *, 14 AS k FROM search_postings WHERE term = nullif(qws[6], '') || ' ' || qws[7]
UNION ALL
SELECT *, 15 AS k FROM search_postings WHERE term = nullif(qws[7], '') || ' ' || qws[8];

-- Meetings of the period whose searchable text holds every one of the words (the first 8): the
-- lists use it so their text test runs on those meetings' items only.
CREATE OR REPLACE MACRO gb_meetings_with_words(qws, date_from, date_to) AS TABLE
WITH found AS (
    SELECT meeting_id, count(DISTINCT term) FILTER (WHERE k <= 8) AS words
    FROM gb_postings_for(qws) WHERE held_on BETWEEN date_from AND date_to
    GROUP BY meeting_id
)
SELECT meeting_id FROM found WHERE words = len(list_distinct(list_filter(qws[1:8], w -> w <> '')));

-- An item's folded text (gb_fold) holds the first four of the words; true when there are none.
CREATE OR REPLACE MACRO gb_text_has_words(text_key, qws) AS
    qws IS NULL OR (contains(text_key, coalesce(qws[1], ''))
                   AND contains(text_key, coalesce(qws[2], ''))
                   AND contains(text_key, coalesce(qws[3], ''))
                   AND contains(text_key, coalesce(qws[4], '')));
