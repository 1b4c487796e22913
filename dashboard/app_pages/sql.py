"""SQL page: analysts write one read-only statement, browse the schema, open named queries, chart, download.

Everything runs in the sandbox (giaoban.sandbox through sql_resources): one statement, reading
only, no files or network, time and row limits. State lives in ``st.session_state`` under
``sql_*`` keys; buttons that change the editor do it in callbacks (a widget's value may only be
set before the widget is drawn). ``?q=…`` in the URL fills the editor and runs the query.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any
from urllib.parse import quote

import polars as pl
import streamlit as st
from components import filters, sql_editor
from components.fmt import decimal, number
from sql_resources import catalog, completions, library, limits, run, ts

from giaoban.queries import Param, QueryError
from giaoban.sandbox import SandboxError, check_sql
from giaoban.sandbox_chart import KINDS, default_axes, numeric_columns, quick_figure
from giaoban.sandbox_files import FORMATS, to_bytes

lang = st.session_state.get("lang", "vi")
HISTORY_MAX = 30
STARTER = (
    "-- Số cuộc họp và kiến nghị theo năm / meetings and recommendations per year\n"
    "SELECT year(m.held_on) AS nam, count(DISTINCT m.meeting_id) AS cuoc_hop, count(r.rec_id) AS kien_nghi\n"
    "FROM meetings m LEFT JOIN recommendations r USING (meeting_id)\n"
    "GROUP BY ALL\nORDER BY nam"
)


# --- editor state (callbacks) ------------------------------------------------------------------


def _set_sql(sql: str, query_name: str | None = None) -> None:
    sql_editor.push(sql)
    st.session_state["sql_query_name"] = query_name


def _insert_columns(relation: str) -> None:
    event = st.session_state.get(f"sql_cols_{relation}")
    rows = list(event.selection.rows) if event else []
    names = catalog().columns_of(relation)["column"].to_list()
    picked = [names[i] for i in rows if i < len(names)]
    sql_editor.insert(", ".join(picked or [relation]))


def _open_query(name: str, run_now: bool = False) -> None:
    _set_sql(library()[name].sql.strip(), name)
    st.session_state["sql_run_now"] = run_now


def _init_state() -> None:
    if sql_editor.TEXT in st.session_state:
        return
    linked = st.query_params.get("q")
    _set_sql(linked or STARTER)
    st.session_state["sql_run_now"] = bool(linked)
    st.session_state.setdefault("sql_history", [])


# --- left column: schema, library, history ------------------------------------------------------


def _schema_browser() -> None:
    cat = catalog()
    relations = cat.relations
    names = relations["name"].to_list() + cat.macros["name"].to_list()
    if not names:
        st.info(ts("schema.empty", lang))
        return
    rows = dict(zip(relations["name"], relations["rows"], strict=True))
    kinds = dict(zip(relations["name"], relations["kind"], strict=True)) | dict(
        zip(cat.macros["name"], cat.macros["kind"], strict=True)
    )
    picked = st.selectbox(
        ts("schema.pick", lang),
        names,
        index=names.index("meetings") if "meetings" in names else 0,
        format_func=lambda n: _relation_label(n, kinds[n], rows.get(n)),
        key="sql_schema_pick",
    )
    _relation_details(cat, picked, kinds[picked])


def _relation_label(name: str, kind: str, rows: int | None) -> str:
    if kind == "table":
        return ts("schema.table_label", lang, name=name, rows=number(rows, lang))
    return ts(f"schema.{kind}_label", lang, name=name)


def _relation_details(cat, name: str, kind: str) -> None:
    comment = cat.relations.filter(pl.col("name") == name)["comment"]
    if comment.len() and comment[0]:
        st.caption(comment[0])
    buttons = st.columns(2)
    buttons[0].button(
        ts("schema.insert_name", lang),
        key="sql_ins_name",
        on_click=sql_editor.insert,
        args=(cat.snippet(name),),
        width="stretch",
    )
    if kind in ("table", "view"):
        buttons[1].button(
            ts("schema.preview", lang),
            key="sql_ins_from",
            on_click=_set_sql,
            args=(f"FROM {name}\nLIMIT 100",),
            width="stretch",
        )
        columns = cat.columns_of(name).rename(
            {
                "column": ts("schema.column", lang),
                "type": ts("schema.type", lang),
                "comment": ts("schema.comment", lang),
            }
        )
        st.dataframe(
            columns, hide_index=True, on_select="rerun", selection_mode="multi-row", key=f"sql_cols_{name}", height=260
        )
        st.button(
            ts("schema.insert_columns", lang),
            key="sql_ins_cols",
            on_click=_insert_columns,
            args=(name,),
            width="stretch",
        )


def _library() -> None:
    queries = library()
    if not queries:
        st.info(ts("library.empty", lang))
        return
    name = st.selectbox(ts("library.pick", lang), list(queries), key="sql_library_pick")
    query = queries[name]
    st.caption(query.description)
    for param in query.params:
        st.caption(f"`${param.name}` ({param.type}, {param.default or '—'}) {param.help}")
    cols = st.columns(2)
    cols[0].button(ts("library.open", lang), key="sql_lib_open", on_click=_open_query, args=(name,), width="stretch")
    cols[1].button(
        ts("library.open_run", lang),
        key="sql_lib_run",
        on_click=_open_query,
        args=(name, True),
        type="primary",
        width="stretch",
    )


def _history() -> None:
    entries = st.session_state.get("sql_history", [])
    if not entries:
        st.caption(ts("history.empty", lang))
        return
    for index, entry in enumerate(reversed(entries)):
        with st.container(border=True):
            st.code(entry["sql"][:400], language="sql", wrap_lines=True)
            st.caption(entry["summary"])
            st.button(
                ts("history.reopen", lang),
                key=f"sql_hist_{index}",
                on_click=_set_sql,
                args=(entry["sql"], entry.get("query_name")),
            )


# --- right column: editor, parameters, run, results ----------------------------------------------


def _declared_params() -> dict[str, Param]:
    name = st.session_state.get("sql_query_name")
    query = library().get(name) if name else None
    return {p.name: p for p in query.params} if query else {}


def _param_widget(name: str, declared: Param | None) -> Any:
    kind = declared.type if declared else "text"
    default = declared.default if declared else None
    label = f"${name}" + (f" · {declared.help}" if declared and declared.help else "")
    key = f"sql_param_{st.session_state.get('sql_query_name')}_{name}"
    if kind == "date":
        value = Param(name, "date", default).coerce(default) if default else None
        return st.date_input(label, value=value or dt.date.today(), key=key, format="DD/MM/YYYY")
    if kind in ("int", "float"):
        number = Param(name, kind, default).coerce(default) if default else 0
        return st.number_input(label, value=number, key=key, step=1 if kind == "int" else None)
    if kind == "bool":
        return st.checkbox(label, value=bool(Param(name, "bool", default).coerce(default)), key=key)
    text = "" if default in (None, "null", "none") else default
    return st.text_input(label, value=text, key=key)


def _parameters(sql: str) -> tuple[dict[str, Any], list[str]]:
    """Widgets for the statement's $parameters, typed when a named query declares them."""
    try:
        names = check_sql(sql).params
    except SandboxError:
        return {}, []
    if not names:
        return {}, []
    declared = _declared_params()
    values: dict[str, Any] = {}
    errors = []
    with st.container(border=True):
        st.caption(ts("params.title", lang))
        cols = st.columns(min(len(names), 3))
        for i, name in enumerate(names):
            with cols[i % len(cols)]:
                raw = _param_widget(name, declared.get(name))
            try:
                values[name] = declared[name].coerce(raw) if name in declared else (raw if raw != "" else None)
            except QueryError as err:
                errors.append(str(err))
    return values, errors


def _execute(sql: str, params: dict[str, Any]) -> None:
    started = time.perf_counter()
    entry: dict[str, Any] = {"sql": sql, "query_name": st.session_state.get("sql_query_name")}
    try:
        with st.spinner(ts("run.running", lang)):
            result = run(sql, params)
        st.session_state["sql_result"] = {"result": result, "params": params}
        seconds = decimal(result.elapsed, lang, 2)
        entry["summary"] = ts("history.ok", lang, rows=result.frame.height, seconds=seconds)
        st.query_params["q"] = sql
    except SandboxError as err:
        st.session_state["sql_result"] = {"error": err, "params": params}
        entry["summary"] = ts("history.failed", lang, code=err.code)
    entry["summary"] = dt.datetime.now().strftime("%H:%M:%S") + " · " + entry["summary"]
    entry["wall"] = time.perf_counter() - started
    history = st.session_state.setdefault("sql_history", [])
    history.append(entry)
    del history[:-HISTORY_MAX]


def _editor() -> None:
    st.markdown(f"**{ts('editor.label', lang)}**", help=ts("editor.help", lang))
    asked = sql_editor.draw(ts("editor.placeholder", lang), completions())
    sql = sql_editor.current_sql()
    params, errors = _parameters(sql)
    for message in errors:
        st.error(message)
    cols = st.columns([1.6, 0.8, 2.6], vertical_alignment="center")
    clicked = cols[0].button(
        ts("run.button", lang), type="primary", shortcut="Ctrl+Enter", key="sql_run", width="stretch"
    )
    cols[1].button(ts("editor.clear", lang), key="sql_clear", on_click=_set_sql, args=("",), width="stretch")
    cols[2].markdown(f"[{ts('run.link', lang)} ↗](?lang={lang}&q={quote(sql)})" if sql.strip() else "")
    if (asked or clicked or st.session_state.pop("sql_run_now", False)) and not errors:
        _execute(sql, params)


def _results() -> None:
    state = st.session_state.get("sql_result")
    if not state:
        st.caption(ts("results.none", lang))
        return
    if "error" in state:
        err: SandboxError = state["error"]
        st.error(err.message(lang), icon="⛔")
        st.caption(ts("results.error_code", lang, code=err.code))
        return
    result = state["result"]
    frame = result.frame
    key = "results.summary_one" if frame.height == 1 else "results.summary"
    summary = ts(key, lang, rows=number(frame.height, lang), seconds=decimal(result.elapsed, lang, 2))
    st.caption(summary)
    if result.truncated:
        st.warning(ts("results.truncated", lang, rows=number(result.row_cap, lang)))
    table, chart = st.tabs([ts("results.table", lang), ts("results.chart", lang)])
    with table:
        st.dataframe(frame, width="stretch", height=min(38 + 35 * frame.height, 520), hide_index=True)
    with chart:
        _chart(frame)
    _downloads(result, state["params"])


def _chart(frame: pl.DataFrame) -> None:
    if frame.is_empty() or (not numeric_columns(frame) and frame.width < 2):
        st.caption(ts("chart.nothing", lang))
        return
    x_default, y_default = default_axes(frame)
    cols = st.columns(4)
    kind = cols[0].selectbox(
        ts("chart.kind", lang), KINDS, format_func=lambda k: ts(f"chart.{k}", lang), key=filters.translated("sql_ck")
    )
    x = cols[1].selectbox(ts("chart.x", lang), frame.columns, index=frame.columns.index(x_default), key="sql_cx")
    y_options = frame.columns if kind == "heatmap" else numeric_columns(frame) or frame.columns
    y_index = y_options.index(y_default) if y_default in y_options else 0
    y = cols[2].selectbox(ts("chart.y", lang), y_options, index=y_index, key="sql_cy")
    third = numeric_columns(frame) if kind == "heatmap" else [c for c in frame.columns if c not in (x, y)]
    group = cols[3].selectbox(
        ts("chart.value" if kind == "heatmap" else "chart.group", lang),
        [None, *third],
        format_func=lambda c: "—" if c is None else c,
        key="sql_cg",
    )
    try:
        st.plotly_chart(quick_figure(frame, kind, x, y, group), width="stretch", key="sql_chart")
    except Exception as err:  # a chart of odd columns must not break the page
        st.warning(ts("chart.failed", lang, error=str(err)[:200]))


def _downloads(result, params: dict[str, Any]) -> None:
    cap = limits().download_rows

    def data(fmt: str):
        def build() -> bytes:
            frame = result.frame if not result.truncated else run(result.sql, params, max_rows=cap).frame
            return to_bytes(frame, fmt)

        return build

    note = ts("download.all", lang, rows=number(cap, lang)) if result.truncated else ""
    cols = st.columns(len(FORMATS))
    for col, (fmt, (mime, ext)) in zip(cols, FORMATS.items(), strict=True):
        col.download_button(
            f"⬇ {fmt.upper()}{note}",
            data=data(fmt),
            file_name=f"giaoban-sql.{ext}",
            mime=mime,
            key=f"sql_dl_{fmt}",
            on_click="ignore",
            width="stretch",
        )


# --- page ------------------------------------------------------------------------------------------

st.title(ts("title", lang))
current = limits()
st.caption(ts("subtitle", lang, seconds=f"{current.timeout:g}", rows=number(current.rows, lang)))
_init_state()
try:
    catalog()
except FileNotFoundError:
    st.warning(ts("no_db", lang))
    st.stop()

left, right = st.columns([1.25, 2.2], gap="medium")
with left:
    schema_tab, library_tab, history_tab = st.tabs(
        [ts("tab.schema", lang), ts("tab.library", lang), ts("tab.history", lang)]
    )
    with library_tab:
        _library()
    with schema_tab:
        _schema_browser()
with right:
    _editor()
    _results()
with history_tab:
    _history()
