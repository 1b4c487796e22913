"""The sandbox's statement check, error messages, limits and worker pool (the hostile suite is separate)."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import duckdb
import pytest

from giaoban.sandbox import Limits, SandboxError, analyst_queries, check_sql, run_sql
from giaoban.sandbox_errors import position
from giaoban.sandbox_worker import SandboxPool

LIMITS = Limits(timeout=5, rows=100, download_rows=1000, memory="512MB", threads=1, workers=1)

READING = [
    "SELECT 1",
    "select 1;",
    "WITH a AS (SELECT 1 AS x) SELECT * FROM a",
    "FROM meetings",
    "VALUES (1), (2)",
    "TABLE meetings",
    "DESCRIBE meetings",
    "SHOW TABLES",
    "SHOW ALL TABLES",
    "SUMMARIZE meetings",
    "EXPLAIN SELECT 1",
    "EXPLAIN ANALYZE SELECT * FROM meetings",
    "EXPLAIN (FORMAT json) SELECT 1",
    "(SELECT 1) UNION ALL (SELECT 2)",
    "PIVOT meetings ON level IN ('province', 'district') USING count(*)",
    "-- a comment first\n/* and another */ SELECT 'a;b' AS s",
    "SELECT $$dollar;quoted$$",
]


@pytest.mark.parametrize("sql", READING)
def test_reading_statements_pass(sql):
    assert check_sql(sql).sql == sql.strip()


def test_named_parameters_are_reported():
    assert check_sql("SELECT * FROM meetings WHERE held_on >= $date_from AND level = $level").params == (
        "date_from",
        "level",
    )


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "SELECT 'Kiến nghị'")
    assert check_sql(decomposed).sql == unicodedata.normalize("NFC", decomposed)


@pytest.mark.parametrize(
    ("sql", "code"),
    [
        ("", "empty"),
        ("/* nothing */", "empty"),
        ("DROP TABLE meetings", "not_read"),
        ("SELECT 1; SELECT 2", "multiple"),
        ("SELEC 1", "not_read"),
        ("SELECT 1 +", "syntax"),
        ("EXPLAIN DELETE FROM meetings", "not_read"),
        ("EXPLAIN EXPLAIN SELECT 1", "syntax"),
        ("SELECT '≤30 – ngày'; DROP TABLE meetings", "multiple"),
    ],
)
def test_refusals_have_codes(sql, code):
    with pytest.raises(SandboxError) as caught:
        check_sql(sql)
    assert caught.value.code == code


def test_parse_error_position_is_line_and_column():
    with pytest.raises(SandboxError) as caught:
        check_sql("SELECT *\nFROM meetings\nWHERE WHERE x")
    err = caught.value
    assert (err.line, err.column) == (3, 7)
    assert "dòng 3, cột 7" in err.message("vi") and "line 3, column 7" in err.message("en")


def test_position_in_a_long_line_counts_from_the_real_start():
    sql = "SELECT 'Kiến nghị', " + ", ".join(f"{i} AS c{i}" for i in range(60)) + ", nothere FROM range(1)"
    with pytest.raises(duckdb.Error) as caught:
        duckdb.connect().execute(sql)
    assert "LINE 1: ..." in str(caught.value)  # DuckDB shortened the line
    line, column = position(str(caught.value), sql)
    assert line == 1 and sql[column - 1 :].startswith("nothere")


def test_messages_differ_by_language_and_survive_the_pipe():
    err = SandboxError("timeout", seconds="10")
    assert "10 giây" in err.message("vi") and "10 s" in err.message("en")
    again = SandboxError.from_dict(err.to_dict())
    assert again.message("vi") == err.message("vi")
    assert "?" in SandboxError("memory").message("en")  # a missing field does not break the message


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GIAOBAN_SQL_TIMEOUT", "2.5")
    monkeypatch.setenv("GIAOBAN_SQL_ROWS", "50")
    monkeypatch.setenv("GIAOBAN_SQL_MEMORY", "256MB")
    limits = Limits.from_env()
    assert (limits.timeout, limits.rows, limits.memory_bytes()) == (2.5, 50, 256 * 10**6)
    assert Limits().download_rows > Limits().rows
    monkeypatch.setenv("GIAOBAN_SQL_MEMORY", "lots")
    with pytest.raises(ValueError, match="GIAOBAN_SQL"):
        Limits.from_env()


def test_run_sql_with_parameters(mini_db: Path):
    result = run_sql(
        "SELECT meeting_id FROM meetings WHERE held_on >= $since ORDER BY held_on",
        {"since": "2024-07-01", "unused": 1},
        db_path=mini_db,
        limits=LIMITS,
    )
    assert result.frame.height > 0 and not result.truncated
    assert result.frame.columns == ["meeting_id"] and result.elapsed >= 0


def test_missing_parameter_and_missing_database(mini_db: Path, tmp_path: Path):
    with pytest.raises(SandboxError) as caught:
        run_sql("SELECT $org", db_path=mini_db, limits=LIMITS)
    assert caught.value.code == "missing_param" and "$org" in caught.value.message("en")
    with pytest.raises(SandboxError) as caught:
        run_sql("SELECT 1", db_path=tmp_path / "none.duckdb", limits=LIMITS)
    assert caught.value.code == "no_database"


def test_odd_types_and_duplicate_names_come_back(mini_db: Path):
    frame = run_sql("SELECT INTERVAL 1 DAY AS i, 1 AS a, 2 AS a, [1, 2] AS l", db_path=mini_db, limits=LIMITS).frame
    assert frame.columns == ["i", "a", "a_2", "l"] and frame["a_2"][0] == 2


def test_pool_follows_a_swapped_snapshot(tmp_path: Path):
    path = tmp_path / "swap.duckdb"

    def write(n: int) -> None:
        tmp = tmp_path / f"new{n}.duckdb"
        con = duckdb.connect(str(tmp))
        con.execute(f"CREATE TABLE x AS SELECT {n} AS n")
        con.close()
        os.replace(tmp, path)

    write(1)
    pool = SandboxPool(path, LIMITS)
    try:
        assert pool.run("SELECT n FROM x").frame["n"][0] == 1
        write(2)
        assert pool.run("SELECT n FROM x").frame["n"][0] == 2
    finally:
        pool.close()


def test_every_analyst_query_passes_the_check_and_runs(mini_db: Path):
    library = analyst_queries()
    assert library and not any(name.startswith("_") for name in library)
    pool = SandboxPool(mini_db, LIMITS)
    try:
        for name, query in library.items():
            assert len(query.description) > 15, name
            result = pool.run(query.sql, query.bind({}))
            assert result.frame.width > 0, name
    finally:
        pool.close()
