-- Recommendations (kiến nghị, đề xuất) and their append-only status history.
CREATE TABLE IF NOT EXISTS recommendations (
    rec_id           VARCHAR PRIMARY KEY,
    meeting_id       VARCHAR NOT NULL,
    raised_by_org_id VARCHAR,
    text             VARCHAR NOT NULL,
    addressed_to     VARCHAR,
    due_on           DATE,
    repeat_of        VARCHAR,
    doc_id           VARCHAR,
    span_start       INTEGER,
    span_end         INTEGER,
    confidence       DOUBLE
);
COMMENT ON TABLE recommendations IS 'Kiến nghị, đề xuất của các tổ chức / Recommendations raised at meetings';
COMMENT ON COLUMN recommendations.rec_id IS 'Mã kiến nghị / Recommendation id';
COMMENT ON COLUMN recommendations.meeting_id IS 'Cuộc họp nêu kiến nghị / Meeting where it was raised';
COMMENT ON COLUMN recommendations.raised_by_org_id IS 'Tổ chức kiến nghị / Organisation that raised it';
COMMENT ON COLUMN recommendations.text IS 'Nội dung kiến nghị / Text';
COMMENT ON COLUMN recommendations.addressed_to IS 'Gửi tới (cơ quan giải quyết) / Addressed to';
COMMENT ON COLUMN recommendations.due_on IS 'Hạn giải quyết (nếu có) / Deadline, when set';
COMMENT ON COLUMN recommendations.repeat_of IS 'Lần nêu đầu tiên của cùng kiến nghị / First occurrence of the same recommendation';
COMMENT ON COLUMN recommendations.doc_id IS 'Văn bản nguồn / Source document';
COMMENT ON COLUMN recommendations.span_start IS 'Vị trí bắt đầu trong văn bản / Start offset in the document text';
COMMENT ON COLUMN recommendations.span_end IS 'Vị trí kết thúc trong văn bản / End offset in the document text';
COMMENT ON COLUMN recommendations.confidence IS 'Độ tin cậy trích xuất 0–1 / Extraction confidence 0–1';

CREATE TABLE IF NOT EXISTS recommendation_events (
    rec_id      VARCHAR NOT NULL,
    happened_on DATE NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('raised', 'referred', 'answered', 'explained', 'in_progress', 'resolved', 'declined')),
    note        VARCHAR,
    source      VARCHAR,
    PRIMARY KEY (rec_id, happened_on, status)
);
COMMENT ON TABLE recommendation_events IS 'Lịch sử trạng thái kiến nghị (chỉ thêm, không sửa) / Append-only status history';
COMMENT ON COLUMN recommendation_events.rec_id IS 'Kiến nghị / Recommendation';
COMMENT ON COLUMN recommendation_events.happened_on IS 'Ngày phát sinh trạng thái / Date of the status change';
COMMENT ON COLUMN recommendation_events.status IS 'Trạng thái: raised, referred, answered, explained, in_progress, resolved, declined / Status';
COMMENT ON COLUMN recommendation_events.note IS 'Ghi chú (câu trả lời…) / Note, e.g. the answer given';
COMMENT ON COLUMN recommendation_events.source IS 'Nguồn thông tin trạng thái / Where the status came from';
