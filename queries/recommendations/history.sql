-- Status history of one recommendation, oldest first, with notes (the answers given) and where each status came from.
-- @param rec_id text = null : the recommendation
SELECT happened_on, status, note, source
FROM recommendation_events
WHERE rec_id = $rec_id
ORDER BY happened_on, gb_rec_status_rank(status);
