"""The sandbox against hostile SQL: every statement is refused or stopped, with a clear message.

One warm worker pool on the fixture database runs them all (a short time limit keeps the bombs
quick). Afterwards the database file is unchanged, nothing was written to disk and the pool still
answers an ordinary query.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from giaoban.sandbox import Limits, SandboxError
from giaoban.sandbox_worker import SandboxPool

LIMITS = Limits(timeout=1.5, rows=1000, download_rows=5000, memory="512MB", threads=1, workers=1)
PROBE = "/tmp/giaoban-sandbox-probe"
REFUSED = {"not_read"}
FILES = {"file_access"}

HOSTILE: list[tuple[str, set[str]]] = [
    # writing files, reading files, other databases, extensions
    (f"COPY meetings TO '{PROBE}.csv'", REFUSED),
    (f"COPY (SELECT 1) TO '{PROBE}.parquet' (FORMAT parquet)", REFUSED),
    ("COPY meetings FROM '/etc/passwd'", REFUSED),
    (f"EXPORT DATABASE '{PROBE}'", REFUSED),
    ("IMPORT DATABASE '/tmp'", REFUSED),
    (f"ATTACH '{PROBE}.duckdb' AS other", REFUSED),
    ("ATTACH ':memory:' AS scratch", REFUSED),
    ("DETACH giaoban", REFUSED),
    ("INSTALL httpfs", REFUSED),
    ("FORCE INSTALL fts", REFUSED),
    ("LOAD httpfs", REFUSED),
    ("UPDATE EXTENSIONS", REFUSED),
    ("COPY FROM DATABASE giaoban TO memory", REFUSED),
    # configuration
    ("SET threads = 64", REFUSED),
    ("SET enable_external_access = true", REFUSED),
    ("SET GLOBAL memory_limit = '100GB'", REFUSED),
    ("RESET lock_configuration", REFUSED),
    ("PRAGMA enable_profiling", REFUSED),
    ("PRAGMA version", REFUSED),
    ("PRAGMA show_tables", REFUSED),
    ("USE memory", REFUSED),
    ("SET VARIABLE giaoban_as_of = DATE '2000-01-01'", REFUSED),
    # writing data and schema
    ("CREATE TABLE t AS SELECT 1", REFUSED),
    ("CREATE TEMP TABLE t AS SELECT 1", REFUSED),
    ("CREATE OR REPLACE MACRO gb_today() AS DATE '2000-01-01'", REFUSED),
    ("CREATE VIEW v AS SELECT 1", REFUSED),
    ("INSERT INTO meetings (meeting_id) VALUES ('x')", REFUSED),
    ("UPDATE recommendations SET text = ''", REFUSED),
    ("DELETE FROM recommendation_events", REFUSED),
    ("DROP TABLE meetings", REFUSED),
    ("ALTER TABLE meetings RENAME TO m2", REFUSED),
    ("MERGE INTO meetings USING meetings m ON false WHEN NOT MATCHED THEN INSERT *", REFUSED),
    ("CALL pragma_version()", REFUSED),
    ("CHECKPOINT", REFUSED),
    ("VACUUM", REFUSED),
    ("BEGIN TRANSACTION", REFUSED),
    ("PREPARE p AS SELECT 1", REFUSED),
    ("EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1", REFUSED),
    (f"EXPLAIN ANALYZE COPY meetings TO '{PROBE}.csv'", REFUSED),
    # more than one statement, some hidden by comments
    ("SELECT 1; DROP TABLE meetings", {"multiple"}),
    ("SELECT 1 /* harmless */; DELETE FROM meetings", {"multiple"}),
    ("SELECT 1 -- the rest is a comment\n; DROP TABLE meetings", {"multiple"}),
    ("SELECT 1; IMPORT DATABASE '/tmp'", {"multiple"}),
    ("/* SELECT */ DROP TABLE meetings", REFUSED),
    ("-- SELECT 1\nDELETE FROM meetings", REFUSED),
    ("SELECT * FROM query('DROP TABLE meetings')", {"syntax"}),
    # files and the network through table functions
    ("SELECT * FROM read_csv('/etc/passwd')", FILES),
    ("SELECT * FROM read_text('/etc/passwd')", FILES),
    ("SELECT content FROM read_blob('/etc/shadow')", FILES),
    ("SELECT * FROM read_json_auto('/etc/hosts')", FILES),
    ("SELECT * FROM read_parquet('https://example.com/x.parquet')", FILES),
    ("SELECT * FROM glob('/etc/*')", FILES),
    ("SELECT * FROM sniff_csv('/etc/passwd')", FILES),
    ("SELECT * FROM parquet_metadata('/etc/passwd')", FILES),
    ("SELECT * FROM '/etc/passwd'", {"not_found", "file_access"}),
    ("SELECT * FROM query('SELECT * FROM read_text(''/etc/passwd'')')", FILES),
    ("SELECT * FROM query_table('/etc/passwd')", {"not_found", "file_access"}),
    ("SELECT * FROM duckdb_extensions()", FILES),
    ("SELECT getenv('HOME')", {"not_found"}),
    ("SELECT set_config('threads', '8', false)", {"not_found"}),
    ("SELECT ?", {"positional_param"}),
    # resource bombs
    ("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r", {"timeout", "memory"}),
    ("SELECT count(*) FROM range(1000000) a, range(1000000) b", {"timeout"}),
    ("SELECT length(repeat('x', 1000000000::BIGINT))", {"memory"}),
    ("SELECT repeat('x', 1e9)", {"binder"}),
    ("SELECT len(range(1000000000))", {"memory"}),
    ("SELECT len(list_resize([1], 1000000000))", {"memory"}),
    ("SELECT length(printf('%1000000000s', 'x'))", {"memory"}),
    ("SELECT string_agg(repeat('x', 1000), ',') FROM range(10000000)", {"memory", "timeout"}),
    ("SELECT * FROM range(100000000) ORDER BY random()", {"memory", "timeout"}),
    ("SELECT " + "(" * 20000 + "1" + ")" * 20000, {"syntax"}),
    ("SELECT 1 " + "-- padding\n" * 12000, {"too_long"}),
    ("  -- only a comment", {"empty"}),
    ("PIVOT meetings ON level", {"pivot_dynamic"}),
]


@pytest.fixture(scope="module")
def pool(mini_db: Path):
    pool = SandboxPool(mini_db, LIMITS)
    yield pool
    pool.close()


def test_suite_is_large_enough():
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize(("sql", "codes"), HOSTILE, ids=[f"{i:02d}" for i in range(len(HOSTILE))])
def test_hostile_statement_is_refused_or_stopped(pool: SandboxPool, sql: str, codes: set[str]):
    with pytest.raises(SandboxError) as caught:
        pool.run(sql)
    err = caught.value
    assert err.code in codes, f"{sql!r}: {err.code}: {err.message('en')}"
    for lang in ("vi", "en"):
        text = err.message(lang)
        assert 10 < len(text) < 600 and "Traceback" not in text


def test_row_cap_stops_an_endless_result(pool: SandboxPool):
    result = pool.run("SELECT * FROM range(1000000000000)")
    assert result.truncated and result.frame.height == LIMITS.rows
    assert pool.run("SELECT * FROM range(10)").truncated is False


def test_the_sandbox_is_locked_and_still_answers(pool: SandboxPool, mini_db: Path):
    before = (mini_db.stat().st_mtime_ns, mini_db.stat().st_size)
    settings = pool.run(
        "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration')"
    ).frame
    assert dict(settings.iter_rows()) == {"enable_external_access": "false", "lock_configuration": "true"}
    assert pool.run("SELECT count(*) AS n FROM meetings").frame["n"][0] == 8
    assert (mini_db.stat().st_mtime_ns, mini_db.stat().st_size) == before
    assert not [p for p in os.listdir("/tmp") if p.startswith("giaoban-sandbox-probe")]
