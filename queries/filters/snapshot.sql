-- What the database holds: first and last meeting, sample meetings, the date statuses are judged on, whether the facts are stale.
WITH held AS (
    SELECT min(held_on) AS first_meeting, max(held_on) AS last_meeting, count(*) AS meetings,
           count(*) FILTER (WHERE origin = 'sample') AS sample_meetings
    FROM agg_meetings
),
stored AS (
    SELECT max(value) FILTER (WHERE key = 'aggregates_source') AS source,
           max(value) FILTER (WHERE key = 'built_at') AS built_at,
           -- the schema the facts were built by ('unknown': refreshed before it was recorded)
           max(value) FILTER (WHERE key = 'aggregates_schema') AS facts_schema
    FROM build_info
),
-- (no CTE may be named like a table gb_facts_source() counts: the macro would count the CTE)
final AS (
    SELECT m.*, gb_facts_as_of() AS as_of, gb_overdue_days() AS overdue_days, s.built_at,
           coalesce(s.source <> gb_facts_source(), false) AS facts_stale,
           CASE WHEN s.source IS NOT NULL THEN coalesce(s.facts_schema, 'unknown') END AS facts_schema
    FROM held m CROSS JOIN stored s
)
SELECT * FROM final;
