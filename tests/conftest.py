"""Shared fixtures: a tiny hand-made database built from CSV text once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from giaoban import db

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def build_mini(path: Path) -> Path:
    """Apply the real schema, then load every mini/*.csv into the table of the same name."""
    con = duckdb.connect(str(path))
    db.apply_schema(con)
    for csv in sorted(MINI.glob("*.csv")):
        con.execute(
            f"INSERT INTO {csv.stem} BY NAME SELECT * FROM read_csv($p, header = true, all_varchar = true)",
            {"p": str(csv)},
        )
    con.execute("CHECKPOINT")
    con.close()
    return path


@pytest.fixture(scope="session")
def mini_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_mini(tmp_path_factory.mktemp("mini") / "mini.duckdb")


@pytest.fixture()
def mini_con(mini_db: Path):
    con = db.connect(mini_db, read_only=True)
    yield con
    con.close()
