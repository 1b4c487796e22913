-- Who chaired and who attended one meeting, with their titles at the time, chairs first.
-- @param meeting_id text = null : the meeting
SELECT p.role, p.name, p.title, o.name AS organisation
FROM meeting_people p LEFT JOIN organisations o USING (org_id)
WHERE p.meeting_id = $meeting_id
ORDER BY CASE p.role WHEN 'chair' THEN 0 ELSE 1 END, p.name;
