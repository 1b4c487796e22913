-- The source of one recommendation or directive: its document's text and the span it was read from.
-- @param item_type text = recommendation : recommendation or directive
-- @param item_id text = null : the recommendation or directive id
WITH item AS (
    SELECT 'recommendation' AS item_type, rec_id AS item_id, meeting_id, doc_id, span_start, span_end, text
    FROM recommendations WHERE $item_type = 'recommendation' AND rec_id = $item_id
    UNION ALL
    SELECT 'directive', dir_id, meeting_id, doc_id, span_start, span_end, text
    FROM directives WHERE $item_type = 'directive' AND dir_id = $item_id
),
final AS (
    SELECT i.*, m.origin, m.held_on, m.title AS meeting_title, d.title AS doc_title, d.url, d.outlet,
           d.published_at, d.text AS doc_text
    FROM item i
    JOIN meetings m USING (meeting_id)
    LEFT JOIN documents d ON d.doc_id = i.doc_id
)
SELECT * FROM final;
