"""The extractor meets the issue's targets on the hand-annotated corpus (tests/gold), via the same
evaluator as bench/extraction_eval.py, and the corpus itself is consistent (check_gold.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scores() -> dict:
    spec = importlib.util.spec_from_file_location("extraction_eval", ROOT / "bench" / "extraction_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate(verbose=False)


def test_meeting_date_accuracy(scores):
    assert scores["meeting.held_on"]["accuracy"] >= 0.98


@pytest.mark.parametrize("field", ["organisations", "chairs", "attendees"])
def test_people_and_organisations_f1(scores, field):
    assert scores[field]["f1"] >= 0.9


@pytest.mark.parametrize(("items", "who"), [("recommendations", "raised_by"), ("directives", "addressee")])
def test_items_recall_and_attribution(scores, items, who):
    assert scores[items]["recall"] >= 0.85
    assert scores[f"{items}.{who}"]["accuracy"] >= 0.9


def test_themes_f1(scores):
    assert scores["item_themes"]["f1"] >= 0.75 and scores["meeting_themes"]["f1"] >= 0.75


def test_repeat_link_precision(scores):
    assert scores["repeat_links"]["links_predicted"] > 0
    assert scores["repeat_links"]["precision"] >= 0.9


def test_gold_corpus_is_consistent():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "gold" / "check_gold.py")], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
