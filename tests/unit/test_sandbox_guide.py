"""docs/analyst-guide.md is true: its ten examples, its named-query recipe and its DuckDB snippets run."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from giaoban.queries import load_queries
from giaoban.sandbox import SETTINGS, Limits
from giaoban.sandbox_worker import SandboxPool

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "analyst-guide.md"
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sql\n(.*?)```", TEXT, flags=re.S)
EXAMPLES = [b for b in BLOCKS if b.startswith("-- Ví dụ")]
PARAMS = {"date_from": "2024-01-01", "date_to": "2024-12-31", "as_of": "2024-12-31"}


@pytest.fixture(scope="module")
def pool(mini_db: Path):
    pool = SandboxPool(mini_db, Limits(timeout=10, workers=1))
    yield pool
    pool.close()


def test_there_are_ten_numbered_examples():
    numbers = [int(re.match(r"-- Ví dụ (\d+):", b)[1]) for b in EXAMPLES]
    assert numbers == list(range(1, 11))


@pytest.mark.parametrize("sql", EXAMPLES, ids=[f"example{i + 1:02d}" for i in range(len(EXAMPLES))])
def test_example_runs_in_the_sandbox(pool: SandboxPool, sql: str):
    result = pool.run(sql, PARAMS)
    assert result.frame.width >= 3
    assert all(name.isascii() for name in result.frame.columns)  # column names reusable in Excel


def test_worked_examples_give_the_fixture_answers(pool: SandboxPool):
    yoy = pool.run(EXAMPLES[1], PARAMS).frame
    assert yoy["ky"].to_list() == ["current", "previous_year"]
    quarters = pool.run(EXAMPLES[8], PARAMS).frame
    assert quarters["quy"].to_list() == sorted(quarters["quy"].to_list())
    assert all(q.startswith(("2024-Q", "2025-Q")) for q in quarters["quy"])


def test_the_named_query_recipe_is_a_valid_named_query(tmp_path: Path, pool: SandboxPool):
    recipe = next(b for b in BLOCKS if "@param family" in b)
    (tmp_path / "recommendations").mkdir()
    (tmp_path / "recommendations" / "open_by_family.sql").write_text(recipe, encoding="utf-8")
    query = load_queries(tmp_path)["recommendations/open_by_family"]
    assert [p.name for p in query.params] == ["family", "as_of", "limit"]
    assert pool.run(query.sql, query.bind({"family": "ldld", "as_of": "2024-12-31"})).frame.height >= 1


def test_the_file_opens_in_plain_duckdb_with_views_and_macros(mini_db: Path):
    con = duckdb.connect(str(mini_db), read_only=True)
    try:
        assert ("rec_state",) in con.execute("SHOW TABLES").fetchall()
        assert con.execute("DESCRIBE rec_state").fetchall()
        con.execute("SET VARIABLE giaoban_as_of = DATE '2024-12-31'")
        n_raised = con.execute("FROM rec_metrics('2024-01-01', '2024-12-31')").pl()["n_raised"][0]
        assert n_raised > 0
    finally:
        con.close()


def test_the_accent_folding_tip_holds():
    con = duckdb.connect()
    assert con.execute("SELECT strip_accents(lower('Đất đai'))").fetchone()[0] == "đat đai"
    assert con.execute("SELECT replace(strip_accents(lower('Đất đai')), 'đ', 'd')").fetchone()[0] == "dat dai"


def test_every_sandbox_setting_is_documented():
    for name, (default, _meaning) in SETTINGS.items():
        assert f"`{name}` | `{default}`" in TEXT, name
