"""Atomic builds: readers keep the snapshot they opened; a failed build leaves the old file."""

from __future__ import annotations

from pathlib import Path

import pytest

from giaoban import db


def _make(path: Path, marker: str) -> None:
    with db.new_database(path) as con:
        con.execute("INSERT INTO build_info VALUES ('marker', $m)", {"m": marker})


def _marker(con) -> str:
    return con.execute("SELECT value FROM build_info WHERE key = 'marker'").fetchone()[0]


def test_reader_holding_old_file_keeps_working_after_swap(tmp_path: Path):
    target = tmp_path / "g.duckdb"
    _make(target, "old")
    reader = db.connect(target, read_only=True)
    _make(target, "new")
    assert _marker(reader) == "old"  # still the old snapshot, no error
    fresh = db.connect(target, read_only=True)
    assert _marker(fresh) == "new"
    reader.close()
    fresh.close()


def test_failed_build_leaves_existing_database_untouched(tmp_path: Path):
    target = tmp_path / "g.duckdb"
    _make(target, "good")
    with pytest.raises(RuntimeError), db.new_database(target) as con:
        con.execute("INSERT INTO build_info VALUES ('marker', 'half')")
        raise RuntimeError("boom")
    con = db.connect(target)
    assert _marker(con) == "good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.duckdb", "g.duckdb.lock"]


def test_change_database_swaps_a_modified_copy(tmp_path: Path):
    target = tmp_path / "g.duckdb"
    _make(target, "v1")
    reader = db.connect(target, read_only=True)
    with db.change_database(target) as con:
        con.execute("UPDATE build_info SET value = 'v2' WHERE key = 'marker'")
    assert _marker(reader) == "v1"
    assert _marker(db.connect(target)) == "v2"


def test_read_only_connect_to_missing_file_says_how_to_build(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="python -m giaoban build"):
        db.connect(tmp_path / "missing.duckdb")
