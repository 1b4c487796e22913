-- Build facts and metric settings stored with the data, so a copied database file explains
-- itself (which seed built it, what "overdue" means in it).
CREATE TABLE IF NOT EXISTS build_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);
COMMENT ON TABLE build_info IS 'Thông tin bản dựng và tham số chỉ số / Build facts and metric settings';
COMMENT ON COLUMN build_info.key IS 'Khóa (built_at, overdue_days, sample_seed…) / Key';
COMMENT ON COLUMN build_info.value IS 'Giá trị / Value';
INSERT INTO build_info VALUES ('overdue_days', '90') ON CONFLICT DO NOTHING;
