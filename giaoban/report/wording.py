"""The pack's sentences: summary paragraphs from the figures, the filters used, the definitions.

Sentences are written to be pasted into a báo cáo tổng kết: plain statements of the figures with
the comparison to the same period last year, no judgement words the office did not choose.
Definitions restate docs/metrics.md in Vietnamese, so a reader of the printed pack knows what
"giải quyết dứt điểm" and "quá hạn" mean here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from giaoban.report import vn
from giaoban.report.spec import ReportSpec

MADE_BY = (
    "Tài liệu do hệ thống giaoban lập tự động từ cơ sở dữ liệu giao ban; đơn vị kiểm tra số liệu trước khi sử dụng."
)


def _kpi(kpi: pl.DataFrame, period: str) -> dict[str, Any]:
    rows = kpi.filter(pl.col("period") == period)
    return rows.row(0, named=True) if not rows.is_empty() else {}


def _vs(cur: dict, prev: dict, key: str, kind: str, spec: ReportSpec) -> str:
    """ " (cùng kỳ năm 2023: 118, giảm 10,2%)" or " (cùng kỳ năm 2023: 84,9%, giảm 2,0 điểm %)"."""
    now, before = cur.get(key), prev.get(key) if prev else None
    if now is None or before is None:
        return ""
    shown = vn.pct(before) if kind == "pct" else vn.num(before)
    diff = (now - before) * 100 if kind == "pct" else (now - before) / before * 100 if before else None
    if diff is None:
        return f" ({spec.previous_label}: {shown})"
    if round(diff, 1) == 0:
        return f" ({spec.previous_label}: {shown}, tương đương)"
    word = "tăng" if diff > 0 else "giảm"
    unit = " điểm %" if kind == "pct" else "%"
    return f" ({spec.previous_label}: {shown}, {word} {vn.num(abs(diff), 1)}{unit})"


def _to(spec: ReportSpec) -> str:
    return f"{spec.family_name} " if spec.family_name else ""


def summary(kpi: pl.DataFrame, spec: ReportSpec, data_date: dt.date) -> list[str]:
    """Three sentences: meetings; recommendations and their rates; backlog and directives."""
    cur, prev = _kpi(kpi, "current"), _kpi(kpi, "previous_year")
    if not cur:
        return []
    when = spec.period_label[0].upper() + spec.period_label[1:]
    first = f"{when}, đã tổ chức {vn.num(cur['meetings'])} cuộc họp giao ban{_vs(cur, prev, 'meetings', 'int', spec)}."
    second = (
        f"{spec.family_name or 'Các tổ chức'} nêu {vn.num(cur['recommendations'])} kiến nghị, đề xuất"
        f"{_vs(cur, prev, 'recommendations', 'int', spec)}; tỷ lệ được trả lời {vn.pct(cur['answered_rate'])}"
        f"{_vs(cur, prev, 'answered_rate', 'pct', spec)}, tỷ lệ giải quyết dứt điểm {vn.pct(cur['resolution_rate'])}"
        f"{_vs(cur, prev, 'resolution_rate', 'pct', spec)}."
    )
    third = (
        f"Tính đến ngày {vn.date(data_date)}, còn {vn.num(cur['open'])} kiến nghị chưa giải quyết xong, trong đó "
        f"{vn.num(cur['overdue'])} kiến nghị quá hạn. Cấp ủy giao {_to(spec)}{vn.num(cur['directives'])} chỉ đạo, "
        "nhiệm vụ; "
        f"tỷ lệ hoàn thành {vn.pct(cur['completed_rate'])}{_vs(cur, prev, 'completed_rate', 'pct', spec)}."
    )
    return [first, second, third]


def org_sentence(rates: pl.DataFrame, min_raised: int = 5) -> str:
    """Which organisation's recommendations were resolved most and least often (enough of them to compare)."""
    frame = rates.filter((pl.col("raised") >= min_raised) & pl.col("resolution_rate").is_not_null())
    if frame.height < 2:
        return ""
    top = frame.sort("resolution_rate", descending=True).row(0, named=True)
    low = frame.sort("resolution_rate").row(0, named=True)
    return (
        f"Tỷ lệ giải quyết dứt điểm cao nhất ở kiến nghị của {top['organisation_name']} "
        f"({vn.pct(top['resolution_rate'])}), "
        f"thấp nhất ở kiến nghị của {low['organisation_name']} ({vn.pct(low['resolution_rate'])}); "
        f"so sánh các tổ chức có từ {min_raised} kiến nghị trở lên."
    )


def themes_sentence(themes: pl.DataFrame, n: int = 3) -> str:
    if themes.is_empty():
        return ""
    items = [
        f"{r['label_vi'].lower()} ({vn.num(r['meetings'])} cuộc họp)" for r in themes.head(n).iter_rows(named=True)
    ]
    return "Các chủ đề được nêu tại nhiều cuộc họp nhất: " + "; ".join(items) + "."


def directives_sentence(outcomes: pl.DataFrame) -> str:
    if outcomes.is_empty():
        return ""
    overdue = int(outcomes["overdue"].sum())
    late = int(outcomes["late"].sum())
    return (
        f"Có {vn.num(overdue)} chỉ đạo đã quá hạn mà chưa hoàn thành và {vn.num(late)} chỉ đạo hoàn thành sau thời hạn "
        "(Biểu đồ và Bảng dưới đây chia theo tổ chức được giao)."
    )


def filters(
    spec: ReportSpec, snapshot: dict[str, Any], kpi: pl.DataFrame, db_name: str, now: dt.datetime
) -> list[tuple[str, str]]:
    """The scope and settings every figure in the pack was computed with."""
    cur = _kpi(kpi, "current")
    start, end = spec.period.start, spec.period.end
    as_of = snapshot["as_of"]
    prev_as_of = (
        as_of.replace(year=as_of.year - 1)
        if not (as_of.month == 2 and as_of.day == 29)
        else as_of - dt.timedelta(days=366)
    )
    place = (
        "theo địa giới hiện nay (34 tỉnh, thành phố sau sắp xếp năm 2025)" if spec.harmonised else "như khi ghi nhận"
    )
    sample = int(cur.get("sample_meetings") or 0)
    return [
        ("Kỳ báo cáo", f"{spec.period_label} (cuộc họp từ {vn.date(start)} đến {vn.date(end)})"),
        (
            "So sánh",
            f"{spec.previous_label} (cuộc họp từ {vn.date(start.replace(year=start.year - 1))} "
            f"đến {vn.date(_year_back(end))}), trạng thái tính đến {vn.date(prev_as_of)}",
        ),
        ("Phạm vi", spec.scope_label),
        ("Địa bàn", place),
        ("Tổ chức", spec.family_name or "tất cả các tổ chức"),
        ("Trạng thái tính đến", vn.date(as_of)),
        (
            "Quá hạn",
            f"chưa giải quyết xong sau thời hạn; không có thời hạn thì sau {snapshot['overdue_days']} ngày "
            "kể từ cuộc họp",
        ),
        ("Nguồn dữ liệu", f"{vn.num(cur.get('meetings'))} cuộc họp trong kỳ, trong đó {vn.num(sample)} là dữ liệu mẫu"),
        ("Cơ sở dữ liệu", f"{db_name}, cập nhật {_built(snapshot.get('built_at'))}"),
        ("Ngày lập", now.strftime("%d/%m/%Y %H:%M")),
    ]


def _year_back(day: dt.date) -> dt.date:
    return (
        day.replace(year=day.year - 1)
        if not (day.month == 2 and day.day == 29)
        else day.replace(year=day.year - 1, day=28)
    )


def _built(value: Any) -> str:
    if not value:
        return "không rõ"
    return vn.date(str(value)[:10])


DEFINITIONS = (
    (
        "Kiến nghị",
        "kiến nghị, đề xuất của Mặt trận, các tổ chức chính trị - xã hội và hội quần chúng nêu tại cuộc họp "
        "giao ban; tính theo ngày họp.",
    ),
    (
        "Tỷ lệ được trả lời",
        "số kiến nghị đã có phản hồi bất kỳ (chuyển xử lý, trả lời, giải thích, đang giải quyết, "
        "đã giải quyết, không tiếp thu) trên tổng số kiến nghị nêu trong kỳ.",
    ),
    (
        "Tỷ lệ giải quyết dứt điểm",
        "số kiến nghị có trạng thái đã giải quyết trên tổng số kiến nghị nêu trong kỳ; "
        "trả lời hay giải thích không được tính là giải quyết.",
    ),
    (
        "Chưa giải quyết xong",
        "kiến nghị ở trạng thái mới nêu, đã chuyển xử lý, đã trả lời (mới ghi nhận) hoặc đang giải quyết.",
    ),
    (
        "Quá hạn",
        "chưa giải quyết xong và đã qua thời hạn ghi trong văn bản; không ghi thời hạn thì sau {days} ngày "
        "kể từ cuộc họp.",
    ),
    (
        "Thời gian giải quyết",
        "số ngày từ cuộc họp đến khi kiến nghị được giải quyết dứt điểm; trung vị là mức mà một "
        "nửa số kiến nghị được giải quyết nhanh hơn.",
    ),
    ("Kiến nghị lặp lại", "cùng nội dung do cùng tổ chức nêu lại tại cuộc họp sau; số lần nêu tính cả lần đầu."),
    (
        "Tỷ lệ hoàn thành chỉ đạo",
        "số chỉ đạo đã hoàn thành (đúng hạn hoặc quá hạn) trên tổng số chỉ đạo giao trong kỳ, không kể chỉ đạo bị hủy.",
    ),
    (
        "Cùng kỳ năm trước",
        "cùng khoảng ngày của năm trước, trạng thái tính đến cùng ngày năm trước, để hai kỳ có "
        "thời gian xử lý như nhau.",
    ),
    ("Chủ đề", "gắn tự động theo bộ từ khóa của hệ thống; một kiến nghị có thể thuộc nhiều chủ đề."),
    ("Dữ liệu mẫu", "số liệu sinh tự động để minh họa, được đánh dấu riêng; không phản ánh hoạt động thực tế."),
)


def definitions(overdue_days: int) -> list[tuple[str, str]]:
    return [(term, text.format(days=overdue_days)) for term, text in DEFINITIONS]
