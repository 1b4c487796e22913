"""Small readers for what an AppTest run shows: metrics by label, a table by one of its headers."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def table(at: AppTest, header: str):
    """The first st.dataframe that has a column ``header`` (a pandas frame)."""
    for frame in at.dataframe:
        if header in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with a column {header!r}; tables: {[list(f.value.columns) for f in at.dataframe]}")


def figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)
