"""The sidebar filters every page shares, kept in the URL so a copied link reopens the same view.

The filter values live in one dict in session state (``gb_filters``); on a session's first run
they are read from the query string, and every run writes them back (only those that differ from
the default, so a plain link stays plain). Page switches clear the query string; the router puts
the filters back on the next run. Widget keys are separate from the dict and synced through
callbacks, because a period slider's options change with the granularity.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any

import streamlit as st
from i18n import t
from resources import run

from components import fmt

STATE = "gb_filters"
LEVELS = ("province", "district", "commune")
URL_KEYS = ("from", "to", "grain", "level", "province", "harm", "org", "theme")


@dataclass(frozen=True)
class Filters:
    date_from: dt.date
    date_to: dt.date
    grain: str
    level: str | None = None
    province: str | None = None
    harmonised: bool = False
    family: str | None = None
    theme: str | None = None

    @property
    def params(self) -> dict[str, Any]:
        """The named-query parameters these filters set (queries take the ones they declare)."""
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "grain": self.grain,
            "level": self.level,
            "province": self.province,
            "harmonised": self.harmonised,
            "family": self.family,
            "theme": self.theme,
        }


def _defaults(snapshot: dict) -> dict[str, Any]:
    last = snapshot.get("last_meeting") or dt.date.today()
    return {
        "from": dt.date(last.year, 1, 1),
        "to": dt.date(last.year, 12, 31),
        "grain": "quarter",
        "level": None,
        "province": None,
        "harm": False,
        "org": None,
        "theme": None,
    }


def _parse(key: str, text: str) -> Any:
    if key in ("from", "to"):
        return dt.date.fromisoformat(text)
    if key == "harm":
        return text in ("1", "true", "yes")
    if key == "grain" and text not in fmt.GRAINS:
        raise ValueError(text)
    if key == "level" and text not in LEVELS:
        raise ValueError(text)
    return text or None


def _from_url(defaults: dict[str, Any]) -> dict[str, Any]:
    state = dict(defaults)
    for key in URL_KEYS:
        if key in st.query_params:
            # a mangled link falls back to the default for that filter
            with contextlib.suppress(ValueError):
                state[key] = _parse(key, st.query_params[key])
    if state["from"] > state["to"]:
        state["from"], state["to"] = state["to"], state["from"]
    return state


def _to_url(state: dict[str, Any], defaults: dict[str, Any]) -> None:
    for key in URL_KEYS:
        value = state[key]
        if value == defaults[key] or value is None:
            if key in st.query_params:
                del st.query_params[key]
            continue
        text = value.isoformat() if isinstance(value, dt.date) else ("1" if value is True else str(value))
        if st.query_params.get(key) != text:
            st.query_params[key] = text


def _sync(widget_key: str, state_key: str) -> None:
    st.session_state[STATE][state_key] = st.session_state[widget_key] or None


_TRANSLATED = "gb_translated_widgets"


def translated(key: str) -> str:
    """Mark a keyed choice widget whose option labels are translated, and return its key.

    Streamlit keeps the label a choice last showed; after a language switch that label names no
    option, and the widget hands back the label itself (the filters then read "Tất cả" as a
    province and every page comes up empty). ``forget_translated_widgets`` drops the marked ones."""
    st.session_state.setdefault(_TRANSLATED, set()).add(key)
    return key


def forget_translated_widgets() -> None:
    """On a language switch: drop the marked widgets, so each is drawn again from the filters'
    state (the sidebar) or its default (a page's own choices)."""
    for key in st.session_state.get(_TRANSLATED, set()):
        st.session_state.pop(key, None)


def _widget(key: str, value: Any) -> str:
    if key not in st.session_state:
        st.session_state[key] = value
    return key


def _period(state: dict, snapshot: dict, lang: str) -> None:
    grain = state["grain"]
    first = snapshot.get("first_meeting") or state["from"]
    last = max(snapshot.get("last_meeting") or state["to"], state["to"])
    options = fmt.periods(min(first, state["from"]), last, grain)
    start = fmt.period_start(state["from"], grain)
    end = fmt.period_start(state["to"], grain)
    # The key names the current range: after a change the next run draws a fresh slider at the new
    # range (a range slider cannot take its value from session state before it first exists).
    chosen = st.sidebar.select_slider(
        t("filter.period", lang),
        options=options,
        value=(start, end),
        key=translated(f"w_period_{grain}_{start}_{end}"),
        format_func=lambda d: fmt.period_label(d, grain, lang),
    )
    if tuple(chosen) != (start, end):
        state["from"], state["to"] = chosen[0], fmt.period_end(chosen[1], grain)
    # one click for a whole year: at month level eleven years share the slider's ~230 px
    years = list(range(first.year, last.year + 1))[-6:]
    whole = [y for y in years if (state["from"], state["to"]) == (dt.date(y, 1, 1), dt.date(y, 12, 31))]
    st.session_state["w_year"] = whole[0] if whole else None
    st.sidebar.pills(t("filter.year", lang), years, key="w_year", on_change=_pick_year)


def _pick_year() -> None:
    year = st.session_state.get("w_year")
    if year:  # clicking the chosen year again keeps the range
        st.session_state[STATE]["from"], st.session_state[STATE]["to"] = dt.date(year, 1, 1), dt.date(year, 12, 31)


def _grain(state: dict, lang: str) -> None:
    def changed() -> None:
        value = st.session_state["w_grain"] or state["grain"]
        st.session_state[STATE]["grain"] = value
        st.session_state[STATE]["from"] = fmt.period_start(state["from"], value)
        st.session_state[STATE]["to"] = fmt.period_end(fmt.period_start(state["to"], value), value)

    st.sidebar.segmented_control(
        t("filter.grain", lang),
        fmt.GRAINS,
        key=translated(_widget("w_grain", state["grain"])),
        format_func=lambda g: t(f"grain.{g}", lang),
        on_change=changed,
    )


def _select(label: str, options: list, labels: dict, key: str, state_key: str, lang: str) -> None:
    """A selectbox whose first choice, "" (shown as "Tất cả"), means no filter. A value that is not
    one of the options (a hand-edited link, a province of the other mode) is dropped."""
    allowed = ["", *options]
    value = st.session_state[STATE][state_key] or ""
    if value not in allowed:
        st.session_state[STATE][state_key] = None
        value = ""
    if st.session_state.get(key, value) not in allowed:
        del st.session_state[key]
    st.sidebar.selectbox(
        label,
        allowed,
        key=translated(_widget(key, value)),
        format_func=lambda v: t("filter.all", lang) if v == "" else labels.get(v, v),
        on_change=_sync,
        args=(key, state_key),
    )


def province_label(row: dict, lang: str) -> str:
    """Merged provinces are told apart by their dates: "Bắc Ninh (đến 6/2025)", "Bắc Ninh (từ 7/2025)"."""
    if row["valid_to"]:
        return row["name"] + t("filter.until", lang, m=row["valid_to"].month, y=row["valid_to"].year)
    start = row["valid_from"]
    if start and (row["name_repeats"] or start.year >= 2025):
        return row["name"] + t("filter.since", lang, m=start.month, y=start.year)
    return row["name"]


def _place(state: dict, lang: str) -> None:
    def harm_changed() -> None:
        harmonised = st.session_state["w_harm"]
        current = {r["province_id"]: r["current_province_id"] for r in run("filters/provinces").to_dicts()}
        province = st.session_state[STATE]["province"]
        st.session_state[STATE]["harm"] = harmonised
        st.session_state[STATE]["province"] = current.get(province) if harmonised else None
        st.session_state.pop("w_province", None)

    st.sidebar.toggle(
        t("filter.harmonised", lang),
        key=_widget("w_harm", state["harm"]),
        on_change=harm_changed,
        help=t("filter.harmonised_help", lang),
    )
    rows = run("filters/provinces", harmonised=state["harm"]).to_dicts()
    labels = {r["province_id"]: province_label(r, lang) for r in rows}
    _select(t("filter.province", lang), list(labels), labels, "w_province", "province", lang)


def sidebar(lang: str) -> Filters:
    """Draw the filters in the sidebar and return them; the query string follows every change."""
    snapshot = (run("filters/snapshot").to_dicts() or [{}])[0]
    defaults = _defaults(snapshot)
    if STATE not in st.session_state:
        st.session_state[STATE] = _from_url(defaults)
    state = st.session_state[STATE]
    st.sidebar.subheader(t("filter.title", lang))
    _grain(state, lang)
    _period(state, snapshot, lang)
    levels = {lv: t(f"level.{lv}", lang) for lv in LEVELS}
    _select(t("filter.level", lang), list(levels), levels, "w_level", "level", lang)
    _place(state, lang)
    orgs = run("filters/organisations").to_dicts()
    # the short name the charts use, with the full name for the acronyms ("TTĐU — Thường trực Đảng ủy")
    org_labels = {r["family"]: _org_label(r["family_short"], r["family_name"]) for r in orgs if r["family"]}
    _select(t("filter.organisation", lang), list(org_labels), org_labels, "w_org", "org", lang)
    themes = run("filters/themes").to_dicts()
    theme_labels = {r["theme_id"]: r["label_en" if lang == "en" else "label_vi"] for r in themes}
    _select(t("filter.theme", lang), list(theme_labels), theme_labels, "w_theme", "theme", lang)
    if st.sidebar.button(t("filter.reset", lang), icon=":material/filter_alt_off:", width="stretch"):
        st.session_state[STATE] = dict(defaults)
        for key in [k for k in st.session_state if str(k).startswith("w_")]:
            del st.session_state[key]
        st.rerun()
    _to_url(state, defaults)
    return current()


def _org_label(short: str, name: str) -> str:
    return short if short == name else f"{short} — {name}"


def current() -> Filters:
    s = st.session_state[STATE]
    return Filters(s["from"], s["to"], s["grain"], s["level"], s["province"], s["harm"], s["org"], s["theme"])
