-- Names a report scope may be given as: provinces (with their validity) and organisation families (names, short names, aliases).
WITH provinces AS (
    SELECT 'province' AS kind, p.province_id AS id, p.name, coalesce(l.unit_type, 'tỉnh') || ' ' || p.name AS display_name,
           p.valid_from, p.valid_to
    FROM province_names p LEFT JOIN localities l ON l.locality_id = p.province_id
),
family_rows AS (
    SELECT family, family_short, family_name FROM family_names
),
org_names AS (
    SELECT o.family, o.name, o.short_name, o.level, o.locality_id FROM organisations o
),
families AS (
    SELECT 'family' AS kind, family AS id, family AS name, family_name AS display_name FROM family_rows
    UNION SELECT 'family', family, family_short, family_name FROM family_rows
    UNION SELECT 'family', family, family_name, family_name FROM family_rows
    UNION SELECT 'family', o.family, o.name, f.family_name FROM org_names o JOIN family_rows f USING (family)
        WHERE o.locality_id IS NULL
    UNION SELECT 'family', o.family, a.alias, f.family_name
        FROM org_aliases a JOIN organisations o USING (org_id) JOIN family_rows f ON f.family = o.family
        WHERE o.locality_id IS NULL
),
final AS (
    SELECT kind, id, name, display_name, valid_from, valid_to FROM provinces
    UNION ALL
    SELECT kind, id, name, display_name, NULL, NULL FROM families WHERE name IS NOT NULL
)
SELECT * FROM final ORDER BY kind DESC, id, name;
