-- Organisation families that took part in meetings, raised recommendations or received directives, for the filter.
WITH used AS (
    SELECT family, count(*) AS meetings FROM agg_activity GROUP BY family
),
final AS (
    SELECT u.family, coalesce(f.family_short, u.family) AS family_short, coalesce(f.family_name, u.family) AS family_name,
           u.meetings
    FROM used u LEFT JOIN family_names f USING (family)
)
SELECT * FROM final ORDER BY meetings DESC, family;
