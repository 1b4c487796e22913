"""The five real seed reports extract correctly, field by field against the hand-made gold, and
their full JSON matches a committed snapshot (regenerate with UPDATE_SNAPSHOTS=1 after a reviewed
change).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from giaoban.extract.compare import name_key, pair_items, same_org
from giaoban.extract.pipeline import default_extractor

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))
SNAPSHOTS = ROOT / "tests" / "snapshots"
CONTRACT = {"meeting", "chairs", "attendees", "organisations", "recommendations", "directives", "themes", "warnings"}
MEETING_KEYS = {"held_on", "date_basis", "level", "locality", "host_body", "kind", "title", "period"}


def _extract(path: Path) -> dict:
    _, record = default_extractor().extract_file(path)
    return json.loads(json.dumps(record.to_json()))


def _gold(index: int) -> dict:
    return json.loads((ROOT / "tests" / "gold" / f"seed_{index:03d}.gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("index", range(5))
def test_seed_meeting_fields(index):
    got, gold = _extract(SEEDS[index])["meeting"], _gold(index)["meeting"]
    assert set(got) >= MEETING_KEYS
    for key in ("held_on", "date_basis", "level", "kind", "host_body"):
        assert got[key] == gold[key], key
    assert (got["period"] or {}).get("start") == (gold["period"] or {}).get("start")
    assert (got["period"] or {}).get("end") == (gold["period"] or {}).get("end")


@pytest.mark.parametrize("index", range(5))
def test_seed_people_and_organisations(index):
    got, gold = _extract(SEEDS[index]), _gold(index)
    for role in ("chairs", "attendees"):
        assert {name_key(p["name"]): name_key(p["title"]) for p in got[role]} == {
            name_key(p["name"]): name_key(p["title"]) for p in gold[role]
        }, role
    got_orgs, gold_orgs = {o["org_id"] for o in got["organisations"]}, {o["org_id"] for o in gold["organisations"]}
    assert len(got_orgs & gold_orgs) >= 0.8 * len(gold_orgs | got_orgs), (got_orgs, gold_orgs)


@pytest.mark.parametrize("index", range(5))
def test_seed_items(index):
    got, gold = _extract(SEEDS[index]), _gold(index)
    for key, kind in (("recommendations", "rec"), ("directives", "dir")):
        pairs = pair_items(got[key], gold[key])
        assert len(pairs) == len(gold[key]) == len(got[key]), key
        assert all(same_org(got[key][i], gold[key][j], kind) for i, j in pairs), key


@pytest.mark.parametrize("index", range(5))
def test_seed_snapshot_and_spans(index):
    data = _extract(SEEDS[index])
    assert set(data) >= CONTRACT
    text = default_extractor().extract_file(SEEDS[index])[0].text
    for item in data["recommendations"] + data["directives"]:
        start, end = item["span"]
        assert text[start:end] == item["text"]  # provenance: the span is the source sentence
    snapshot = SNAPSHOTS / f"{SEEDS[index].stem}.json"
    rendered = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.write_text(rendered, encoding="utf-8")
    assert rendered == snapshot.read_text(encoding="utf-8"), "extraction changed; review, then UPDATE_SNAPSHOTS=1"
