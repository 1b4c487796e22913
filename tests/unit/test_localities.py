"""Localities: the 63 → 34 provinces, Bắc Giang in full, name resolution, the generator script."""

from __future__ import annotations

import importlib.util
import re
from datetime import date

import polars as pl
import pytest

from giaoban.config import ROOT
from giaoban.localities import COLUMNS, LocalityRegistry, read_localities, slugify

DATA = ROOT / "data"
BEFORE, AFTER = date(2025, 6, 30), date(2025, 7, 1)

# DOMAIN.md §5: the merged provinces keep one old name.
MERGES = {
    "tuyen-quang-2025": {"tuyen-quang", "ha-giang"},
    "lao-cai-2025": {"lao-cai", "yen-bai"},
    "thai-nguyen-2025": {"thai-nguyen", "bac-kan"},
    "phu-tho-2025": {"phu-tho", "vinh-phuc", "hoa-binh"},
    "bac-ninh-2025": {"bac-ninh", "bac-giang"},
    "hung-yen-2025": {"hung-yen", "thai-binh"},
    "hai-phong-2025": {"hai-phong", "hai-duong"},
    "ninh-binh-2025": {"ninh-binh", "ha-nam", "nam-dinh"},
    "quang-tri-2025": {"quang-tri", "quang-binh"},
    "da-nang-2025": {"da-nang", "quang-nam"},
    "quang-ngai-2025": {"quang-ngai", "kon-tum"},
    "gia-lai-2025": {"gia-lai", "binh-dinh"},
    "khanh-hoa-2025": {"khanh-hoa", "ninh-thuan"},
    "lam-dong-2025": {"lam-dong", "dak-nong", "binh-thuan"},
    "dak-lak-2025": {"dak-lak", "phu-yen"},
    "ho-chi-minh-2025": {"ho-chi-minh", "binh-duong", "ba-ria-vung-tau"},
    "dong-nai-2025": {"dong-nai", "binh-phuoc"},
    "tay-ninh-2025": {"tay-ninh", "long-an"},
    "can-tho-2025": {"can-tho", "soc-trang", "hau-giang"},
    "vinh-long-2025": {"vinh-long", "ben-tre", "tra-vinh"},
    "dong-thap-2025": {"dong-thap", "tien-giang"},
    "ca-mau-2025": {"ca-mau", "bac-lieu"},
    "an-giang-2025": {"an-giang", "kien-giang"},
}
UNCHANGED = {"ha-noi", "hue", "lai-chau", "dien-bien", "son-la", "lang-son", "quang-ninh", "thanh-hoa", "nghe-an"}
UNCHANGED |= {"ha-tinh", "cao-bang"}


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return read_localities(DATA)


@pytest.fixture(scope="module")
def reg(frame: pl.DataFrame) -> LocalityRegistry:
    return LocalityRegistry(frame)


def test_file_shape(frame: pl.DataFrame) -> None:
    assert tuple(frame.columns) == COLUMNS
    assert frame["locality_id"].is_unique().all()
    ids = set(frame["locality_id"])
    assert set(frame["parent_id"].drop_nulls()) <= ids
    assert set(frame["successor_id"].drop_nulls()) <= ids
    for locality_id, parent in frame.select("locality_id", "parent_id").iter_rows():
        assert re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*", locality_id)
        if parent and parent != "viet-nam":
            assert locality_id.startswith(parent + "/")


def test_63_then_34_provinces(reg: LocalityRegistry) -> None:
    before, after = set(reg.units("province", BEFORE)), set(reg.units("province", AFTER))
    assert len(before) == 63
    assert len(after) == 34
    assert before & after == UNCHANGED
    for new_id, olds in MERGES.items():
        assert new_id in after
        assert olds <= before
        for old in olds:
            assert reg.get(old).valid_to == BEFORE
            assert reg.get(old).successor_id == new_id
        assert reg.get(new_id).valid_from == AFTER


def test_every_merged_province_has_a_successor_from_july_2025(reg: LocalityRegistry) -> None:
    for province in reg.units("province", BEFORE):
        unit = reg.get(province)
        if unit.valid_to is None:
            continue
        successor = reg.get(unit.successor_id)
        assert successor.level == "province"
        assert successor.valid_from == AFTER


def test_historic_provinces(reg: LocalityRegistry) -> None:
    ha_tay = reg.get("ha-tay")
    assert (ha_tay.valid_to, ha_tay.successor_id) == (date(2008, 7, 31), "ha-noi")
    tth = reg.get("thua-thien-hue")
    assert (tth.valid_to, tth.successor_id) == (date(2024, 12, 31), "hue")
    assert reg.get("hue").valid_from == date(2025, 1, 1)


def test_bac_giang_districts_and_communes(reg: LocalityRegistry) -> None:
    districts = reg.children("bac-giang")
    assert len(districts) == 10
    assert "bac-giang/huyen-yen-the" in districts
    communes = [c for d in districts for c in reg.children(d)]
    assert len(communes) >= 150
    for district in districts:
        assert reg.get(district).level == "district"
        assert reg.get(district).valid_to == BEFORE
    for commune in communes:
        unit = reg.get(commune)
        assert unit.level == "commune" and unit.valid_to == BEFORE
        successor = reg.get(unit.successor_id)
        assert successor.parent_id == "bac-ninh-2025"
        assert successor.valid_from == AFTER
    assert reg.get("bac-giang/huyen-yen-the/xa-an-thuong").successor_id == "bac-ninh-2025/xa-tam-tien"
    assert len(reg.children("bac-ninh-2025")) >= 40


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        ("tỉnh Bắc Giang", {}, "bac-giang"),
        ("Bắc Giang", {}, "bac-giang"),
        ("Bắc Giang", {"level": "province", "on_date": date(2025, 8, 1)}, None),
        ("TP. Hồ Chí Minh", {"on_date": date(2024, 1, 1)}, "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", {}, "ho-chi-minh-2025"),
        ("TP HCM", {"on_date": date(2025, 8, 1)}, "ho-chi-minh-2025"),
        ("Huế", {}, "hue"),
        ("Huế", {"on_date": date(2020, 5, 1)}, "thua-thien-hue"),
        ("Bắc Ninh", {"on_date": date(2024, 5, 1)}, "bac-ninh"),
        ("Bắc Ninh", {"on_date": date(2025, 9, 1)}, "bac-ninh-2025"),
        ("thành phố Bắc Giang", {}, "bac-giang/thanh-pho-bac-giang"),
        ("huyện Yên Thế", {}, "bac-giang/huyen-yen-the"),
        ("Yên Thế", {"level": "commune", "on_date": date(2025, 9, 1)}, "bac-ninh-2025/xa-yen-the"),
        ("Hoà Bình", {}, "hoa-binh"),
        ("Đắc Lắc", {"on_date": date(2024, 1, 1)}, "dak-lak"),
        ("huyện Bắc Giang", {}, None),
        ("Atlantis", {}, None),
    ],
)
def test_resolve(reg: LocalityRegistry, name: str, kwargs: dict, expected: str | None) -> None:
    assert reg.resolve(name, **kwargs) == expected


def test_province_of_and_current_province(reg: LocalityRegistry) -> None:
    commune = "bac-giang/huyen-yen-the/xa-an-thuong"
    assert reg.province_of(commune) == "bac-giang"
    assert reg.current_province(commune) == "bac-ninh-2025"
    assert reg.current_province("bac-ninh-2025/xa-tam-tien") == "bac-ninh-2025"
    assert reg.current_province("ha-tay") == "ha-noi"
    assert reg.current_province("thua-thien-hue") == "hue"
    assert reg.current_province("viet-nam") is None
    assert reg.phrase("bac-giang") == "tỉnh Bắc Giang"
    assert reg.phrase("bac-giang/huyen-yen-the") == "huyện Yên Thế"


def test_slugify() -> None:
    assert slugify("Huyện Yên Thế") == "huyen-yen-the"
    assert slugify("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau"
    assert slugify("Đắk Lắk") == "dak-lak"


@pytest.fixture(scope="module")
def full() -> pl.DataFrame:
    return read_localities(DATA, full=True)


def test_full_file_is_a_superset(frame: pl.DataFrame, full: pl.DataFrame) -> None:
    assert tuple(full.columns) == COLUMNS
    assert full["locality_id"].is_unique().all()
    joined = frame.join(full, on="locality_id", how="left", suffix="_full", nulls_equal=True)
    for column in COLUMNS[1:]:
        assert joined[column].eq_missing(joined[f"{column}_full"]).all(), column
    counts = full.group_by("level").len().to_dict(as_series=False)
    by_level = dict(zip(counts["level"], counts["len"], strict=True))
    assert by_level["district"] >= 690
    assert by_level["commune"] >= 10_035 + 3_321
    old_communes = full.filter((pl.col("level") == "commune") & pl.col("valid_to").is_not_null())
    assert old_communes["successor_id"].null_count() == 0


def test_generator_is_deterministic_and_matches_the_files() -> None:
    spec = importlib.util.spec_from_file_location("make_localities", ROOT / "scripts" / "make_localities.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    full_rows, demo_rows = module.build(module.package_dir())
    assert module.to_csv(demo_rows) == (DATA / "localities.csv").read_text(encoding="utf-8")
    assert len(full_rows) == read_localities(DATA, full=True).height
