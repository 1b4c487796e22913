"""Cuộc họp / Meetings: the archive, searched without caring about diacritics ("bao hiem xa hoi"
finds "bảo hiểm xã hội"), and one meeting's page: who, where, what was raised and assigned, next to
the report with every extracted passage highlighted."""

from __future__ import annotations

import html

import polars as pl
import streamlit as st
from components import chart, filters, fmt, source, ui
from i18n import t
from resources import run, scoped

SEARCH_LIMIT = 100  # meetings listed; a full page means there may be more

lang = st.session_state.get("lang", "vi")
ui.require_database(lang)
f = filters.current()
p = f.params


def _back() -> None:
    ui.set_url_state("meeting", None)
    st.session_state.pop("mt_results", None)


def detail(meeting_id: str, query: str | None) -> None:
    frame = run("meetings/detail", meeting_id=meeting_id)
    if frame.is_empty():
        st.warning(t("meetings.not_found", lang))
        return
    m = frame.row(0, named=True)
    st.button(t("meetings.back", lang), icon=":material/arrow_back:", on_click=_back, key="mt_back")
    st.title(m["title"] or t("meetings.untitled", lang))
    if m["origin"] == "sample":
        st.markdown(f'<span class="gb-sample">{html.escape(t("sample.badge", lang))}</span>', unsafe_allow_html=True)
    place = m["locality"] or t("activity.unknown_place", lang)
    if m["province_current"] and m["province_current"] != m["province_recorded"]:
        place += " · " + t("meetings.now_in", lang, province=m["province_current"])
    facts = {
        t("col.held_on", lang): fmt.day(m["held_on"]),
        t("col.level", lang): t(f"level.{m['level']}", lang) if m["level"] else "–",
        t("col.locality", lang): place,
        t("col.host", lang): m["host_body"] or "–",
        t("col.kind", lang): t(f"kind.{m['kind']}", lang),
        t("col.period_reviewed", lang): m["period_label"] or "–",
        t("col.origin", lang): t(f"origin.{m['origin']}", lang),
    }
    st.markdown("  \n".join(f"**{k}:** {html.escape(str(v))}" for k, v in facts.items()))
    people, orgs = st.columns(2)
    with people:
        st.subheader(t("meetings.people", lang))
        ppl = ui.translate(run("meetings/people", meeting_id=meeting_id), "role", "role", lang)
        if ppl.is_empty():
            st.caption(t("meetings.none", lang))
        else:
            ui.table(
                ppl,
                {"role": t("col.role", lang), "name": t("col.name", lang), "title": t("col.title", lang)},
                "mt_people",
            )
    with orgs:
        st.subheader(t("meetings.orgs", lang))
        org = ui.translate(run("meetings/orgs", meeting_id=meeting_id), "role", "role", lang)
        if org.is_empty():
            st.caption(t("meetings.none", lang))
        else:
            ui.table(org, {"role": t("col.role", lang), "name": t("col.organisation", lang)}, "mt_orgs")
    items = run("meetings/items", meeting_id=meeting_id)
    st.subheader(t("meetings.items", lang, n=items.height))
    doc = run("meetings/document", meeting_id=meeting_id)
    spans = [(r["span_start"], r["span_end"]) for r in items.to_dicts() if r["span_start"] is not None]
    left, right = st.columns([1, 1]) if not doc.is_empty() else (st.container(), None)
    with left:
        if items.is_empty():
            st.caption(t("meetings.none", lang))
        else:
            shown = items.with_columns(
                status=pl.struct("item_type", "status").map_elements(
                    lambda r: t(f"{'status' if r['item_type'] == 'recommendation' else 'outcome'}.{r['status']}", lang),
                    return_dtype=str,
                ),
                themes=pl.col("themes_en" if lang == "en" else "themes_vi"),
            )
            shown = ui.translate(shown, "item_type", "item", lang)
            icols = {
                "item_type": t("col.item_type", lang),
                "text": t("col.text", lang),
                "organisation": t("col.organisation", lang),
                "status": t("col.status", lang),
                "themes": t("col.themes", lang),
            }
            row = ui.table(
                shown, icols, "mt_items", select=True, config={"text": st.column_config.TextColumn(width="large")}
            )
            chart.downloads("muc-cuoc-hop", lang, lambda: chart.export_frame(shown, icols), None, "mt_items_dl")
            if row:
                kind = "recommendation" if row["item_type"] == t("item.recommendation", lang) else "directive"
                source.show(kind, row["item_id"], lang, "mt_src")
    if right is not None:
        with right:
            d = doc.row(0, named=True)
            st.markdown(f"**{t('meetings.source_text', lang)}** · {html.escape(d['title'] or '')}")
            st.caption(t("meetings.highlight_help", lang))
            st.markdown(
                f'<div class="gb-doc" data-testid="gb-document">{source.highlighted(d["text"], spans, query)}</div>',
                unsafe_allow_html=True,
            )
            if d["url"]:
                st.link_button(t("source.open_original", lang), d["url"], icon=":material/open_in_new:")
    elif m["origin"] == "sample":
        st.caption(t("sample.no_source", lang))


def archive(query: str | None, sample: bool) -> None:
    results = scoped("meetings/search", p, q=query, limit=SEARCH_LIMIT)
    if results.is_empty():
        ui.empty(lang, "empty.search" if query else "empty.filters")
        return
    results = ui.translate(ui.translate(results, "kind", "kind", lang), "level", "level", lang)
    results = ui.translate(results.with_columns(origin_label=pl.col("origin")), "origin_label", "origin", lang)
    cols = {
        "held_on": t("col.held_on", lang),
        "title": t("col.title_meeting", lang),
        "locality": t("col.locality", lang),
        "level": t("col.level", lang),
        "kind": t("col.kind", lang),
        "recommendations": t("col.recommendations", lang),
        "directives": t("col.directives", lang),
        "origin_label": t("col.origin", lang),
    }
    if query:
        cols["score"] = t("col.score", lang)
    capped = results.height >= SEARCH_LIMIT  # the query's limit: there may be more
    key = ("count_search_capped" if capped else "count_search") if query else "count_all"
    st.caption(t(f"meetings.{key}", lang, n=fmt.number(results.height, lang), q=query or ""))
    row = ui.table(
        results,
        cols,
        "mt_results",
        select=True,
        height=460,
        config={"held_on": ui.date_column(cols["held_on"]), "title": st.column_config.TextColumn(width="large")},
    )
    chart.downloads("cuoc-hop", lang, lambda: chart.export_frame(results, cols), None, "mt_results_dl")
    st.caption(
        t("meetings.pick_row", lang) + (" " + t("sample.badge", lang) + ": " + t("sample.note", lang) if sample else "")
    )
    if row:
        ui.set_url_state("meeting", row["meeting_id"])
        st.rerun()


query = ui.url_state("q")
meeting = ui.url_state("meeting")
if not meeting:
    sample = ui.header("meetings.title", lang, f, "meetings.intro")
    typed = st.text_input(
        t("meetings.search", lang),
        value=query or "",
        placeholder=t("meetings.search_hint", lang),
        key="mt_q",
        icon=":material/search:",
    )
    if (typed or None) != query:
        ui.set_url_state("q", typed or None)
        query = typed or None
ui.sync_url("q", "meeting")
if meeting:
    detail(meeting, query)
else:
    archive(query, sample)
