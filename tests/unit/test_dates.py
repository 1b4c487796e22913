"""Dates in report text: stamps, cued meeting dates, year inference, the header-date trap."""

from __future__ import annotations

import datetime as dt

import pytest

from giaoban.extract.dates import Found, find_dates, find_publication, infer_deadline_year, infer_year

D = dt.date


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Tiêu đề\n\n08:46 - Thứ Năm, 21/12/2017 Lượt xem: 1516 In bài viết", D(2017, 12, 21)),
        ("Giao ban\n\n8:52, Thứ Bảy, 2-12-2023\n\n(Cổng TTĐT) Ngày 1/12", D(2023, 12, 2)),
        ("Tìm ra nét đột phá\n11/6/2017, 23:41 (GMT+7)\n\nNgày 8/6", D(2017, 6, 11)),
        ("CÔNG TÁC ĐẢNG\n\nTiêu đề\nNgày đăng 13/02/2017 | 16:16  | Lượt xem: 602", D(2017, 2, 13)),
        ("Thứ 4, 08/05/2024 | 15:54:16 (GMT +7)\nTiêu đề", D(2024, 5, 8)),
        ("2020-09-01 08:48:00.0 Tiêu đề", D(2020, 9, 1)),
        (" date 2021-04 Thường trực Tỉnh ủy giao ban", D(2021, 4, 1)),
        # The portal header shows today's date; the labelled stamp is the publication date.
        ("Thứ 3, Ngày 16/07/2024\nTrang chủ | Tin tức\nTiêu đề\nNgày đăng: 08/07/2024", D(2024, 7, 8)),
    ],
)
def test_publication_stamps(head, expected):
    found = find_publication(head)
    assert found is not None and found.date == expected


@pytest.mark.parametrize(
    ("text", "date", "year_given"),
    [
        ("ĐBP - Chiều 20/12, Tỉnh ủy tổ chức", D(2000, 12, 20), False),
        ("Ngày 1-4, Thường trực Tỉnh ủy tổ chức", D(2000, 4, 1), False),
        ("Sáng 24.11, Ban Dân vận", D(2000, 11, 24), False),
        ("Chiều ngày 10/02/2017, tại phòng họp", D(2017, 2, 10), True),
        ("lúc 14 giờ 00 ngày 10 tháng 02 năm 2023, tại hội trường", D(2023, 2, 10), True),
        ("từ ngày 24 - 26/6/2020, Hội Nông dân", D(2020, 6, 24), True),
        ("(Cổng TTĐT) Ngày 1/12, Tỉnh ủy tổ chức", D(2000, 12, 1), False),
    ],
)
def test_cued_meeting_dates(text, date, year_given):
    found = find_dates(text)
    assert found, text
    assert (found[0].date, found[0].year_given) == (date, year_given)


def test_numbers_and_month_years_are_not_dates():
    assert find_dates("hỗ trợ 1.473 hộ nghèo, đạt 98,43%; vào tháng 5/2018") == []


def test_year_inference_steps_back_across_new_year():
    december = Found(D(2000, 12, 20), 0, 5, False)
    assert infer_year(december, D(2017, 12, 21)) == D(2017, 12, 20)
    assert infer_year(december, D(2018, 1, 3)) == D(2017, 12, 20)
    assert infer_year(december, None) is None


def test_deadlines_point_forward():
    june = Found(D(2000, 6, 30), 0, 5, False)
    assert infer_deadline_year(june, D(2024, 4, 2)) == D(2024, 6, 30)
    assert infer_deadline_year(june, D(2024, 12, 20)) == D(2025, 6, 30)
