-- Row counts of the main tables, split by data origin (sample = generated demo data).
WITH meeting_counts AS (
    SELECT origin, count(*) AS meetings, min(held_on) AS first_meeting, max(held_on) AS last_meeting
    FROM meetings GROUP BY origin
),
rec_counts AS (
    SELECT m.origin, count(*) AS recommendations
    FROM recommendations r JOIN meetings m USING (meeting_id) GROUP BY m.origin
),
dir_counts AS (
    SELECT m.origin, count(*) AS directives
    FROM directives d JOIN meetings m USING (meeting_id) GROUP BY m.origin
),
doc_counts AS (
    SELECT m.origin, count(DISTINCT m.doc_id) AS documents
    FROM meetings m WHERE m.doc_id IS NOT NULL GROUP BY m.origin
),
final AS (
    SELECT origin, meetings, coalesce(recommendations, 0) AS recommendations,
           coalesce(directives, 0) AS directives, coalesce(documents, 0) AS documents,
           first_meeting, last_meeting
    FROM meeting_counts
    LEFT JOIN rec_counts USING (origin)
    LEFT JOIN dir_counts USING (origin)
    LEFT JOIN doc_counts USING (origin)
)
SELECT * FROM final ORDER BY origin;
