"""Báo cáo / Reports: pick a year (or a half, nine months, a quarter, a month), a province and an
organisation, a format; build the pack with a progress bar; download it. The first visit starts
from the sidebar's filters (year, province, organisation) when the router shows them.

The build itself is ``giaoban.report.build.build_report`` (the same as ``python -m giaoban
report``), run in the script thread so the progress bar updates as each chart is drawn. The
finished file stays in session state, so the download button survives reruns. Strings come from
i18n/report_vi.json and report_en.json.
"""

from __future__ import annotations

import json
import shlex
import tempfile
from functools import cache
from pathlib import Path

import streamlit as st
from components import filters
from components.fmt import decimal
from resources import db_exists, db_path, run

from giaoban.export import ExportError
from giaoban.report.build import FORMATS, build_report
from giaoban.report.spec import ReportError
from giaoban.report.vn import ROMAN, date

I18N = Path(__file__).resolve().parent.parent / "i18n"
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
KINDS = ("year", "half", "ytd9", "quarter", "month")
lang = st.session_state.get("lang", "vi")


@cache
def _strings(code: str) -> dict[str, str]:
    return json.loads((I18N / f"report_{code}.json").read_text(encoding="utf-8"))


def tr(key: str, **fields: object) -> str:
    text = _strings(lang if lang in ("vi", "en") else "vi").get(key) or _strings("vi").get(key) or key
    return text.format(**fields) if fields else text


def _period(kind: str, year: int) -> str | None:
    """The --period value for the choice (None: the whole year)."""
    if kind == "half":
        return f"half:{year}H{st.session_state.get('report_half', 1)}"
    if kind == "ytd9":
        return f"ytd:{year}-09"
    if kind == "quarter":
        return f"quarter:{year}Q{st.session_state.get('report_quarter', 1)}"
    if kind == "month":
        return f"month:{year}-{st.session_state.get('report_month', 1):02d}"
    return None


def _period_detail(kind: str) -> None:
    if kind == "half":
        st.selectbox(tr("half"), (1, 2), key=filters.translated("report_half"), format_func=lambda h: tr(f"half.{h}"))
    elif kind == "quarter":
        st.selectbox(
            tr("quarter"),
            (1, 2, 3, 4),
            key=filters.translated("report_quarter"),
            format_func=lambda q: tr("quarter.value", q=q, roman=ROMAN[q - 1]),
        )
    elif kind == "month":
        st.selectbox(
            tr("month"),
            tuple(range(1, 13)),
            key=filters.translated("report_month"),
            format_func=lambda m: tr("month.value", m=m),
        )


def _provinces() -> dict[str, str]:
    """Province ids with data, as recorded and as today's provinces, labelled with their validity."""
    options = {"": tr("province.all")}
    for harmonised in (False, True):
        for row in run("filters/provinces", harmonised=harmonised).iter_rows(named=True):
            if row["valid_to"]:
                label = tr("province.until", name=row["name"], date=date(row["valid_to"]))
            elif row["valid_from"]:
                label = tr("province.since", name=row["name"], date=date(row["valid_from"]))
            else:
                label = row["name"]
            options.setdefault(row["province_id"], label)
    return options


def _families() -> dict[str, str]:
    options = {"": tr("family.all")}
    for row in run("filters/organisations").head(40).iter_rows(named=True):
        options[row["family"]] = (
            f"{row['family_short']} – {row['family_name']}"
            if row["family_short"] != row["family_name"]
            else row["family_name"]
        )
    return options


def _seed_from_sidebar(years: tuple[int, ...], provinces: dict[str, str], families: dict[str, str]) -> None:
    """First visit: start from the sidebar's filters (gb_filters) when they name a year, place or organisation."""
    shared = st.session_state.get("gb_filters") or {}
    end = shared.get("to")
    if "report_year" not in st.session_state and getattr(end, "year", None) in years:
        st.session_state["report_year"] = end.year
    if "report_province" not in st.session_state and shared.get("province") in provinces:
        st.session_state["report_province"] = shared["province"]
    if "report_family" not in st.session_state and shared.get("org") in families:
        st.session_state["report_family"] = shared["org"]


def _build(fmt: str, year: int, period: str | None, scopes: list[str]) -> None:
    bar = st.progress(0.0, text=tr("starting"))
    with tempfile.TemporaryDirectory(prefix="giaoban-page-") as tmp:
        try:
            result = build_report(
                Path(tmp),
                fmt,
                year=None if period else year,
                period=period,
                scopes=scopes,
                db_path=db_path(),
                progress=lambda fraction, message: bar.progress(min(1.0, fraction), text=message),
            )
        except ReportError as err:
            bar.empty()
            st.error(tr("error.input", message=err))
            return
        except ExportError as err:
            bar.empty()
            st.error(tr("error.render", message=err))
            return
        contents = result.contents
        st.session_state["report_file"] = {
            "name": result.path.name,
            "data": result.path.read_bytes(),
            "mime": MIME[fmt],
            "sample": contents.is_sample,
            "charts": 0 if fmt == "xlsx" else len(contents.charts),
            "tables": len(contents.tables),
            "seconds": decimal(result.seconds, lang),
        }


def _cli_line(fmt: str, year: int, period: str | None, scopes: list[str]) -> str:
    args = ["python", "-m", "giaoban", "report"] + (["--period", period] if period else ["--year", str(year)])
    for scope in scopes:
        args += ["--scope", scope]
    return shlex.join([*args, "--format", fmt, "--out", "bao-cao." + fmt])


st.title(tr("title"))
st.caption(tr("subtitle"))
if not db_exists():
    st.warning(tr("no_db", path=db_path()))
    st.stop()
snapshot = run("filters/snapshot")
if snapshot.is_empty() or snapshot["first_meeting"][0] is None:
    st.info(tr("empty"))
    st.stop()
first, last = snapshot["first_meeting"][0].year, snapshot["last_meeting"][0].year

years = tuple(range(last, first - 1, -1))
provinces, families = _provinces(), _families()
_seed_from_sidebar(years, provinces, families)
left, right = st.columns(2)
with left:
    year = st.selectbox(tr("year"), years, key="report_year")
    kind = st.radio(
        tr("period"),
        KINDS,
        key=filters.translated("report_kind"),
        horizontal=True,
        format_func=lambda k: tr(f"period.{k}"),
    )
    _period_detail(kind)
with right:
    province = st.selectbox(
        tr("province"), tuple(provinces), key=filters.translated("report_province"), format_func=provinces.get
    )
    family = st.selectbox(
        tr("family"), tuple(families), key=filters.translated("report_family"), format_func=families.get
    )
    fmt = st.radio(
        tr("format"),
        FORMATS,
        key=filters.translated("report_format"),
        horizontal=True,
        format_func=lambda f: tr(f"format.{f}"),
    )

period = _period(kind, year)
scopes = [s for s in (province, family) if s]
if st.button(tr("build"), type="primary", key="report_build"):
    _build(fmt, year, period, scopes)

built = st.session_state.get("report_file")
if built:
    st.success(tr("done", name=built["name"], charts=built["charts"], tables=built["tables"], seconds=built["seconds"]))
    if built["sample"]:
        st.warning(tr("sample"))
    st.download_button(
        tr("download", name=built["name"]),
        built["data"],
        file_name=built["name"],
        mime=built["mime"],
        key="report_download",
        type="primary",
    )
st.caption(tr("cli"))
st.code(_cli_line(fmt, year, period, scopes), language="bash")
