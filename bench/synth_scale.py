"""Benchmark the synthetic history generator: time and peak memory per scale.

Each scale runs in its own child process so its peak RSS is its own: ``generate_peak_rss_mb`` is
the peak after generating, ``peak_rss_mb`` after the optional ``--load`` of the Parquet output
into a fresh DuckDB file (schema applied, primary keys checked), which DuckDB itself dominates. Results
go to stdout and to bench/results/synth_scale.json.

Usage: .venv/bin/python bench/synth_scale.py [--scales demo,province,national] [--seed 7] [--load]
       [--out /tmp/giaoban-synth-bench]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_one(scale: str, seed: int, out: Path, load: bool) -> dict:
    """Generate (and optionally load) one scale in this process; returns the measurements."""
    from giaoban import db
    from giaoban.config import settings
    from giaoban.synth import generate, load_into

    target = out / scale
    shutil.rmtree(target, ignore_errors=True)
    t0 = time.perf_counter()
    counts = generate(seed, scale, target, settings().data_dir)
    result = {"scale": scale, "seed": seed, "generate_s": round(time.perf_counter() - t0, 2), "rows": counts}
    result["parquet_mb"] = round(sum(p.stat().st_size for p in target.rglob("*.parquet")) / 2**20, 1)
    result["generate_peak_rss_mb"] = _peak_mb()
    if load:
        path = out / f"{scale}.duckdb"
        path.unlink(missing_ok=True)
        t1 = time.perf_counter()
        con = db.connect(path, read_only=False)
        db.apply_schema(con)
        load_into(con, target)
        con.close()
        result["load_s"] = round(time.perf_counter() - t1, 2)
        result["duckdb_mb"] = round(path.stat().st_size / 2**20, 1)
    result["peak_rss_mb"] = _peak_mb()
    return result


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="demo,province,national")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("/tmp/giaoban-synth-bench"))
    parser.add_argument("--load", action="store_true", help="also load each scale into DuckDB")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.seed, args.out, args.load)))
        return
    results = []
    for scale in args.scales.split(","):
        cmd = [sys.executable, __file__, "--child", scale, "--seed", str(args.seed), "--out", str(args.out)]
        done = subprocess.run(cmd + (["--load"] if args.load else []), check=True, capture_output=True, text=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1], ensure_ascii=False))
    report = {"machine": {"cpus": _cpus(), "python": platform.python_version()}, "results": results}
    dest = ROOT / "bench" / "results" / "synth_scale.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
