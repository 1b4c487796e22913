"""A chart with its downloads: the data as CSV or XLSX (the columns shown, headed in the page's
language, no internal ids) and the picture as PNG or SVG. Files are made only when a button is
clicked (deferred downloads), so a page with many charts stays fast."""

from __future__ import annotations

import io
from collections.abc import Callable

import plotly.graph_objects as go
import polars as pl
import streamlit as st
from i18n import t

from giaoban import charts

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


def downloads(name: str, lang: str, data: Callable[[], pl.DataFrame] | None, fig: go.Figure | None, key: str) -> None:
    """Download buttons in a small popover: data (CSV, XLSX) and, for a chart, the image (PNG, SVG)."""
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
            st.download_button(
                t("download.png", lang),
                lambda: charts.figure_image(fig, "png"),
                f"{name}.png",
                "image/png",
                key=f"{key}_png",
                on_click="ignore",
                icon=":material/image:",
            )
            st.download_button(
                t("download.svg", lang),
                lambda: charts.figure_image(fig, "svg"),
                f"{name}.svg",
                "image/svg+xml",
                key=f"{key}_svg",
                on_click="ignore",
                icon=":material/draw:",
            )


def show(
    fig: go.Figure,
    data: pl.DataFrame,
    columns: dict[str, str],
    name: str,
    lang: str,
    key: str,
    select: bool = False,
):
    """Draw ``fig`` with downloads of ``data`` (``columns`` = what to export, with headers).

    With ``select`` the chart is an input: a click returns the selection event (points with
    their customdata), which pages turn into a drill-down.
    """
    event = st.plotly_chart(
        fig,
        key=key,
        on_select="rerun" if select else "ignore",
        selection_mode="points",
        config=CONFIG,
        width="stretch",
    )
    downloads(name, lang, lambda: export_frame(data, columns), fig, key)
    return event if select else None


def clicked(event) -> list:
    """customdata of the clicked point, or [] when nothing is selected."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    for point in points:
        data = point.get("customdata")
        if data:
            return list(data)
    return []
