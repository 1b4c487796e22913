"""Benchmark the report pack: wall time per step for a year, at demo and province scale.

Each run is a fresh process doing exactly what ``python -m giaoban report`` does (browser start
included), repeated ``--repeat`` times; the median is reported with every step's time (resolve,
queries, charts, docx, pdf, xlsx, zip, write) and the pack's size. Databases are built first when
missing (``build`` for demo, ``generate --scale province`` for province). Results go to stdout and
bench/results/report_pack.json.

Usage: .venv/bin/python bench/report_pack.py [--scales demo,province] [--year 2024] [--formats zip,docx,pdf,xlsx]
       [--repeat 3] [--work /tmp/giaoban-report-bench]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ONE_RUN = """
import json, sys, time
sys.path.insert(0, {root!r})
t0 = time.perf_counter()
from giaoban.report.build import build_report
r = build_report({out!r}, {fmt!r}, year={year}, db_path={db!r})
print(json.dumps({{"total_s": round(time.perf_counter() - t0, 2), "steps": r.timings, "charts": len(r.contents.charts),
                  "tables": len(r.contents.tables), "bytes": r.path.stat().st_size}}))
"""


def ensure_db(scale: str, work: Path) -> Path:
    path = work / f"{scale}.duckdb"
    if path.exists():
        return path
    work.mkdir(parents=True, exist_ok=True)
    if scale == "demo":
        args = ["build", "--db", str(path)]
    else:
        args = ["generate", "--scale", scale, "--out", str(work / f"{scale}-parquet"), "--db", str(path)]
    subprocess.run([PYTHON, "-m", "giaoban", *args], cwd=ROOT, check=True, capture_output=True)
    return path


def run_once(db: Path, fmt: str, year: int, out: Path) -> dict:
    code = ONE_RUN.format(root=str(ROOT), out=str(out), fmt=fmt, year=year, db=str(db))
    done = subprocess.run([PYTHON, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(scale: str, fmt: str, year: int, repeat: int, work: Path) -> dict:
    db = ensure_db(scale, work)
    load = round(os.getloadavg()[0], 2)
    runs = [run_once(db, fmt, year, work / f"pack-{scale}.{fmt}") for _ in range(repeat)]
    median = sorted(runs, key=lambda r: r["total_s"])[len(runs) // 2]
    return {
        "scale": scale,
        "format": fmt,
        "year": year,
        "runs_s": [r["total_s"] for r in runs],
        "median_s": statistics.median(r["total_s"] for r in runs),
        "steps_of_median": median["steps"],
        "load_1min_before": load,
        "charts": median["charts"],
        "tables": median["tables"],
        "mb": round(median["bytes"] / 2**20, 2),
        "db_mb": round(db.stat().st_size / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="demo,province")
    parser.add_argument("--formats", default="zip")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/giaoban-report-bench"))
    args = parser.parse_args()
    results = []
    for scale in args.scales.split(","):
        for fmt in args.formats.split(","):
            result = measure(scale, fmt, args.year, args.repeat, args.work)
            results.append(result)
            print(
                f"{scale:9} {fmt:5} median {result['median_s']:5.1f} s  "
                f"load {result['load_1min_before']}  runs {result['runs_s']}  "
                f"{result['charts']} charts, {result['mb']} MB  steps {result['steps_of_median']}"
            )
    load = os.getloadavg()[0]
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_1min_after": round(load, 2)},
        "target_s": 15,
        "results": results,
    }
    out = ROOT / "bench" / "results" / "report_pack.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
