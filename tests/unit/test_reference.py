"""Loading the reference files into DuckDB: counts, idempotence, and errors that name the row."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from giaoban.config import ROOT
from giaoban.db import apply_schema, fetch
from giaoban.localities import LocalityRegistry
from giaoban.orgs import OrgRegistry
from giaoban.reference import load_reference
from giaoban.text import match_key
from giaoban.themes import ThemeLexicon, read_themes

DATA = ROOT / "data"
FILES = ("localities.csv", "organisations.csv", "org_aliases.csv", "themes.yaml")


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    apply_schema(connection)
    yield connection
    connection.close()


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return fetch(con, f"SELECT count(*) AS n FROM {table}")["n"][0]


def test_load_counts_and_idempotence(con: duckdb.DuckDBPyConnection) -> None:
    counts = load_reference(con, DATA)
    assert counts["localities"] == pl.read_csv(DATA / "localities.csv").height
    assert counts["organisations"] == pl.read_csv(DATA / "organisations.csv").height
    assert counts["themes"] == len(read_themes(DATA))
    assert 150 <= counts["org_aliases"] <= pl.read_csv(DATA / "org_aliases.csv").height
    tables = {t: _count(con, t) for t in counts}
    assert tables == counts
    assert load_reference(con, DATA) == counts
    assert {t: _count(con, t) for t in counts} == tables


def test_loaded_values(con: duckdb.DuckDBPyConnection) -> None:
    load_reference(con, DATA)
    aliases = fetch(con, "SELECT alias, alias_folded FROM org_aliases")
    assert all(match_key(a) == f for a, f in aliases.iter_rows())
    keywords = fetch(con, "SELECT keywords FROM themes WHERE theme_id = 'labour'")["keywords"][0]
    assert "nợ lương" in list(keywords)
    bdv = fetch(con, "SELECT valid_to FROM organisations WHERE org_id = 'ban_dan_van'")["valid_to"][0]
    assert str(bdv) == "2025-02-28"
    view = fetch(
        con,
        "SELECT province_id, current_province_id FROM locality_province "
        "WHERE locality_id = 'bac-giang/huyen-yen-the/xa-an-thuong'",
    )
    assert view.row(0) == ("bac-giang", "bac-ninh-2025")


def test_registries_from_db(con: duckdb.DuckDBPyConnection) -> None:
    load_reference(con, DATA)
    assert OrgRegistry.from_db(con).resolve("Hội LHPN tỉnh") == "hlhpn"
    assert LocalityRegistry.from_db(con).current_province("bac-giang") == "bac-ninh-2025"
    assert ThemeLexicon.from_db(con).theme_ids("nợ lương") == ["labour"]


def test_full_localities(con: duckdb.DuckDBPyConnection) -> None:
    counts = load_reference(con, DATA, full_localities=True)
    assert counts["localities"] > 14_000
    assert _count(con, "localities") == counts["localities"]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "localities.csv",
            "bac-giang/huyen-yen-the,Huyện Yên Thế,huyện,district,bac-giang,",
            "bac-giang/huyen-yen-the,Huyện Yên Thế,huyện,district,bac-giangg,",
            r"localities\.csv: row \d+ \(line \d+\), column parent_id: unknown parent_id 'bac-giangg'",
        ),
        (
            "localities.csv",
            "ha-tay,Hà Tây,tỉnh,province,viet-nam,,2008-07-31",
            "ha-tay,Hà Tây,tỉnh,province,viet-nam,,2008-31-07",
            r"localities\.csv: row \d+ .*column valid_to: bad date '2008-31-07'",
        ),
        (
            "localities.csv",
            "ha-tay,Hà Tây",
            "ha-noi,Hà Tây",
            r"localities\.csv: row \d+ .*column locality_id: duplicate id 'ha-noi'",
        ),
        (
            "organisations.csv",
            "hnd,Hội Nông dân,Hội ND,socio_political",
            "hnd,Hội Nông dân,Hội ND,club",
            r"organisations\.csv: row 5 \(line 6\), column kind: unknown kind 'club'",
        ),
        (
            "organisations.csv",
            "ccb,Hội Cựu chiến binh,Hội CCB,socio_political,ccb,,,mttq",
            "ccb,Hội Cựu chiến binh,Hội CCB,socio_political,ccb,,,mttqq",
            r"organisations\.csv: row 6 .*column parent_org_id: unknown parent_org_id 'mttqq'",
        ),
        (
            "org_aliases.csv",
            "MTTQVN,mttq,",
            "MTTQVN,mttqq,",
            r"org_aliases\.csv: row \d+ .*column org_id: unknown org_id 'mttqq'",
        ),
        (
            "themes.yaml",
            "  parent: social_security\n  keywords: [hộ nghèo",
            "  parent: welfare\n  keywords: [hộ nghèo",
            r"themes\.yaml: theme \d+ \('poverty_housing'\), field parent: unknown theme 'welfare'",
        ),
    ],
)
def test_bad_rows_are_named(
    con: duckdb.DuckDBPyConnection, data_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    _edit(data_copy / file, old, new)
    with pytest.raises(ValueError, match=message):
        load_reference(con, data_copy)
    assert _count(con, "localities") == 0  # validation happens before any write


def test_wrong_columns_are_refused(con: duckdb.DuckDBPyConnection, data_copy: Path) -> None:
    _edit(data_copy / "organisations.csv", "org_id,name,", "id,name,")
    with pytest.raises(ValueError, match=r"organisations\.csv: columns are"):
        load_reference(con, data_copy)
