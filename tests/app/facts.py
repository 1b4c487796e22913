"""The fixture database (tests/fixtures/mini) with the dashboard facts materialised as of 2024-12-31.

The dashboard reads the facts tables; materialising them on a copy of the fixture, with "today"
pinned, makes every figure on every page a number a person can work out from the CSV files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from giaoban import aggregates, db

AS_OF = "2024-12-31"


def build_facts_db(mini: Path, target: Path) -> Path:
    shutil.copy(mini, target)
    con = duckdb.connect(str(target), config=db._config())
    db.pin_today(con, AS_OF)
    aggregates.refresh(con)
    con.execute("CHECKPOINT")
    con.close()
    return target
