"""Theme lexicon: the taxonomy file and multi-label matching on Vietnamese text."""

from __future__ import annotations

import unicodedata

import pytest

from giaoban.config import ROOT
from giaoban.themes import ThemeLexicon, read_themes

DATA = ROOT / "data"
DOMAIN_THEMES = {
    "propaganda",
    "supervision",
    "party_building",
    "grassroots_democracy",
    "elections",
    "voter_dialogue",
    "complaints_land",
    "social_security",
    "poverty_housing",
    "new_rural",
    "merit_families",
    "emulation",
    "unity_ethnic_religion",
    "labour",
    "farmers_economy",
    "youth",
    "women_family",
    "security",
    "health_covid",
    "disaster_relief",
    "environment",
    "digital",
    "admin_reform",
    "restructuring",
    "cadres",
    "funding",
    "congresses",
    "people_diplomacy",
    "anti_corruption",
}


@pytest.fixture(scope="module")
def lexicon() -> ThemeLexicon:
    return ThemeLexicon.from_data_dir(DATA)


def test_taxonomy_file() -> None:
    records = read_themes(DATA)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) >= 29
    assert set(ids) >= DOMAIN_THEMES
    for rec in records:
        assert rec["label_vi"] and rec["label_en"]
        assert 8 <= len(rec["keywords"]) <= 40, rec["id"]
        assert all(unicodedata.is_normalized("NFC", k) for k in rec["keywords"])
        assert rec.get("parent") in (None, *ids)
    keywords = {k for r in records for k in r["keywords"]}
    assert {"BHXH", "GPMB", "CĐS", "NTM", "ANTT"} <= keywords


def _ids(lexicon: ThemeLexicon, text: str) -> list[str]:
    return lexicon.theme_ids(text)


def test_seed_sentences(lexicon: ThemeLexicon) -> None:
    assert _ids(lexicon, "doanh nghiệp nợ đọng BHXH, nợ lương người lao động")[0] == "labour"
    assert set(_ids(lexicon, "kiện toàn chức danh Chủ tịch Hội Liên hiệp thanh niên tỉnh")) >= {"cadres", "youth"}
    assert set(_ids(lexicon, "kinh phí cho đại hội công đoàn")) >= {"funding", "congresses"}
    assert "cadres" in _ids(lexicon, "bố trí sắp xếp vị trí công tác cho một số cán bộ đoàn quá tuổi")
    assert "people_diplomacy" in _ids(lexicon, "làm tốt công tác đối ngoại nhân dân")
    assert "health_covid" in _ids(lexicon, "thực hiện mục tiêu kép vừa phòng, chống dịch Covid-19")


def test_short_words_keep_their_diacritics(lexicon: ThemeLexicon) -> None:
    assert "disaster_relief" in _ids(lexicon, "khắc phục thiệt hại do cơn bão số 3")
    assert "disaster_relief" not in _ids(lexicon, "bảo đảm quyền lợi, bao gồm cả bảo hiểm")
    assert "disaster_relief" not in _ids(lexicon, "cơn bao so 3")  # one folded word is too ambiguous


def test_long_keywords_match_without_diacritics(lexicon: ThemeLexicon) -> None:
    assert _ids(lexicon, "tinh trang no dong bao hiem xa hoi keo dai") == ["labour"]
    assert "new_rural" in _ids(lexicon, "xay dung nong thon moi nang cao")


def test_tone_placement_and_capitals(lexicon: ThemeLexicon) -> None:
    assert "grassroots_democracy" in _ids(lexicon, "tổ hoà giải ở cơ sở")
    assert "labour" in _ids(lexicon, "nợ BHXH")
    assert "labour" not in _ids(lexicon, "mã bhxh")
    assert "complaints_land" in _ids(lexicon, "công tác GPMB dự án")


def test_scores_are_ranked_and_bounded(lexicon: ThemeLexicon) -> None:
    matches = lexicon.match("nợ đọng BHXH, nợ lương, tranh chấp lao động; hỗ trợ kinh phí hoạt động")
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)
    assert matches[0].theme_id == "labour"
    assert matches[0].matched[:2] == ["nợ đọng BHXH", "nợ lương"]
    labour_once = lexicon.match("nợ lương")[0].score
    assert matches[0].score > labour_once
    assert lexicon.match("nợ lương nợ lương nợ lương")[0].score == labour_once
    assert lexicon.match("Hôm nay trời đẹp") == []
    assert lexicon.match("nợ lương", min_score=0.99) == []


def test_labels(lexicon: ThemeLexicon) -> None:
    assert lexicon.label("labour") == "Lao động, việc làm, BHXH"
    assert lexicon.label("labour", "en") == "Labour, wages and social insurance"
