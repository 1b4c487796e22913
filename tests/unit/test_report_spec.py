"""Report period and scope: what people type, resolved against the fixture database; number formats."""

from __future__ import annotations

import datetime as dt

import pytest

from giaoban.report import vn
from giaoban.report.spec import ReportError, parse_period, period_words, resolve, resolve_scope


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("quarter:2024Q3", "quarter", "2024-07-01", "2024-09-30"),
        ("2024-Q3", "quarter", "2024-07-01", "2024-09-30"),
        ("half:2024H2", "half", "2024-07-01", "2024-12-31"),
        ("month:2024-05", "month", "2024-05-01", "2024-05-31"),
        ("ytd:2024-09", "ytd", "2024-01-01", "2024-09-30"),
        ("year:2024", "year", "2024-01-01", "2024-12-31"),
        ("Quý III/2024", "quarter", "2024-07-01", "2024-09-30"),
        ("6 tháng đầu năm 2024", "half", "2024-01-01", "2024-06-30"),
        ("9 tháng năm 2024", "ytd", "2024-01-01", "2024-09-30"),
    ],
)
def test_periods_people_type(text, kind, start, end):
    period = parse_period(text, None)
    assert (period.kind, period.start.isoformat(), period.end.isoformat()) == (kind, start, end)


def test_year_alone_is_the_whole_year_and_disagreement_is_an_error():
    assert parse_period(None, 2024).end == dt.date(2024, 12, 31)
    assert parse_period("quarter:2024Q1", 2024).kind == "quarter"
    with pytest.raises(ReportError, match="disagree"):
        parse_period("quarter:2023Q1", 2024)
    with pytest.raises(ReportError, match="out of range"):
        parse_period(None, 1890)
    with pytest.raises(ReportError, match="cannot read the period"):
        parse_period("quarter:2024Q5", None)
    with pytest.raises(ReportError, match="--year"):
        parse_period(None, None)


def test_period_words_are_what_a_report_title_says():
    assert period_words(parse_period("quarter:2024Q3", None)) == "quý III năm 2024"
    assert period_words(parse_period(None, 2024)) == "năm 2024"
    assert period_words(parse_period("half:2024H1", None)) == "6 tháng đầu năm 2024"
    assert period_words(parse_period("month:2024-05", None)) == "tháng 5 năm 2024"


def test_scope_by_name_alias_or_id_with_or_without_diacritics(mini_con):
    year = parse_period(None, 2024)
    assert resolve_scope(mini_con, ["Bắc Giang"], year)["province"] == "bac-giang"
    assert resolve_scope(mini_con, ["tinh bac giang"], year)["province"] == "bac-giang"
    assert resolve_scope(mini_con, ["MTTQ"], year)["family"] == "mttq"
    assert resolve_scope(mini_con, ["hội nông dân"], year)["family"] == "hnd"
    both = resolve_scope(mini_con, ["Liên đoàn Lao động tỉnh Bắc Giang"], year)
    assert (both["family"], both["province"]) == ("ldld", "bac-giang")


def test_a_province_created_after_the_period_is_read_harmonised(mini_con):
    scope = resolve_scope(mini_con, ["bac-ninh-2025"], parse_period(None, 2024))
    assert scope["harmonised"] is True
    old = resolve_scope(mini_con, ["Bắc Ninh"], parse_period(None, 2024))  # the unit that existed in 2024
    assert (old["province"], old["harmonised"]) == ("bac-ninh", False)


def test_ambiguous_unknown_and_clashing_scopes_are_errors(mini_con):
    with pytest.raises(ReportError, match=r"ambiguous.*bac-ninh-2025"):
        resolve_scope(mini_con, ["Bắc Ninh"], parse_period(None, 2025))
    with pytest.raises(ReportError, match="no province or organisation"):
        resolve_scope(mini_con, ["Xứ Sở Thần Tiên"], parse_period(None, 2024))
    with pytest.raises(ReportError, match="two different family"):
        resolve_scope(mini_con, ["MTTQ", "Hội Nông dân"], parse_period(None, 2024))


def test_resolve_refuses_a_period_outside_the_data(mini_con):
    spec = resolve(mini_con, year=2024, scopes=["MTTQ"])
    assert spec.params["family"] == "mttq" and spec.params["date_from"] == dt.date(2024, 1, 1)
    assert spec.grain == "quarter" and spec.period_labels() == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    assert resolve(mini_con, period="quarter:2024Q1").period_labels() == ["2024-01", "2024-02", "2024-03"]
    with pytest.raises(ReportError, match="no meetings in"):
        resolve(mini_con, year=2019)


def test_vietnamese_number_formats():
    assert vn.num(1234567) == "1.234.567"
    assert vn.pct(0.8289) == "82,9%"
    assert vn.change(106, 118, "int") == "−12 (−10,2%)"
    assert vn.change(0.829, 0.849, "pct") == "−2,0 điểm %"
    assert vn.period("2024-Q3") == "Quý III/2024" and vn.period("2024-05") == "T5/2024"
    assert vn.date(dt.date(2024, 3, 8)) == "08/03/2024"
    assert vn.slug("Biểu đồ 6. Tỷ lệ được trả lời") == "bieu-do-6-ty-le-duoc-tra-loi"
