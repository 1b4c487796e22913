-- Row counts of the main tables, split by data origin (sample = generated demo data).
-- Read from the meeting facts (one row per meeting with its numbers of recommendations and
-- directives): counting through the item tables joins millions of rows at national scale.
WITH final AS (
    SELECT origin, count(*) AS meetings, sum(n_recs) AS recommendations, sum(n_dirs) AS directives,
           count(DISTINCT doc_id) AS documents, min(held_on) AS first_meeting, max(held_on) AS last_meeting
    FROM agg_meetings GROUP BY origin
)
SELECT origin, meetings, CAST(recommendations AS BIGINT) AS recommendations, CAST(directives AS BIGINT) AS directives,
       documents, first_meeting, last_meeting
FROM final ORDER BY origin;
