-- The source text of one meeting's report, for showing it with the extracted spans highlighted.
-- @param meeting_id text = null : the meeting
SELECT d.doc_id, d.title, d.url, d.outlet, d.published_at, d.text
FROM meetings m JOIN documents d USING (doc_id)
WHERE m.meeting_id = $meeting_id;
