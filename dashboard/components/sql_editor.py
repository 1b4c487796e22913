"""The SQL editor: Ace (streamlit-code-editor) with SQL highlighting, kept in step with the server.

Three facts drive the design:
- the component reports its text and cursor only on events, each with a fresh id, and returns the
  last event on every rerun; so an event is applied once, by id. Only two events are asked for:
  leaving the editor (so a click on a button outside sees the text and cursor) and Ctrl+Enter.
  Reporting on typing pauses too would race: a pause reported just after Ctrl+Enter replaces the
  run request before the server reads it;
- the component replaces its text only when its ``code`` argument changes, so ``code`` is what the
  server last *pushed* (opening a query, inserting a name), never what the analyst typed: echoing
  typed text back would reset the editor mid-keystroke;
- pushing the same text twice does not change ``code``: then the component is remounted under a new
  key.
State: ``sql_text`` (the current SQL), ``sql_cursor`` (a Cursor or None), ``sql_pushed``,
``sql_editor_key`` and ``sql_event_seen``.
"""

from __future__ import annotations

import streamlit as st
from code_editor import code_editor

from giaoban.text_insert import Cursor, insert_at

TEXT = "sql_text"
CURSOR = "sql_cursor"
_PUSHED = "sql_pushed"
_KEY = "sql_editor_key"
_SEEN = "sql_event_seen"
_RUN = "sql_run_asked"


def current_sql() -> str:
    """The SQL as of the last applied editor event (``draw`` and ``insert`` apply them)."""
    return st.session_state.get(TEXT, "")


def push(sql: str, cursor: Cursor | None = None) -> None:
    """Replace the editor's text (callbacks only: before the editor is drawn in this run)."""
    state = st.session_state
    state[TEXT] = sql
    state[CURSOR] = cursor or Cursor.end_of(sql)
    if state.get(_PUSHED) == sql:
        state[_KEY] = _next_key(state.get(_KEY))
    state[_PUSHED] = sql


def insert(snippet: str) -> None:
    """Put ``snippet`` at the analyst's last cursor (callbacks only)."""
    sync()  # a click outside the editor arrives with its last text and cursor, maybe not applied yet
    text, cursor = insert_at(current_sql(), st.session_state.get(CURSOR), snippet)
    push(text, cursor)


def sync() -> None:
    """Apply the editor's newest event to the state, once; a run asked in it waits for ``draw``."""
    state = st.session_state
    event = state.get(state.get(_KEY, ""))
    if not isinstance(event, dict) or not event.get("id") or event["id"] == state.get(_SEEN):
        return
    state[_SEEN] = event["id"]
    state[TEXT] = str(event.get("text", ""))
    state[CURSOR] = Cursor.parse(event.get("cursor"))
    if event.get("type") == "submit":
        state[_RUN] = True


# Monospace fonts with every Vietnamese letter, italic included (comments are italic): the editor's
# default drew "ố", "ế" as "ô´", "ê´". Consolas and Courier New on Windows, the others on Linux.
_FONTS = "Consolas, 'Liberation Mono', 'DejaVu Sans Mono', 'Noto Sans Mono', 'Courier New', monospace"


def draw(placeholder: str, completions: list[dict[str, object]]) -> bool:
    """Draw the editor; True when the analyst pressed Ctrl+Enter in it.

    Completion opens on Ctrl+Space only: a live pop-up would swallow Enter and Ctrl+Enter.
    """
    state = st.session_state
    state.setdefault(_KEY, _next_key(None))
    state.setdefault(_PUSHED, state.get(TEXT, ""))
    code_editor(
        state[_PUSHED],
        lang="sql",
        key=state[_KEY],
        height=[6, 22],
        allow_reset=True,
        response_mode="blur",
        ghost_text=placeholder,
        completions=completions,
        options={"wrap": True, "showLineNumbers": True, "tabSize": 2, "useSoftTabs": True, "fontFamily": _FONTS},
        props={"enableLiveAutocompletion": False, "enableBasicAutocompletion": True},
    )
    sync()
    return bool(state.pop(_RUN, False))


def _next_key(key: str | None) -> str:
    number = int(key.rsplit("_", 1)[1]) + 1 if key else 0
    return f"sql_editor_{number}"
