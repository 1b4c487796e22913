"""Both languages have every string, and every string a page asks for exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


def _strings(lang: str) -> dict[str, str]:
    return json.loads((DASHBOARD / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))


def test_vietnamese_and_english_have_the_same_keys():
    vi, en = _strings("vi"), _strings("en")
    assert set(vi) == set(en), sorted(set(vi) ^ set(en))
    assert all(v.strip() for v in vi.values()) and all(v.strip() for v in en.values())


def test_every_literal_key_used_by_the_pages_exists():
    vi = _strings("vi")
    used = set()
    for path in [*DASHBOARD.glob("app_pages/*.py"), *DASHBOARD.glob("components/*.py"), DASHBOARD / "app.py"]:
        if path.name == "sql.py":
            continue
        used |= set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z0-9_.]+)"', path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in vi)
    assert not missing, missing


def test_every_code_shown_to_people_has_words():
    from giaoban.overrides import DIR_STATUSES, REC_STATUSES

    vi = _strings("vi")
    codes = {
        "status": REC_STATUSES,
        "dstatus": DIR_STATUSES,
        "outcome": ("on_time", "late", "overdue", "open", "cancelled"),
        "level": ("province", "district", "commune"),
        "kind": ("giao_ban", "lam_viec", "hoi_nghi", "so_ket", "tong_ket"),
        "role": ("chair", "attendee", "host", "participant"),
        "origin": ("sample", "extracted", "imported"),
        "load": ("loaded", "skipped", "rejected"),
        "grain": ("month", "quarter", "half", "year"),
        "funnel": ("raised", "answered", "acted", "resolved"),
        "weekday": tuple(str(i) for i in range(7)),
        "month": tuple(str(i) for i in range(1, 13)),
    }
    keys = [f"{prefix}.{code}" for prefix, values in codes.items() for code in values]
    missing = [key for key in keys if key not in vi]
    assert not missing, missing


def test_numbers_read_the_way_each_language_writes_them(monkeypatch):
    import sys

    monkeypatch.syspath_prepend(str(DASHBOARD))
    sys.modules.pop("components.fmt", None)
    from components import fmt

    assert fmt.decimal(1234.56, "vi", 1) == "1.234,6" and fmt.decimal(1234.56, "en", 1) == "1,234.6"
    assert fmt.decimal(0.014, "vi", 2) == "0,01" and fmt.decimal(None, "vi") == "–"
    assert fmt.number(6634, "vi") == "6.634" and fmt.percent(0.732, "vi") == "73,2%"
