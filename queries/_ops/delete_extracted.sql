-- Remove what the extractor stored for one document ($d), before re-extracting it. Events that
-- came from elsewhere (imports, manual status updates) stay; overrides are re-applied afterwards.
DELETE FROM recommendation_events WHERE source IN ('extracted', 'override') AND rec_id IN (
    SELECT rec_id FROM recommendations WHERE meeting_id IN (
        SELECT meeting_id FROM meetings WHERE doc_id = $d AND origin = 'extracted'));
DELETE FROM directive_events WHERE source IN ('extracted', 'override') AND dir_id IN (
    SELECT dir_id FROM directives WHERE meeting_id IN (
        SELECT meeting_id FROM meetings WHERE doc_id = $d AND origin = 'extracted'));
DELETE FROM theme_links
WHERE item_id IN (SELECT rec_id FROM recommendations WHERE doc_id = $d)
   OR item_id IN (SELECT dir_id FROM directives WHERE doc_id = $d)
   OR item_id IN (SELECT meeting_id FROM meetings WHERE doc_id = $d AND origin = 'extracted');
UPDATE recommendations SET repeat_of = NULL
WHERE repeat_of IN (SELECT rec_id FROM recommendations WHERE doc_id = $d);
DELETE FROM recommendations
WHERE meeting_id IN (SELECT meeting_id FROM meetings WHERE doc_id = $d AND origin = 'extracted');
DELETE FROM directives
WHERE meeting_id IN (SELECT meeting_id FROM meetings WHERE doc_id = $d AND origin = 'extracted');
DELETE FROM meeting_people
WHERE meeting_id IN (SELECT meeting_id FROM meetings WHERE doc_id = $d AND origin = 'extracted');
DELETE FROM meeting_orgs
WHERE meeting_id IN (SELECT meeting_id FROM meetings WHERE doc_id = $d AND origin = 'extracted');
DELETE FROM meetings WHERE doc_id = $d AND origin = 'extracted';
