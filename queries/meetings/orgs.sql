-- The organisations at one meeting (host first), with their names and kinds.
-- @param meeting_id text = null : the meeting
SELECT mo.role, o.name, o.short_name, o.kind
FROM meeting_orgs mo LEFT JOIN organisations o USING (org_id)
WHERE mo.meeting_id = $meeting_id
ORDER BY CASE mo.role WHEN 'host' THEN 0 ELSE 1 END, o.name;
