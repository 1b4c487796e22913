"""The columns of the report pack's tables: key, Vietnamese header, cell kind, relative width."""

from __future__ import annotations

from giaoban.report.figures import UNKNOWN_ORG
from giaoban.report.model import Column

# shared by the overdue and repeats tables
_REC_TEXT = Column("text", "Nội dung kiến nghị", "text", 4.4)
_RAISED_BY = Column("raised_by", "Tổ chức kiến nghị", "text", 1.7, UNKNOWN_ORG)


def status_columns() -> list[Column]:
    return [
        Column("organisation", "Tổ chức", "text", 1.8, UNKNOWN_ORG),
        Column("raised", "Số kiến nghị", "int"),
        Column("waiting", "Mới nêu, đã chuyển", "int"),
        Column("in_progress", "Đã trả lời, đang giải quyết", "int"),
        Column("explained", "Đã giải thích", "int"),
        Column("declined", "Không tiếp thu", "int"),
        Column("resolved", "Đã giải quyết", "int"),
        Column("overdue", "Quá hạn", "int"),
        Column("answered_rate", "Tỷ lệ trả lời", "pct"),
        Column("resolution_rate", "Tỷ lệ giải quyết", "pct"),
    ]


def overdue_columns() -> list[Column]:
    return [
        Column("raised_on", "Ngày nêu", "date", 1.05),
        _RAISED_BY,
        _REC_TEXT,
        Column("due_effective", "Hạn", "date", 1.05),
        Column("days_overdue", "Số ngày quá hạn", "int", 0.8),
        Column("status", "Trạng thái", "status", 1.3),
    ]


def repeat_columns() -> list[Column]:
    return [
        _REC_TEXT,
        _RAISED_BY,
        Column("times_raised", "Số lần nêu", "int", 0.7),
        Column("first_raised_on", "Lần đầu", "date", 1.05),
        Column("last_raised_on", "Lần gần nhất", "date", 1.05),
        Column("latest_status", "Trạng thái", "status", 1.3),
    ]


def directive_columns() -> list[Column]:
    return [
        Column("organisation", "Tổ chức được giao", "text", 1.8, UNKNOWN_ORG),
        Column("issued", "Số chỉ đạo", "int"),
        Column("on_time", "Đúng hạn", "int"),
        Column("late", "Quá hạn đã xong", "int"),
        Column("overdue", "Quá hạn chưa xong", "int"),
        Column("open", "Chưa đến hạn", "int"),
        Column("cancelled", "Hủy", "int"),
        Column("completed_rate", "Tỷ lệ hoàn thành", "pct"),
    ]


def theme_columns(unit: str) -> list[Column]:
    """``unit``: the period word of the report's grain ("quý", "tháng")."""
    return [
        Column("label_vi", "Chủ đề", "text", 2.6),
        Column("meetings", "Số cuộc họp", "int"),
        Column("items", "Kiến nghị, chỉ đạo", "int"),
        Column("periods", f"Số {unit} có nêu", "int"),
        Column("longest_run", f"Số {unit} liên tiếp dài nhất", "int"),
        Column("last_period_label", f"{unit[:1].upper()}{unit[1:]} gần nhất", "period", 1.3),
    ]
