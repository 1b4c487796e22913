"""Meetings: accent-insensitive search over the fixture, and one meeting's page (m1, with doc1)."""

from __future__ import annotations

from tests.app.helpers import markdown, table

PAGE = "app_pages/meetings.py"


def test_archive_lists_the_period_newest_first(open_page):
    at = open_page(PAGE)
    assert not at.exception
    listing = table(at, "Ngày họp")
    assert listing["meeting_id"].tolist() == ["m6", "m7", "m8", "m2", "m5", "m1"]


def test_search_without_diacritics_finds_the_accented_text(open_page):
    at = open_page(PAGE, q="bao hiem xa hoi")
    found = table(at, "Ngày họp")
    assert found["meeting_id"].tolist() == ["m1"]
    assert found["Tiêu đề"].iloc[0] == "Giao ban quý I-2024"
    at = open_page(PAGE, q="BHXH")
    assert table(at, "Ngày họp")["meeting_id"].tolist() == ["m2"]
    at = open_page(PAGE, q="khong co tu nay")
    assert any("Không tìm thấy cuộc họp nào" in i.value for i in at.info)


def test_meeting_page_shows_people_items_and_highlighted_source(open_page):
    at = open_page(PAGE, meeting="m1", q="bao hiem")
    assert not at.exception
    assert at.title[0].value == "Giao ban quý I-2024"
    people = table(at, "Họ tên")
    assert people["Họ tên"].tolist() == ["Nguyễn Văn Dũng", "Lê Thị Hương"]
    assert people["Vai trò"].tolist() == ["Chủ trì", "Dự họp"]
    items = table(at, "Nội dung")
    assert sorted(items["item_id"]) == ["d1", "d2", "r1", "r2"]
    text = markdown(at)
    assert "<mark>giải quyết tình trạng doanh nghiệp nợ đọng bảo hiểm xã hội</mark>" in text


def test_back_to_the_list(open_page):
    at = open_page(PAGE, meeting="m1")
    at.button(key="mt_back").click().run()
    assert "meeting" not in at.query_params
    assert table(at, "Ngày họp") is not None
