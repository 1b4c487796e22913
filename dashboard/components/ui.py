"""Page furniture: the header with the period and the sample-data mark, friendly empty messages,
tables without internal ids, and page state that lives in the URL (a selected cell, a meeting)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import polars as pl
import streamlit as st
from i18n import t
from resources import db_exists, db_path, run, scoped

from components import fmt
from components.filters import Filters
from giaoban import aggregates


def require_database(lang: str) -> None:
    if not db_exists():
        st.warning(t("home.no_db", lang, path=db_path()))
        st.stop()


def sample_in_scope(filters: Filters) -> bool:
    frame = scoped("filters/scope", filters.params)
    return bool(frame.height and frame["sample_meetings"][0])


def header(title_key: str, lang: str, filters: Filters, intro_key: str | None = None) -> bool:
    """Title, the period and the date statuses are judged on; returns whether sample data is shown."""
    st.title(t(title_key, lang))
    snapshot = (run("filters/snapshot").to_dicts() or [{}])[0]
    period = fmt.range_label(filters.date_from, filters.date_to, filters.grain, lang)
    as_of = fmt.day(snapshot.get("as_of"))
    st.caption(t("header.caption", lang, period=period, as_of=as_of))
    stale_warning(snapshot, lang)
    sample = sample_in_scope(filters)
    if sample:
        st.markdown(
            f'<span class="gb-sample">{html.escape(t("sample.badge", lang))}</span> '
            f"<small>{html.escape(t('sample.note', lang))}</small>",
            unsafe_allow_html=True,
        )
    if intro_key:
        st.markdown(t(intro_key, lang))
    return sample


def stale_warning(snapshot: dict, lang: str) -> bool:
    """Say when the stored facts no longer match the data or the definitions; True if it did."""
    stale = aggregates.stale_reason(snapshot)
    if stale:
        st.warning(t(f"facts.stale.{stale}", lang), icon=":material/update:")
    return bool(stale)


def empty(lang: str, key: str = "empty.filters") -> None:
    st.info(t(key, lang), icon=":material/filter_alt:")


def not_applied_note(names: list[str], lang: str) -> None:
    if names:
        labels = ", ".join(t(f"filter.name.{n}", lang) for n in names)
        st.caption(t("filter.not_applied", lang, filters=labels))


def translate(frame: pl.DataFrame, column: str, prefix: str, lang: str) -> pl.DataFrame:
    """Codes (statuses, levels, kinds) → words in the page's language."""
    if column not in frame.columns:
        return frame
    values = [v for v in frame[column].unique().to_list() if v is not None]
    mapping = {v: t(f"{prefix}.{v}", lang) for v in values}
    return frame.with_columns(pl.col(column).replace_strict(mapping, default=None, return_dtype=pl.String))


def table(
    frame: pl.DataFrame,
    columns: Mapping[str, str],
    key: str,
    select: bool = False,
    config: Mapping[str, Any] | None = None,
    height: int | str = "auto",
) -> dict | None:
    """A table of the named columns only (ids stay hidden); with ``select`` returns the chosen row.

    An int ``height`` is a maximum: a short table takes only the rows it has.
    """
    if isinstance(height, int):
        height = min(height, 38 + 35 * (frame.height + 1))
    # a missing text is an empty cell: the grid would print "None" in it
    shown = frame.with_columns(pl.col(pl.String).fill_null(""))
    shown = shown.rename({c: label for c, label in columns.items() if c in frame.columns})
    order = [label for c, label in columns.items() if c in frame.columns]
    event = st.dataframe(
        shown,
        hide_index=True,
        column_order=order,
        column_config={columns.get(k, k): v for k, v in (config or {}).items()},
        key=key,
        on_select="rerun" if select else "ignore",
        selection_mode="single-row",
        width="stretch",
        height=height,
    )
    if not select:
        return None
    rows = event.selection.rows if event else []
    return frame.row(rows[0], named=True) if rows else None


def date_column(label: str) -> Any:
    return st.column_config.DateColumn(label, format="DD/MM/YYYY")


def percent_column(label: str) -> Any:
    return st.column_config.ProgressColumn(label, format="percent", min_value=0, max_value=1)


def url_state(key: str, default: Any = None) -> Any:
    """Page state kept in the URL (``?cell=…``): read from the link on the first run of a session."""
    skey = f"url_{key}"
    if skey not in st.session_state:
        st.session_state[skey] = st.query_params.get(key, default)
    return st.session_state[skey]


def seed_from_url(
    widget_key: str, url_key: str, empty: Any = None, allowed: tuple | None = None, parse: Any = None
) -> None:
    """Give a page's own filter widget its value from the link on its first draw (``empty`` when
    the link has none, or one not ``allowed``; ``parse`` turns the link's text into the widget's
    value); ``set_url_state`` writes it back after the draw."""
    if widget_key in st.session_state:
        return
    value = url_state(url_key)
    if value is None or (allowed is not None and value not in allowed):
        value = empty
    elif parse is not None:
        value = parse(value)
    st.session_state[widget_key] = value


def set_url_state(key: str, value: Any) -> None:
    st.session_state[f"url_{key}"] = value
    sync_url(key)


def sync_url(*keys: str) -> None:
    """Write page state back to the query string (after a page switch cleared it)."""
    for key in keys:
        if f"url_{key}" not in st.session_state:
            continue
        value = st.session_state[f"url_{key}"]
        if value in (None, ""):
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != str(value):
            st.query_params[key] = str(value)


CSS = """
<style>
.gb-sample {background:#fef3c7;color:#92400e;border:1px solid #f59e0b;border-radius:999px;
            padding:1px 10px;font-size:0.8rem;font-weight:600;white-space:nowrap}
.gb-source {border-left:4px solid #b91c1c;background:#fafafa;padding:0.6rem 0.9rem;border-radius:4px;
            line-height:1.6}
.gb-source mark {background:#fde68a;padding:0 2px;border-radius:2px}
.gb-source mark.gb-q {background:#bfdbfe}
.gb-doc {max-height:420px;overflow-y:auto;white-space:pre-wrap;line-height:1.6;font-size:0.95rem;
         border:1px solid #e5e7eb;border-radius:4px;padding:0.6rem 0.9rem}
.gb-doc mark {background:#fde68a;padding:0 1px}
.gb-doc mark.gb-q {background:#bfdbfe}
[data-testid="stMetricValue"] {font-size:1.9rem}
</style>
"""


def style() -> None:
    st.markdown(CSS, unsafe_allow_html=True)
