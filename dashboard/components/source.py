"""The evidence for one recommendation or directive: the sentence of the report it was read from,
with the extracted words highlighted, and the whole report a click away. Items typed into a
spreadsheet or generated as sample data have no report; their own text is shown, labelled."""

from __future__ import annotations

import html

import streamlit as st
from i18n import t
from resources import run

from components import fmt
from giaoban.search import Piece, pieces, sentence_around, word_spans


def marked_html(text_pieces: list[Piece], query_spans: set[tuple[int, int]] | None = None) -> str:
    out = []
    for piece in text_pieces:
        escaped = html.escape(piece.text)
        out.append(f"<mark>{escaped}</mark>" if piece.marked else escaped)
    return "".join(out)


def highlighted(text: str, spans: list[tuple[int, int]], query: str | None = None) -> str:
    """HTML of ``text`` with extracted ``spans`` in yellow and the search words in blue."""
    words = word_spans(text, query)
    marks = sorted([(s, e, "") for s, e in spans] + [(s, e, "gb-q") for s, e in words])
    out, at = [], 0
    for start, end, css in marks:
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        cls = f' class="{css}"' if css else ""
        out.append(f"<mark{cls}>{html.escape(text[start:end])}</mark>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def show(item_type: str, item_id: str, lang: str, key: str) -> None:
    """Render the source of one item (called after a drill-down selected it)."""
    frame = run("items/source", item_type=item_type, item_id=item_id)
    if frame.is_empty():
        st.info(t("source.missing", lang))
        return
    row = frame.row(0, named=True)
    kind = t(f"item.{item_type}", lang)
    title = html.escape(row["meeting_title"] or "")
    st.markdown(f"**{t('source.title', lang, kind=kind)}** · {title} · {fmt.day(row['held_on'])}")
    text, start, end = row["doc_text"], row["span_start"], row["span_end"]
    if not text or start is None or end is None:
        note = t("sample.no_source", lang) if row["origin"] == "sample" else t("source.no_document", lang)
        st.markdown(f'<div class="gb-source">{html.escape(row["text"])}</div>', unsafe_allow_html=True)
        st.caption(note)
        return
    s, e = sentence_around(text, start, end)
    sentence = marked_html(pieces(text[s:e], [(start - s, end - s)]))
    st.markdown(f'<div class="gb-source" data-testid="gb-source-sentence">{sentence}</div>', unsafe_allow_html=True)
    origin = " · ".join(x for x in (row["doc_title"], row["outlet"], fmt.day(row["published_at"])) if x and x != "–")
    st.caption(t("source.from", lang, doc=origin))
    with st.expander(t("source.full_text", lang)):
        st.markdown(f'<div class="gb-doc">{highlighted(text, [(start, end)])}</div>', unsafe_allow_html=True)
        if row["url"]:
            st.link_button(t("source.open_original", lang), row["url"], icon=":material/open_in_new:")


# item type -> (named query of its status history, the id parameter, the status vocabulary in i18n)
_HISTORY = {  # item type -> (history query, id column, status vocabulary)
    "recommendation": ("recommendations/history", "rec_id", "status"),
    "directive": ("directives/history", "dir_id", "dstatus"),
}


def item_list(
    item_type: str, listing, columns: dict[str, str], dates: tuple[str, ...], key: str, file_name: str, lang: str
) -> None:
    """The list pages' table (dates as dates, long text wide) with its download; a picked row
    opens its status history and source sentence below."""
    from components import chart, ui

    config = {d: ui.date_column(columns[d]) for d in dates} | {"text": st.column_config.TextColumn(width="large")}
    row = ui.table(listing, columns, f"{key}_list", select=True, height=360, config=config)
    chart.downloads(file_name, lang, lambda: chart.export_frame(listing, columns), None, f"{key}_list_dl")
    if row:
        history_and_source(item_type, row[_HISTORY[item_type][1]], lang, key)
    else:
        st.caption(t("recs.pick_row", lang))


def history_and_source(item_type: str, item_id: str, lang: str, key: str) -> None:
    """A picked item's status history beside its source sentence (the list pages' drill-down)."""
    from components import ui

    query, param, vocab = _HISTORY[item_type]
    hist, src = st.columns([2, 3])
    with hist:
        st.markdown(f"**{t('recs.history', lang)}**")
        events = ui.translate(run(query, **{param: item_id}), "status", vocab, lang)
        ui.table(
            events,
            {"happened_on": t("col.date", lang), "status": t("col.status", lang), "note": t("col.note", lang)},
            f"{key}_hist",
            config={"happened_on": ui.date_column(t("col.date", lang))},
        )
    with src:
        show(item_type, item_id, lang, f"{key}_src")
