"""Period phrases from real reports become labelled date ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from giaoban.periods import find_periods, parse_period

D = dt.date


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("Quý I-2021, MTTQ và các đoàn thể", "Quý I-2021", D(2021, 1, 1), D(2021, 3, 31)),
        ("kết quả quý I/2024", "Quý I-2024", D(2024, 1, 1), D(2024, 3, 31)),
        ("nhiệm vụ trọng tâm quý II-2021", "Quý II-2021", D(2021, 4, 1), D(2021, 6, 30)),
        ("quý 3 năm 2024", "Quý III-2024", D(2024, 7, 1), D(2024, 9, 30)),
        ("kết quả hoạt động 6 tháng đầu năm 2017.", "6 tháng đầu năm 2017", D(2017, 1, 1), D(2017, 6, 30)),
        ("6 tháng cuối năm 2019", "6 tháng cuối năm 2019", D(2019, 7, 1), D(2019, 12, 31)),
        ("9 tháng năm 2023", "9 tháng đầu năm 2023", D(2023, 1, 1), D(2023, 9, 30)),
        ("11 tháng đầu năm 2022", "11 tháng đầu năm 2022", D(2022, 1, 1), D(2022, 11, 30)),
        ("giao ban công tác hội quần chúng cấp tỉnh năm 2023", "Năm 2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("tháng 5/2018", "Tháng 5/2018", D(2018, 5, 1), D(2018, 5, 31)),
        ("nhiệm kỳ 2021-2026", "Nhiệm kỳ 2021-2026", D(2021, 1, 1), D(2026, 12, 31)),
        ("QUÝ IV NĂM 2020", "Quý IV-2020", D(2020, 10, 1), D(2020, 12, 31)),
    ],
)
def test_parse_period(text, label, start, end):
    p = parse_period(text)
    assert p is not None
    assert (p.label, p.start, p.end) == (label, start, end)


def test_specific_match_wins_over_the_year_inside_it():
    found = find_periods("về kết quả hoạt động 6 tháng đầu năm 2017 và năm 2018")
    assert [p.label for p, _, _ in found] == ["6 tháng đầu năm 2017", "Năm 2018"]
    text = "về kết quả hoạt động 6 tháng đầu năm 2017"
    _, s, e = found[0]
    assert text[s:e] == "6 tháng đầu năm 2017"


def test_no_period():
    assert parse_period("Tỉnh đoàn kiến nghị kiện toàn chức danh") is None
