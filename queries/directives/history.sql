-- Status history of one directive, oldest first, with notes and where each status came from.
-- @param dir_id text = null : the directive
SELECT happened_on, status, note, source
FROM directive_events
WHERE dir_id = $dir_id
ORDER BY happened_on, gb_dir_status_rank(status);
