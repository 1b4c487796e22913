-- Source documents: every record points back here for provenance.
CREATE TABLE IF NOT EXISTS documents (
    doc_id       VARCHAR PRIMARY KEY,
    source       VARCHAR NOT NULL,
    url          VARCHAR,
    outlet       VARCHAR,
    published_at TIMESTAMP,
    title        VARCHAR,
    text         VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    ingested_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE documents IS 'Văn bản nguồn (bài báo, biên bản, thông báo kết luận) / Source documents';
COMMENT ON COLUMN documents.doc_id IS 'Mã văn bản (băm nội dung) / Document id (content hash)';
COMMENT ON COLUMN documents.source IS 'Nguồn nạp: seed, upload, import, sample / How it entered: seed, upload, import, sample';
COMMENT ON COLUMN documents.url IS 'Địa chỉ gốc / Original URL';
COMMENT ON COLUMN documents.outlet IS 'Cơ quan đăng tải / Publishing outlet';
COMMENT ON COLUMN documents.published_at IS 'Thời điểm đăng / Publication time';
COMMENT ON COLUMN documents.title IS 'Tiêu đề / Title';
COMMENT ON COLUMN documents.text IS 'Toàn văn (NFC) / Full text (NFC)';
COMMENT ON COLUMN documents.sha256 IS 'Mã băm SHA-256 của toàn văn / SHA-256 of the text';
COMMENT ON COLUMN documents.ingested_at IS 'Thời điểm nạp / When it was loaded';
