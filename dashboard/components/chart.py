"""A chart with its downloads: the data as CSV or XLSX (the columns shown, headed in the page's
language, no internal ids) and the picture as PNG, SVG or PDF in the report pack's print style
(``giaoban.export``: 16 cm wide, serif, 300 dpi PNG, vector SVG and PDF) with a caption line saying
what the numbers cover (scope, period, data date, sample mark). Files are made only when a button
is clicked (deferred downloads), so a page with many charts stays fast; the images come from the
server's one shared browser (``resources.chart_images``).
"""

from __future__ import annotations

import io
from collections.abc import Callable

import plotly.graph_objects as go
import polars as pl
import streamlit as st
from i18n import t
from resources import ChartImages, chart_images, db_identity, run

from components import filters, fmt, ui
from giaoban.print_style import PrintStyle

CONFIG = {"displayModeBar": False, "responsive": True}


def export_frame(data: pl.DataFrame, columns: dict[str, str]) -> pl.DataFrame:
    """Only the named columns, renamed to their headers; lists become text for spreadsheets."""
    frame = data.select([c for c in columns if c in data.columns]).rename(columns, strict=False)
    return frame.with_columns(
        pl.col(c).cast(pl.List(pl.String)).list.join("; ") for c, dtype in frame.schema.items() if dtype == pl.List
    )


def csv_bytes(frame: pl.DataFrame) -> bytes:
    # A byte-order mark makes Excel read the Vietnamese letters as UTF-8.
    return "\ufeff".encode() + frame.write_csv().encode("utf-8")


def xlsx_bytes(frame: pl.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    frame.write_excel(buffer, worksheet=sheet[:31], autofit=True)
    return buffer.getvalue()


def print_style(fig: go.Figure) -> PrintStyle:
    """The report pack's print style, about as tall for its 16 cm width as the chart is on screen
    (a heatmap with many rows prints taller, so its labels stay readable)."""
    height_px = fig.layout.height or 380
    return PrintStyle(height_mm=float(min(230, max(60, round(height_px * 0.22)))))


def _scope(f: filters.Filters, lang: str) -> str:
    """The sidebar's narrowing in words ("MTTQ, Bắc Giang; cấp tỉnh"), as the report pack names its scope."""
    names = []
    if f.family:
        orgs = {r["family"]: r["family_short"] for r in run("filters/organisations").to_dicts()}
        names.append(orgs.get(f.family) or f.family)
    if f.province:
        rows = {r["province_id"]: r for r in run("filters/provinces", harmonised=f.harmonised).to_dicts()}
        row = rows.get(f.province)
        place = filters.province_label(row, lang) if row else f.province
        names.append(place + (t("chart.caption.harmonised", lang) if f.harmonised else ""))
    parts = [", ".join(names)] if names else []
    if f.level:
        parts.append(t("chart.caption.level", lang, level=t(f"level.{f.level}", lang).lower()))
    if f.theme:
        label = "label_en" if lang == "en" else "label_vi"
        themes = {r["theme_id"]: r[label] for r in run("filters/themes").to_dicts()}
        parts.append(t("chart.caption.theme", lang, theme=themes.get(f.theme) or f.theme))
    return "; ".join(parts) or t("chart.caption.all", lang)


def caption(lang: str) -> str:
    """The line under a downloaded image, in the words of the report pack's caption
    (``giaoban.print_style.caption_line``): "Phạm vi: … · Kỳ: … · Số liệu tính đến dd/mm/yyyy" and
    "DỮ LIỆU MẪU" when the scope holds sample meetings (the screen's corner mark does not print).

    Every chart of a page carries the same line: it is worked out once per snapshot, filters and
    language, not once per chart."""
    scope = filters.current() if filters.STATE in st.session_state else None
    key = (db_identity(), lang, scope)
    memo = st.session_state.get("gb_caption")
    if not memo or memo[0] != key:
        memo = st.session_state["gb_caption"] = (key, _caption(lang))
    return memo[1]


def _caption(lang: str) -> str:
    snapshot = (run("filters/snapshot").to_dicts() or [{}])[0]
    as_of = fmt.day(snapshot.get("as_of"))
    if filters.STATE not in st.session_state:  # a page without the sidebar filters
        return t("chart.caption.as_of", lang, as_of=as_of)
    f = filters.current()
    period = fmt.range_label(f.date_from, f.date_to, f.grain, lang)
    line = t("chart.caption", lang, scope=_scope(f, lang), period=period, as_of=as_of)
    return f"{line} · {t('chart.caption.sample', lang)}" if ui.sample_in_scope(f) else line


def _image(images: ChartImages, fig: go.Figure, kind: str, line: str) -> Callable[[], bytes]:
    """What a download button calls on click: the figure rendered in the shared browser."""
    style = print_style(fig)
    return lambda: images.render(fig, kind, style, line)


IMAGES = (  # format, MIME type, icon
    ("png", "image/png", ":material/image:"),
    ("svg", "image/svg+xml", ":material/draw:"),
    ("pdf", "application/pdf", ":material/picture_as_pdf:"),
)


def downloads(
    name: str,
    lang: str,
    data: Callable[[], pl.DataFrame] | None,
    fig: go.Figure | None,
    key: str,
    caption_line: str | None = None,
) -> None:
    """Download buttons in a small popover: data (CSV, XLSX) and, for a chart, the image (PNG, SVG,
    PDF), print-styled with ``caption_line`` (by default ``caption(lang)``: the sidebar's scope)."""
    with st.popover(t("download.label", lang), icon=":material/download:"):
        if data is not None:
            st.download_button(
                t("download.csv", lang),
                lambda: csv_bytes(data()),
                f"{name}.csv",
                "text/csv",
                key=f"{key}_csv",
                on_click="ignore",
                icon=":material/table:",
            )
            st.download_button(
                t("download.xlsx", lang),
                lambda: xlsx_bytes(data(), name),
                f"{name}.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key=f"{key}_xlsx",
                on_click="ignore",
                icon=":material/grid_on:",
            )
        if fig is not None:
            images, line = chart_images(), caption_line or caption(lang)
            for kind, mime, icon in IMAGES:
                st.download_button(
                    t(f"download.{kind}", lang),
                    _image(images, fig, kind, line),
                    f"{name}.{kind}",
                    mime,
                    key=f"{key}_{kind}",
                    on_click="ignore",
                    icon=icon,
                )


def show(
    fig: go.Figure,
    data: pl.DataFrame,
    columns: dict[str, str],
    name: str,
    lang: str,
    key: str,
    select: bool = False,
    caption_line: str | None = None,
):
    """Draw ``fig`` with downloads of ``data`` (``columns`` = what to export, with headers).

    With ``select`` the chart is an input: a click returns the selection event (points with
    their customdata), which pages turn into a drill-down. ``caption_line`` replaces the image
    caption when a chart covers less than the sidebar says (a filter it does not take).
    """
    event = st.plotly_chart(
        fig,
        key=key,
        on_select="rerun" if select else "ignore",
        selection_mode="points",
        config=CONFIG,
        width="stretch",
    )
    downloads(name, lang, lambda: export_frame(data, columns), fig, key, caption_line)
    return event if select else None


def clicked(event) -> list:
    """customdata of the clicked point, or [] when nothing is selected."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    for point in points:
        data = point.get("customdata")
        if data:
            return list(data)
    return []
