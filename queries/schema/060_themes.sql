-- Theme taxonomy and which items match which theme.
CREATE TABLE IF NOT EXISTS themes (
    theme_id  VARCHAR PRIMARY KEY,
    label_vi  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL,
    parent_id VARCHAR,
    keywords  VARCHAR[]
);
COMMENT ON TABLE themes IS 'Danh mục chủ đề / Theme taxonomy';
COMMENT ON COLUMN themes.theme_id IS 'Mã chủ đề / Theme id';
COMMENT ON COLUMN themes.label_vi IS 'Tên tiếng Việt / Vietnamese label';
COMMENT ON COLUMN themes.label_en IS 'Tên tiếng Anh / English label';
COMMENT ON COLUMN themes.parent_id IS 'Chủ đề cha / Parent theme';
COMMENT ON COLUMN themes.keywords IS 'Từ khóa nhận diện / Keywords that signal the theme';

CREATE TABLE IF NOT EXISTS theme_links (
    item_type VARCHAR NOT NULL CHECK (item_type IN ('meeting', 'recommendation', 'directive')),
    item_id   VARCHAR NOT NULL,
    theme_id  VARCHAR NOT NULL,
    score     DOUBLE,
    matched   VARCHAR,
    PRIMARY KEY (item_type, item_id, theme_id)
);
COMMENT ON TABLE theme_links IS 'Gắn chủ đề cho cuộc họp, kiến nghị, chỉ đạo / Theme tags on items';
COMMENT ON COLUMN theme_links.item_type IS 'Loại mục: meeting, recommendation, directive / Item type';
COMMENT ON COLUMN theme_links.item_id IS 'Mã mục / Item id';
COMMENT ON COLUMN theme_links.theme_id IS 'Chủ đề / Theme';
COMMENT ON COLUMN theme_links.score IS 'Điểm khớp 0–1 / Match score 0–1';
COMMENT ON COLUMN theme_links.matched IS 'Từ khóa đã khớp / Keywords that matched';
