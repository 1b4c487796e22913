"""Sentence and list-item splitting keeps exact spans and handles abbreviations and numbering."""

from __future__ import annotations

from giaoban.extract.sentences import clauses, sentences, strip_item_marker

TEXT = (
    "Chiều 20/12, Tỉnh ủy tổ chức hội nghị. Dự có TS. Nguyễn Văn A, Giám đốc Sở.\n\n"
    "1. Tập trung xây dựng kế hoạch năm.\n"
    "2. Đổi mới nội dung, hình thức tuyên truyền; chăm lo quyền lợi hội viên.\n"
    "Hỗ trợ 1.473 hộ nghèo, đạt 98,43% kế hoạch./."
)


def test_spans_index_the_original_text():
    for s in sentences(TEXT):
        assert TEXT[s.start : s.end] == s.text


def test_abbreviations_and_numbers_do_not_split():
    texts = [s.text for s in sentences(TEXT)]
    assert "Dự có TS. Nguyễn Văn A, Giám đốc Sở." in texts
    assert texts[-1] == "Hỗ trợ 1.473 hộ nghèo, đạt 98,43% kế hoạch./."


def test_numbered_items_are_sentences():
    items = [s for s in sentences(TEXT) if s.is_item]
    assert [i.text[:2] for i in items] == ["1.", "2."]
    assert strip_item_marker(items[0].text)[0] == "Tập trung xây dựng kế hoạch năm."


def test_clauses_split_on_semicolons_with_spans():
    item = next(s for s in sentences(TEXT) if s.text.startswith("2."))
    parts = clauses(item)
    assert [p.text for p in parts] == ["2. Đổi mới nội dung, hình thức tuyên truyền", "chăm lo quyền lợi hội viên."]
    assert all(TEXT[p.start : p.end] == p.text for p in parts)
