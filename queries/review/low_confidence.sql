-- Extracted items below a confidence threshold, lowest first, for a person to check and correct.
-- @param below float = 0.7 : show items with confidence under this
-- @param limit int = 200 : at most this many rows
WITH items AS (
    SELECT 'meeting' AS item_type, meeting_id AS item_id, meeting_id, confidence, title AS text FROM meetings
    WHERE origin = 'extracted'
    UNION ALL
    SELECT 'recommendation', rec_id, meeting_id, confidence, text FROM recommendations
    UNION ALL
    SELECT 'directive', dir_id, meeting_id, confidence, text FROM directives
),
final AS (
    SELECT i.item_type, i.item_id, m.held_on, i.confidence, i.text, m.doc_id
    FROM items i JOIN meetings m USING (meeting_id)
    WHERE m.origin = 'extracted' AND coalesce(i.confidence, 0) < $below
)
SELECT * FROM final ORDER BY confidence, held_on DESC, item_id LIMIT $limit;
