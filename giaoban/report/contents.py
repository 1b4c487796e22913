"""What goes in the report pack, from named queries only.

Contract: ``build_contents(con, spec)`` runs the named queries (the dashboard's where they fit,
``queries/report/*`` otherwise) with the spec's filters, and returns a ``ReportContents``: a cover
(title, scope, period, data date, sample-data note), six sections of summary sentences, numbered
charts ("Biểu đồ N.") and numbered tables ("Bảng N."), the filters used and the definitions.
Raises ``ReportError`` when the scope has no meetings in the period. Nothing here draws or writes
files; the renderers do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from giaoban.report import columns, figures, named, vn, wording
from giaoban.report.model import Chart, Column, Paragraph, ReportContents, Section, Table
from giaoban.report.spec import ReportError, ReportSpec, same_name_hint

OVERDUE_ROWS = 20
REPEAT_ROWS = 20

HEADLINE_ROWS = (
    ("meetings", "Số cuộc họp giao ban", "int"),
    ("recommendations", "Số kiến nghị, đề xuất được nêu", "int"),
    ("answered_rate", "Tỷ lệ kiến nghị được trả lời", "pct"),
    ("resolution_rate", "Tỷ lệ kiến nghị được giải quyết dứt điểm", "pct"),
    ("open", "Kiến nghị chưa giải quyết xong", "int"),
    ("overdue", "Trong đó: quá hạn", "int"),
    ("directives", "Số chỉ đạo, nhiệm vụ được giao", "int"),
    ("completed_rate", "Tỷ lệ hoàn thành chỉ đạo", "pct"),
)


class _Collector:
    """Runs named queries with the spec's filters and numbers charts and tables as they are added."""

    def __init__(self, con: duckdb.DuckDBPyConnection, spec: ReportSpec) -> None:
        self.con, self.spec = con, spec
        self.charts = self.tables = 0

    def query(self, name: str, drop: tuple[str, ...] = (), **extra: Any) -> tuple[pl.DataFrame, dict[str, Any]]:
        params = {k: v for k, v in {**self.spec.params, **extra}.items() if k not in drop}
        return named.run(self.con, name, params), params

    def chart(self, key: str, title: str, name: str, params: dict, built: figures.Built) -> Chart:
        self.charts += 1
        figure, height = built
        return Chart(key, title, name, params, figure, height, number=self.charts)

    def table(
        self, key: str, title: str, name: str, params: dict, frame: pl.DataFrame, columns: list[Column], **kw
    ) -> Table:
        self.tables += 1
        return Table(key, title, name, params, frame, columns, number=self.tables, **kw)


def _headline(c: _Collector, kpi: pl.DataFrame, params: dict) -> Table:
    cur = wording._kpi(kpi, "current")
    prev = wording._kpi(kpi, "previous_year")
    rows = []
    for key, label, kind in HEADLINE_ROWS:
        now, before = cur.get(key), prev.get(key)
        diff = None if now is None or before is None else now - before
        rows.append({"indicator": label, "current": now, "previous": before, "change": diff, "kind": kind, "key": key})
    frame = pl.DataFrame(
        rows,
        schema={
            "indicator": pl.String,
            "current": pl.Float64,
            "previous": pl.Float64,
            "change": pl.Float64,
            "kind": pl.String,
            "key": pl.String,
        },
    )
    columns = [
        Column("indicator", "Chỉ tiêu", "text", 3.2),
        Column("current", _cap(c.spec.period_label), "auto", 1.3),
        Column("previous", _cap(c.spec.previous_label), "auto", 1.3),
        Column("change", "Tăng (+), giảm (−)", "change", 1.3),
    ]
    return c.table(
        "headline", "Các chỉ tiêu chính so với cùng kỳ năm trước", "overview/kpi_cards", params, frame, columns
    )


def _overview(c: _Collector, kpi: pl.DataFrame, params: dict, data_date: dt.date) -> Section:
    spec = c.spec
    cur, prev = spec.period_label, spec.previous_label
    trend, trend_p = c.query("overview/trend", grain=spec.grain)
    items = [Paragraph(t) for t in wording.summary(kpi, spec, data_date)]
    items += [
        _headline(c, kpi, params),
        c.chart(
            "kpi_counts",
            f"Số cuộc họp, kiến nghị, chỉ đạo {cur} so với {prev}",
            "overview/kpi_cards",
            params,
            figures.kpi_counts(kpi, _cap(cur), _cap(prev)),
        ),
        c.chart(
            "kpi_rates",
            f"Tỷ lệ trả lời, giải quyết kiến nghị và hoàn thành chỉ đạo {cur} so với {prev}",
            "overview/kpi_cards",
            params,
            figures.kpi_rates(kpi, _cap(cur), _cap(prev)),
        ),
        c.chart(
            "trend",
            f"Cuộc họp, kiến nghị và chỉ đạo theo {_grain_word(spec)}",
            "overview/trend",
            trend_p,
            figures.activity_trend(trend, spec.period_labels()),
        ),
    ]
    return Section("TỔNG QUAN", items)


def _recommendations(c: _Collector, kpi: pl.DataFrame) -> Section:
    spec = c.spec
    by_period, bp = c.query("recommendations/rates_by_period", grain=spec.grain)
    stages, sp = c.query("recommendations/funnel")
    rates, rp = c.query("recommendations/rates_by_org", limit=15)
    status, stp = c.query("report/recs_by_org_status")
    aging, ap = c.query("recommendations/backlog_aging")
    bands, bdp = c.query("recommendations/resolution_time")
    overdue, op = c.query("overview/most_overdue", limit=OVERDUE_ROWS)
    repeats, rpp = c.query("recommendations/repeats", limit=REPEAT_ROWS)
    n_overdue = int(wording._kpi(kpi, "current").get("overdue") or 0)
    items = [Paragraph(s) for s in [wording.org_sentence(rates)] if s]
    items += [
        c.chart(
            "rates_trend",
            f"Tỷ lệ kiến nghị được trả lời và được giải quyết dứt điểm theo {_grain_word(spec)}",
            "recommendations/rates_by_period",
            bp,
            figures.rates_trend(by_period, spec.period_labels()),
        ),
        c.chart("funnel", "Kết quả xử lý kiến nghị nêu trong kỳ", "recommendations/funnel", sp, figures.funnel(stages)),
        c.chart(
            "rates_by_org",
            "Tỷ lệ được trả lời và tỷ lệ giải quyết dứt điểm theo tổ chức kiến nghị",
            "recommendations/rates_by_org",
            rp,
            figures.rates_by_org(rates),
        ),
        c.table(
            "recs_by_org_status",
            "Kiến nghị theo tổ chức và trạng thái xử lý",
            "report/recs_by_org_status",
            stp,
            status,
            columns.status_columns(),
            total_last=True,
        ),
        c.chart(
            "overdue_by_org",
            "Kiến nghị quá hạn theo tổ chức kiến nghị",
            "recommendations/rates_by_org",
            rp,
            figures.overdue_by_org(rates),
        ),
        c.chart(
            "aging",
            "Kiến nghị chưa giải quyết xong theo thời gian kể từ cuộc họp",
            "recommendations/backlog_aging",
            ap,
            figures.backlog_aging(aging),
        ),
        c.chart(
            "resolution_time",
            "Thời gian giải quyết dứt điểm kiến nghị",
            "recommendations/resolution_time",
            bdp,
            figures.resolution_time(bands),
        ),
        c.table(
            "overdue",
            "Danh sách kiến nghị quá hạn lâu nhất",
            "overview/most_overdue",
            op,
            overdue,
            columns.overdue_columns(),
            note=_overdue_note(overdue.height, n_overdue),
        ),
        c.table(
            "repeats",
            "Kiến nghị được nêu lại nhiều lần",
            "recommendations/repeats",
            rpp,
            repeats,
            columns.repeat_columns(),
        ),
    ]
    return Section("KIẾN NGHỊ CỦA MẶT TRẬN VÀ CÁC TỔ CHỨC", items)


def _directives(c: _Collector) -> Section:
    by_org, op = c.query("directives/outcomes_by_org", limit=15)
    by_theme, tp = c.query("directives/outcomes_by_theme", limit=12)
    items = [Paragraph(s) for s in [wording.directives_sentence(by_org)] if s]
    items += [
        c.chart(
            "directives_by_org",
            "Kết quả thực hiện chỉ đạo theo tổ chức được giao",
            "directives/outcomes_by_org",
            op,
            figures.directive_outcomes(by_org, "organisation"),
        ),
        c.table(
            "directives_by_org",
            "Kết quả thực hiện chỉ đạo theo tổ chức được giao",
            "directives/outcomes_by_org",
            op,
            by_org,
            columns.directive_columns(),
        ),
        c.chart(
            "directives_by_theme",
            "Kết quả thực hiện chỉ đạo theo chủ đề",
            "directives/outcomes_by_theme",
            tp,
            figures.directive_outcomes(by_theme, "label_vi", 30),
        ),
    ]
    return Section("THỰC HIỆN CHỈ ĐẠO, NHIỆM VỤ", items)


def _themes(c: _Collector) -> Section:
    spec = c.spec
    top, tp = c.query("overview/top_themes", limit=10)
    heat, hp = c.query("themes/heatmap", grain=spec.grain)
    recurring, rp = c.query("themes/recurring", grain=spec.grain, limit=10)
    items = [Paragraph(s) for s in [wording.themes_sentence(top)] if s]
    items += [
        c.chart(
            "top_themes",
            "Các chủ đề được nêu tại nhiều cuộc họp nhất",
            "overview/top_themes",
            tp,
            figures.top_themes(top),
        ),
        c.chart(
            "theme_heatmap",
            f"Số kiến nghị, chỉ đạo theo chủ đề và {_grain_word(spec)}",
            "themes/heatmap",
            hp,
            figures.theme_heatmap(heat, spec.period_labels()),
        ),
        c.table(
            "recurring_themes",
            "Các chủ đề lặp lại nhiều nhất",
            "themes/recurring",
            rp,
            recurring,
            columns.theme_columns(_grain_word(spec)),
        ),
    ]
    return Section("CHỦ ĐỀ ĐƯỢC QUAN TÂM", items)


def _activity(c: _Collector) -> Section:
    spec = c.spec
    heat, hp = c.query("activity/heatmap", grain=spec.grain, limit=15)
    items: list = [
        c.chart(
            "activity_by_org",
            "Hoạt động của các tổ chức: cuộc họp dự, kiến nghị nêu, chỉ đạo nhận",
            "activity/heatmap",
            hp,
            figures.activity_by_org(heat),
        ),
        c.chart(
            "activity_heatmap",
            f"Số kiến nghị theo tổ chức và {_grain_word(spec)}",
            "activity/heatmap",
            hp,
            figures.activity_heatmap(heat, spec.period_labels()),
        ),
    ]
    if spec.province is None:
        places, pp = c.query("activity/localities", drop=("province",))
        if places.filter(pl.col("meetings") > 0).height > 1:
            items.append(
                c.chart(
                    "localities",
                    "Cuộc họp và kiến nghị theo tỉnh, thành phố",
                    "activity/localities",
                    pp,
                    figures.localities(places),
                )
            )
    return Section("HOẠT ĐỘNG CỦA CÁC TỔ CHỨC", items)


def build_contents(
    con: duckdb.DuckDBPyConnection, spec: ReportSpec, db_name: str = "", now: dt.datetime | None = None
) -> ReportContents:
    now = now or dt.datetime.now()
    c = _Collector(con, spec)
    snapshot = named.run(con, "filters/snapshot").row(0, named=True)
    kpi, kp = c.query("overview/kpi_cards")
    current = wording._kpi(kpi, "current")
    if not current.get("meetings") and not current.get("recommendations"):
        hint = same_name_hint(con, spec)
        raise ReportError(
            f"no meetings for {spec.scope_label} in {spec.period.label}; check --scope and --period{hint}"
        )
    data_date = snapshot["as_of"]
    sections = [_overview(c, kpi, kp, data_date), _recommendations(c, kpi), _directives(c), _themes(c), _activity(c)]
    title, subtitle = _titles(spec)
    return ReportContents(
        spec=spec,
        title=title,
        subtitle=subtitle,
        data_date=data_date,
        generated_at=now,
        meetings=int(current.get("meetings") or 0),
        sample_meetings=int(current.get("sample_meetings") or 0),
        sections=sections,
        filters=wording.filters(spec, snapshot, kpi, db_name, now),
        definitions=wording.definitions(int(snapshot["overdue_days"])),
    )


# --- small helpers ------------------------------------------------------------------------------


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _grain_word(spec: ReportSpec) -> str:
    return "tháng" if spec.grain == "month" else "quý"


def _titles(spec: ReportSpec) -> tuple[str, str]:
    what = "TỔNG KẾT CÔNG TÁC GIAO BAN" if spec.period.kind == "year" else "CÔNG TÁC GIAO BAN"
    return (
        f"SỐ LIỆU {what} {spec.period_label.upper()}",
        "giữa cấp ủy với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
    )


def _overdue_note(shown: int, total: int) -> str:
    if total > shown:
        return (
            f"{shown} kiến nghị quá hạn lâu nhất trong tổng số {vn.num(total)} kiến nghị quá hạn; danh sách đầy đủ "
            "xem trên trang Kiến nghị của hệ thống."
        )
    return ""


def db_label(path: Path | None) -> str:
    return path.name if path else ""
