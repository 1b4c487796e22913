-- Directives and tasks (chỉ đạo, nhiệm vụ) set by the chair, and their status history.
CREATE TABLE IF NOT EXISTS directives (
    dir_id           VARCHAR PRIMARY KEY,
    meeting_id       VARCHAR NOT NULL,
    addressee_org_id VARCHAR,
    addressee_text   VARCHAR,
    text             VARCHAR NOT NULL,
    due_on           DATE,
    doc_id           VARCHAR,
    span_start       INTEGER,
    span_end         INTEGER,
    confidence       DOUBLE
);
COMMENT ON TABLE directives IS 'Chỉ đạo, nhiệm vụ được giao / Directives and tasks';
COMMENT ON COLUMN directives.dir_id IS 'Mã chỉ đạo / Directive id';
COMMENT ON COLUMN directives.meeting_id IS 'Cuộc họp giao nhiệm vụ / Meeting that issued it';
COMMENT ON COLUMN directives.addressee_org_id IS 'Tổ chức được giao / Addressee organisation';
COMMENT ON COLUMN directives.addressee_text IS 'Đối tượng được giao như trong văn bản / Addressee as written';
COMMENT ON COLUMN directives.text IS 'Nội dung chỉ đạo / Text';
COMMENT ON COLUMN directives.due_on IS 'Thời hạn (nếu có) / Deadline, when set';
COMMENT ON COLUMN directives.doc_id IS 'Văn bản nguồn / Source document';
COMMENT ON COLUMN directives.span_start IS 'Vị trí bắt đầu trong văn bản / Start offset in the document text';
COMMENT ON COLUMN directives.span_end IS 'Vị trí kết thúc trong văn bản / End offset in the document text';
COMMENT ON COLUMN directives.confidence IS 'Độ tin cậy trích xuất 0–1 / Extraction confidence 0–1';

CREATE TABLE IF NOT EXISTS directive_events (
    dir_id      VARCHAR NOT NULL,
    happened_on DATE NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('issued', 'in_progress', 'completed', 'cancelled')),
    note        VARCHAR,
    source      VARCHAR,
    PRIMARY KEY (dir_id, happened_on, status)
);
COMMENT ON TABLE directive_events IS 'Lịch sử thực hiện chỉ đạo (chỉ thêm) / Append-only directive status history';
COMMENT ON COLUMN directive_events.dir_id IS 'Chỉ đạo / Directive';
COMMENT ON COLUMN directive_events.happened_on IS 'Ngày phát sinh / Date of the status change';
COMMENT ON COLUMN directive_events.status IS 'Trạng thái: issued, in_progress, completed, cancelled / Status';
COMMENT ON COLUMN directive_events.note IS 'Ghi chú / Note';
COMMENT ON COLUMN directive_events.source IS 'Nguồn thông tin / Where the status came from';
