"""Build the database in one pass: reference data, generated sample history, the seed reports.

Everything goes into a new file that replaces the old one only when the build succeeded
(giaoban.db.new_database). ``build_info`` records what went in, including a hash of every input
(code, SQL, reference data, seed records), so ``build --if-stale`` can skip an unchanged rebuild
and a second ``make run`` starts in seconds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb

from giaoban import aggregates, db
from giaoban.config import ROOT, settings

Progress = Callable[..., None]
INPUT_GLOBS = (
    "giaoban/**/*.py",
    "queries/**/*.sql",
    "data/*.csv",
    "data/*.yaml",
    "data/*.csv.gz",
    "data/seed_records/**/*",
    "data/seeds/*",
    "requirements.txt",
)
MAIN_TABLES = (
    "localities",
    "organisations",
    "org_aliases",
    "themes",
    "documents",
    "meetings",
    "recommendations",
    "recommendation_events",
    "directives",
    "directive_events",
    "theme_links",
)


def inputs_hash(seed: int, scale: str) -> str:
    """Hash of every file a build reads, plus the build's own parameters."""
    digest = hashlib.sha256(f"{seed}|{scale}|{settings().overdue_days}".encode())
    files = sorted({p for pattern in INPUT_GLOBS for p in ROOT.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_current(target: Path, seed: int, scale: str) -> bool:
    if not Path(target).exists():
        return False
    try:
        con = db.connect(target, read_only=True)
        row = con.execute("SELECT value FROM build_info WHERE key = 'inputs_hash'").fetchone()
        con.close()
    except duckdb.Error:
        return False
    return bool(row) and row[0] == inputs_hash(seed, scale)


def generate_parquet(seed: int, scale: str, out_dir: Path, progress: Progress | None = None) -> dict[str, int]:
    from giaoban.synth import generate

    return generate(seed=seed, scale=scale, out_dir=Path(out_dir), data_dir=settings().data_dir, progress=progress)


def build_database(
    target: Path,
    seed: int = 7,
    scale: str = "demo",
    progress: Progress | None = None,
    generated: Path | None = None,
    seeds: bool = True,
) -> dict[str, int]:
    """Build ``target`` from scratch; returns row counts of the main tables."""
    from giaoban.reference import load_reference
    from giaoban.synth import load_into

    target = Path(target)
    with db.new_database(target) as con:
        load_reference(con, settings().data_dir, full_localities=True)
        with tempfile.TemporaryDirectory(prefix="giaoban-gen-") as tmp:
            out_dir = Path(generated) if generated else Path(tmp)
            if generated is None:
                generate_parquet(seed, scale, out_dir, progress)
            load_into(con, out_dir)
        if seeds:
            _load_seed_records(con)
        _write_build_info(con, seed, scale)
        aggregates.refresh(con)
        return _counts(con)


def _load_seed_records(con: duckdb.DuckDBPyConnection) -> None:
    """The real reports in data/seeds/, through the extractor (as any uploaded report)."""
    from giaoban.ingest import ingest_documents_into

    files = sorted((settings().data_dir / "seeds").glob("*.txt"))
    results = ingest_documents_into(con, files, source="seed")
    rejected = [r for r in results if r.status == "rejected"]
    if rejected:
        problems = "\n".join(e for r in rejected for e in r.errors)
        raise RuntimeError(f"seed records did not load:\n{problems}")


def _write_build_info(con: duckdb.DuckDBPyConnection, seed: int, scale: str) -> None:
    facts = {
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sample_seed": str(seed),
        "sample_scale": scale,
        "overdue_days": str(settings().overdue_days),
        "inputs_hash": inputs_hash(seed, scale),
    }
    con.executemany("INSERT OR REPLACE INTO build_info VALUES (?, ?)", list(facts.items()))


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.table(t).aggregate("count(*)").fetchone()[0] for t in MAIN_TABLES}
