"""Extraction throughput on seed-sized reports, side by side with underthesea's word segmentation.

Each report is extracted many times with a varying suffix (so no per-text cache helps), after one
warm-up pass; the same texts are then run through underthesea.word_tokenize, which a statistical
pipeline would need first. The ratio is what matters on this shared machine, not the absolute
numbers. Writes bench/results/extraction_speed.json.

usage: .venv/bin/python bench/extraction_speed.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from giaoban.extract.document import read_document  # noqa: E402
from giaoban.extract.pipeline import Extractor  # noqa: E402


def texts() -> list[str]:
    paths = sorted((ROOT / "data" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "gold").glob("0*.txt"))
    return [read_document(p).text for p in paths]


def rate(fn, docs: list[str], rounds: int) -> float:
    for d in docs:
        fn(d + " ")
    started = time.process_time()
    for r in range(rounds):
        for d in docs:
            fn(d + " " * (r + 2))
    return rounds * len(docs) / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    docs = texts()
    extractor = Extractor.from_data_dir()
    ours = rate(extractor.extract, docs, args.rounds)
    from underthesea import word_tokenize

    segmentation = rate(word_tokenize, docs, max(1, args.rounds // 10))
    size = sum(len(d) for d in docs) / len(docs)
    result = {
        "reports": len(docs),
        "mean_chars": round(size),
        "rounds": args.rounds,
        "extract_reports_per_cpu_second": round(ours, 1),
        "underthesea_word_tokenize_reports_per_cpu_second": round(segmentation, 1),
        "extract_vs_segmentation_speed_ratio": round(ours / segmentation, 1),
    }
    print(f"{len(docs)} reports, {size:.0f} characters on average")
    print(f"extract:                    {ours:8.1f} reports per CPU second")
    print(
        f"underthesea word_tokenize:  {segmentation:8.1f} reports per CPU second  "
        f"(extraction is {ours / segmentation:.1f}x faster than segmenting alone)"
    )
    out = ROOT / "bench" / "results" / "extraction_speed.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
