"""One analyst's runaway query is stopped at the limit while the dashboard keeps answering.

Two threads: one runs a cross-join bomb in the sandbox, the other runs the home page's named
query on the dashboard's own read-only connection meanwhile. Assertions are on ordering and
ratios, not on absolute times, so a slow test machine does not make them flaky.
"""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

from giaoban import db, queries
from giaoban.sandbox import Limits, SandboxError
from giaoban.sandbox_worker import GRACE_SECONDS, SandboxPool

LIMIT = 2.0
BOMB = "SELECT count(*) FROM range(1000000) a, range(1000000) b"


def _dashboard_latencies(con, n: int) -> list[float]:
    latencies = []
    for _ in range(n):
        start = time.perf_counter()
        frame = queries.run_query(con, "overview/counts")
        latencies.append(time.perf_counter() - start)
        assert frame.height > 0
    return latencies


def test_runaway_query_is_stopped_and_the_dashboard_still_answers(mini_db: Path):
    pool = SandboxPool(mini_db, Limits(timeout=LIMIT, workers=1))
    pool.run("SELECT 1")  # a warm worker, as on a running server
    con = db.connect(mini_db, read_only=True)
    baseline = statistics.median(_dashboard_latencies(con, 5))
    outcome: dict[str, object] = {}

    def runaway() -> None:
        start = time.perf_counter()
        try:
            pool.run(BOMB)
        except SandboxError as err:
            outcome["code"] = err.code
        outcome["ended"] = time.perf_counter()
        outcome["elapsed"] = outcome["ended"] - start

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)  # the bomb is running
    under_load = _dashboard_latencies(con, 10)
    dashboard_done = time.perf_counter()
    thread.join(timeout=LIMIT + GRACE_SECONDS + 10)
    con.close()
    pool.close()

    assert outcome["code"] == "timeout"
    assert LIMIT <= outcome["elapsed"] < LIMIT + GRACE_SECONDS + 2  # stopped at the limit, not later
    assert dashboard_done < outcome["ended"]  # ten dashboard queries answered while the bomb ran
    assert statistics.median(under_load) < outcome["elapsed"] / 10
    assert max(under_load) < outcome["elapsed"] / 2
    assert statistics.median(under_load) < max(10 * baseline, outcome["elapsed"] / 40)
