-- Meetings, who chaired and attended, and which organisations took part.
CREATE TABLE IF NOT EXISTS meetings (
    meeting_id   VARCHAR PRIMARY KEY,
    doc_id       VARCHAR,
    held_on      DATE NOT NULL,
    date_basis   VARCHAR NOT NULL CHECK (date_basis IN ('explicit', 'inferred_year', 'from_publication', 'from_period', 'imported')),
    level        VARCHAR CHECK (level IN ('national', 'province', 'district', 'commune')),
    locality_id  VARCHAR,
    host_body    VARCHAR,
    kind         VARCHAR NOT NULL,
    title        VARCHAR,
    period_label VARCHAR,
    period_kind  VARCHAR,
    period_start DATE,
    period_end   DATE,
    origin       VARCHAR NOT NULL CHECK (origin IN ('sample', 'extracted', 'imported')),
    confidence   DOUBLE
);
COMMENT ON TABLE meetings IS 'Cuộc họp giao ban / Giao ban meetings';
COMMENT ON COLUMN meetings.meeting_id IS 'Mã cuộc họp / Meeting id';
COMMENT ON COLUMN meetings.doc_id IS 'Văn bản nguồn / Source document';
COMMENT ON COLUMN meetings.held_on IS 'Ngày họp / Date held';
COMMENT ON COLUMN meetings.date_basis IS 'Cách xác định ngày: explicit, inferred_year, from_publication, from_period, imported / How the date was found';
COMMENT ON COLUMN meetings.level IS 'Cấp: province, district, commune / Level';
COMMENT ON COLUMN meetings.locality_id IS 'Địa bàn (như khi ghi nhận) / Locality as recorded';
COMMENT ON COLUMN meetings.host_body IS 'Cơ quan chủ trì (Thường trực Tỉnh ủy…) / Host body';
COMMENT ON COLUMN meetings.kind IS 'Loại: giao_ban, lam_viec, hoi_nghi, so_ket, tong_ket / Meeting kind';
COMMENT ON COLUMN meetings.title IS 'Tiêu đề / Title';
COMMENT ON COLUMN meetings.period_label IS 'Kỳ báo cáo (Quý I-2021…) / Period reviewed, as written';
COMMENT ON COLUMN meetings.period_kind IS 'Loại kỳ: month, quarter, half, ytd, year, term / Period kind';
COMMENT ON COLUMN meetings.period_start IS 'Kỳ báo cáo từ ngày / Period start';
COMMENT ON COLUMN meetings.period_end IS 'Kỳ báo cáo đến ngày / Period end';
COMMENT ON COLUMN meetings.origin IS 'Nguồn dữ liệu: sample (dữ liệu mẫu), extracted, imported / Data origin (sample = generated demo data)';
COMMENT ON COLUMN meetings.confidence IS 'Độ tin cậy trích xuất 0–1 / Extraction confidence 0–1';

CREATE TABLE IF NOT EXISTS meeting_people (
    meeting_id VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    title      VARCHAR,
    role       VARCHAR NOT NULL CHECK (role IN ('chair', 'attendee')),
    org_id     VARCHAR,
    PRIMARY KEY (meeting_id, name, role)
);
COMMENT ON TABLE meeting_people IS 'Người chủ trì, dự họp / Chairs and attendees';
COMMENT ON COLUMN meeting_people.meeting_id IS 'Cuộc họp / Meeting';
COMMENT ON COLUMN meeting_people.name IS 'Họ tên / Full name';
COMMENT ON COLUMN meeting_people.title IS 'Chức danh tại thời điểm họp / Title(s) at the meeting date';
COMMENT ON COLUMN meeting_people.role IS 'Vai trò: chair, attendee / Role';
COMMENT ON COLUMN meeting_people.org_id IS 'Tổ chức (nếu xác định được) / Organisation, when known';

CREATE TABLE IF NOT EXISTS meeting_orgs (
    meeting_id VARCHAR NOT NULL,
    org_id     VARCHAR NOT NULL,
    role       VARCHAR NOT NULL CHECK (role IN ('host', 'participant')),
    PRIMARY KEY (meeting_id, org_id, role)
);
COMMENT ON TABLE meeting_orgs IS 'Tổ chức tham gia cuộc họp / Organisations at a meeting';
COMMENT ON COLUMN meeting_orgs.meeting_id IS 'Cuộc họp / Meeting';
COMMENT ON COLUMN meeting_orgs.org_id IS 'Tổ chức / Organisation';
COMMENT ON COLUMN meeting_orgs.role IS 'Vai trò: host (chủ trì), participant (tham gia) / Role';
