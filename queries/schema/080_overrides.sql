-- Manual corrections to extracted data. They are stored apart from the data they correct and
-- re-applied after every (re-)extraction, so a better extractor never loses a person's fix.
CREATE TABLE IF NOT EXISTS overrides (
    override_id VARCHAR PRIMARY KEY,
    target_type VARCHAR NOT NULL CHECK (target_type IN ('meeting', 'recommendation', 'directive', 'alias')),
    target_id   VARCHAR NOT NULL,
    action      VARCHAR NOT NULL CHECK (action IN ('set', 'drop', 'status', 'alias')),
    field       VARCHAR,
    value       VARCHAR,
    happened_on DATE,
    note        VARCHAR,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE overrides IS 'Hiệu chỉnh thủ công, áp dụng lại sau mỗi lần trích xuất / Manual corrections, re-applied after extraction';
COMMENT ON COLUMN overrides.override_id IS 'Mã hiệu chỉnh / Override id';
COMMENT ON COLUMN overrides.target_type IS 'Đối tượng: meeting, recommendation, directive, alias / What it corrects';
COMMENT ON COLUMN overrides.target_id IS 'Mã đối tượng (hoặc tên gọi với alias) / Target id (the alias text for alias)';
COMMENT ON COLUMN overrides.action IS 'Thao tác: set (sửa trường), drop (bỏ), status (đặt trạng thái), alias (gộp tên gọi) / Action';
COMMENT ON COLUMN overrides.field IS 'Trường được sửa / Field that is set';
COMMENT ON COLUMN overrides.value IS 'Giá trị mới (hoặc mã tổ chức với alias) / New value (org id for alias)';
COMMENT ON COLUMN overrides.happened_on IS 'Ngày của trạng thái (với status) / Date of the status (for status)';
COMMENT ON COLUMN overrides.note IS 'Ghi chú / Note';
COMMENT ON COLUMN overrides.created_at IS 'Thời điểm tạo / When it was made';
