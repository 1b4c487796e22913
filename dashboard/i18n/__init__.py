"""UI strings: every label a page shows comes from here (vi by default, en as a switch).

``t(key, **fields)`` looks the key up in the active language and falls back to Vietnamese, so a
missing English string shows Vietnamese rather than a raw key; a test checks both files have the
same keys.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGS = ("vi", "en")
HERE = Path(__file__).parent


@cache
def strings(lang: str) -> dict[str, str]:
    return json.loads((HERE / f"{lang}.json").read_text(encoding="utf-8"))


def t(key: str, lang: str = "vi", **fields: object) -> str:
    text = strings(lang).get(key) or strings("vi").get(key) or key
    return text.format(**fields) if fields else text
