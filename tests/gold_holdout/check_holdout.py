"""Consistency check of the held-out corpus: run ``python tests/gold_holdout/check_holdout.py`` after editing it.

The same checks as ``tests/gold/check_gold.py`` (quoted strings occur in the document, ids exist, dates are ISO,
repeats point at one organisation's recommendations), pointed at this folder instead of the tuning corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "gold"))

import check_gold  # noqa: E402

if __name__ == "__main__":
    check_gold.GOLD = HERE
    sys.exit(check_gold.main())
