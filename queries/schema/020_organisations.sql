-- Organisations and the names they go by. org_id is stable across renames; family is the
-- organisation type that stays comparable across provinces and the 2025 reform (mttq, ldld, …).
CREATE TABLE IF NOT EXISTS organisations (
    org_id        VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    short_name    VARCHAR,
    kind          VARCHAR NOT NULL CHECK (kind IN ('front', 'socio_political', 'mass_association', 'party_body', 'government', 'other')),
    family        VARCHAR NOT NULL,
    level         VARCHAR,
    locality_id   VARCHAR,
    parent_org_id VARCHAR,
    valid_from    DATE,
    valid_to      DATE
);
COMMENT ON TABLE organisations IS 'Tổ chức: Mặt trận, đoàn thể, hội, cơ quan Đảng, chính quyền / Organisations';
COMMENT ON COLUMN organisations.org_id IS 'Mã tổ chức (ổn định) / Stable organisation id';
COMMENT ON COLUMN organisations.name IS 'Tên chuẩn / Canonical name';
COMMENT ON COLUMN organisations.short_name IS 'Tên viết tắt / Short name';
COMMENT ON COLUMN organisations.kind IS 'Loại: front, socio_political, mass_association, party_body, government, other / Kind';
COMMENT ON COLUMN organisations.family IS 'Dòng tổ chức, so sánh được giữa các địa phương (mttq, ldld, doan…) / Comparable organisation family';
COMMENT ON COLUMN organisations.level IS 'Cấp (rỗng = chung mọi cấp) / Level (empty = any level)';
COMMENT ON COLUMN organisations.locality_id IS 'Địa bàn (rỗng = chung) / Locality (empty = generic)';
COMMENT ON COLUMN organisations.parent_org_id IS 'Tổ chức cấp trên hoặc trực thuộc / Parent organisation';
COMMENT ON COLUMN organisations.valid_from IS 'Hiệu lực từ / Valid from';
COMMENT ON COLUMN organisations.valid_to IS 'Hiệu lực đến / Valid to';

CREATE TABLE IF NOT EXISTS org_aliases (
    alias        VARCHAR NOT NULL,
    alias_folded VARCHAR NOT NULL,
    org_id       VARCHAR NOT NULL,
    valid_from   DATE,
    valid_to     DATE,
    PRIMARY KEY (alias_folded, org_id)
);
COMMENT ON TABLE org_aliases IS 'Tên gọi khác, viết tắt của tổ chức / Organisation aliases and abbreviations';
COMMENT ON COLUMN org_aliases.alias IS 'Tên gọi như trong văn bản / Alias as written';
COMMENT ON COLUMN org_aliases.alias_folded IS 'Tên gọi bỏ dấu, chữ thường (đ→d) / Folded alias for matching';
COMMENT ON COLUMN org_aliases.org_id IS 'Tổ chức được chỉ / Organisation it names';
COMMENT ON COLUMN org_aliases.valid_from IS 'Dùng từ ngày / In use from';
COMMENT ON COLUMN org_aliases.valid_to IS 'Dùng đến ngày / In use until';
