-- Administrative units, time-aware: a unit is valid from valid_from to valid_to (inclusive) and
-- may name the unit that took it over (successor_id), so pre-2025 data can be shown either as
-- recorded or mapped onto today's units.
CREATE TABLE IF NOT EXISTS localities (
    locality_id  VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    unit_type    VARCHAR,
    level        VARCHAR NOT NULL CHECK (level IN ('country', 'province', 'district', 'commune')),
    parent_id    VARCHAR,
    valid_from   DATE,
    valid_to     DATE,
    successor_id VARCHAR,
    code         VARCHAR
);
COMMENT ON TABLE localities IS 'Đơn vị hành chính theo thời gian / Administrative units over time';
COMMENT ON COLUMN localities.locality_id IS 'Mã đơn vị (ổn định) / Stable unit id';
COMMENT ON COLUMN localities.name IS 'Tên đơn vị / Unit name';
COMMENT ON COLUMN localities.unit_type IS 'Loại: tỉnh, thành phố, huyện, xã, phường… / Unit type';
COMMENT ON COLUMN localities.level IS 'Cấp: country, province, district, commune / Level';
COMMENT ON COLUMN localities.parent_id IS 'Đơn vị cấp trên / Parent unit';
COMMENT ON COLUMN localities.valid_from IS 'Hiệu lực từ ngày / Valid from';
COMMENT ON COLUMN localities.valid_to IS 'Hiệu lực đến ngày (rỗng = còn hiệu lực) / Valid to (empty = current)';
COMMENT ON COLUMN localities.successor_id IS 'Đơn vị kế thừa sau sáp nhập / Unit that took it over';
COMMENT ON COLUMN localities.code IS 'Mã thống kê (nếu có) / Official statistical code, when known';
