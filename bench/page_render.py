"""Dashboard speed: the named queries each page runs, and the time from request to a fully drawn
page in a real browser (Debian's chromium), on one or more databases.

For each page the script runs exactly the named queries the page runs with the default filters
(the last year with data, by quarter), on a fresh read-only connection without Streamlit's cache:
``queries_ms`` is their total, median of ``--repeat`` runs after one warm-up. ``sidebar_ms`` is the
filter lists every page shares (cached once per snapshot in the app). With ``--browser`` it also
starts Streamlit on the database and loads every page twice in chromium: ``first_load_s`` (cold
cache) and ``reload_s`` (Streamlit's query cache warm), from navigation to the run indicator
disappearing. Results go to stdout and bench/results/page_render.json.

Usage: .venv/bin/python bench/page_render.py [--db data/giaoban.duckdb --db /tmp/province.duckdb]
       [--repeat 5] [--browser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIDEBAR = ["filters/snapshot", "filters/provinces", "filters/organisations", "filters/themes"]
PAGES = {
    "tong-quan": [
        "filters/scope",
        "overview/kpi_cards",
        "overview/trend",
        "overview/top_themes",
        "overview/most_overdue",
    ],
    "chu-de": ["filters/scope", "themes/heatmap", "themes/recurring", "themes/trending", "themes/new_phrases"],
    "kien-nghi": [
        "filters/scope",
        "recommendations/rates_by_org",
        "recommendations/rates_by_period",
        "recommendations/funnel",
        "recommendations/backlog_aging",
        "recommendations/resolution_time",
        "recommendations/repeats",
        "recommendations/list",
    ],
    "chi-dao": ["filters/scope", "directives/outcomes_by_org", "directives/outcomes_by_theme", "directives/list"],
    "hoat-dong": ["filters/scope", "activity/heatmap", "activity/calendar", "activity/localities"],
    "cuoc-hop": ["filters/scope", "meetings/search"],
    "cuoc-hop?q=bao hiem xa hoi": ["filters/scope", "meetings/search"],
    "du-lieu": ["overview/counts", "review/low_confidence"],
}


def default_filters(con) -> dict:
    from giaoban.db import fetch

    last = fetch(con, "SELECT max(held_on) AS d FROM meetings")["d"][0] or dt.date.today()
    return {"date_from": dt.date(last.year, 1, 1), "date_to": dt.date(last.year, 12, 31), "grain": "quarter"}


def _page_params(page: str, filters: dict) -> dict:
    return {"q": page.split("q=", 1)[1]} if "q=" in page else {}


def time_queries(db_path: Path, repeat: int) -> dict:
    """Per page: total milliseconds of its named queries (median of ``repeat`` runs)."""
    from giaoban import db, queries

    registry = queries.load_queries()
    con = db.connect(db_path, read_only=True)
    filters = default_filters(con)

    def run_all(names: list[str], extra: dict) -> dict[str, float]:
        times = {}
        for name in names:
            q = registry[name]
            declared = {p.name for p in q.params}
            params = {k: v for k, v in {**filters, **extra}.items() if k in declared}
            start = time.perf_counter()
            queries.run_query(con, q, params)
            times[name] = (time.perf_counter() - start) * 1000
        return times

    out = {"sidebar_ms": None, "pages": {}}
    for key, names in (("sidebar", SIDEBAR), *PAGES.items()):
        extra = _page_params(key, filters)
        run_all(names, extra)  # warm-up: first touch of the file's blocks
        runs = [run_all(names, extra) for _ in range(repeat)]
        ms = round(statistics.median(sum(r.values()) for r in runs), 1)
        each = {name: round(statistics.median(r[name] for r in runs), 1) for name in names}
        if key == "sidebar":
            out["sidebar_ms"] = ms
            out["sidebar_queries_ms"] = each
        else:
            out["pages"][key] = {"queries": len(names), "queries_ms": ms, "each_ms": each}
    con.close()
    return out


# Drawn: the page title is there, the script has stopped running, every Plotly chart has its SVG.
DRAWN = """() => {
    const h1 = document.querySelector('h1');
    const running = document.querySelector('[data-testid="stStatusWidget"]');
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return !!h1 && !running && charts.every(c => c.querySelector('.main-svg'));
}"""


def time_browser(db_path: Path, pages: list[str]) -> dict:
    """Seconds from navigation until Streamlit has drawn the page, cold then warm cache."""
    from playwright.sync_api import sync_playwright

    from giaoban.serve import streamlit_command
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port, _wait_healthy

    port = _free_port()
    env = {**os.environ, "GIAOBAN_DB": str(db_path), "HF_HUB_OFFLINE": "1"}
    cmd = streamlit_command(port, address="127.0.0.1")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    timings = {}
    try:
        _wait_healthy(url, proc)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_name in pages:
                path = "" if page_name == "tong-quan" else page_name.replace(" ", "+")
                loads = []
                for _ in range(2):
                    page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
                    start = time.perf_counter()
                    page.goto(f"{url}/{path}", wait_until="domcontentloaded")
                    page.wait_for_function(DRAWN, polling=50, timeout=120000)
                    loads.append(round(time.perf_counter() - start, 2))
                    page.context.close()
                timings[page_name] = {"first_load_s": loads[0], "reload_s": loads[1]}
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", action="append", type=Path, help="database file (repeatable)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also time page loads in chromium")
    args = parser.parse_args()
    results = []
    for path in args.db or [ROOT / "data" / "giaoban.duckdb"]:
        from giaoban import db

        con = db.connect(path, read_only=True)
        size = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("meetings", "recommendations")}
        con.close()
        entry = {"db": str(path), "rows": size, **time_queries(path, args.repeat)}
        if args.browser:
            for page, timing in time_browser(path, list(PAGES)).items():
                entry["pages"][page].update(timing)
        results.append(entry)
        print(json.dumps(entry, ensure_ascii=False, indent=2), flush=True)
    out = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()}, "results": results}
    target = ROOT / "bench" / "results" / "page_render.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
