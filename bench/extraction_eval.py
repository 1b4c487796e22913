"""Evaluate the extractor against the hand-written gold annotations in tests/gold/.

For every report with a ``.gold.json`` beside it: extract, match items to gold one-to-one by text
overlap (giaoban.repeats.similarity ≥ 0.5, best pairs first), and count per field. Prints
per-field precision / recall / F1 (and accuracies), the repeat-link precision on
tests/gold/repeats.json, and throughput; ``--json FILE`` also writes the numbers.

usage: .venv/bin/python bench/extraction_eval.py [--json bench/results/extraction.json] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giaoban.extract.compare import Report, name_key, pair_items, same_org  # noqa: E402
from giaoban.extract.document import read_document  # noqa: E402
from giaoban.extract.pipeline import Extractor  # noqa: E402
from giaoban.repeats import Candidate, find_links  # noqa: E402

GOLD = ROOT / "tests" / "gold"  # --gold DIR evaluates another set (tests/gold_holdout)


def source_for(gold_path: Path) -> Path:
    stem = gold_path.name.removesuffix(".gold.json")
    found = [p for p in GOLD.glob(stem + ".*") if not p.name.endswith(".json")]
    if not found:
        raise FileNotFoundError(f"no input file for {gold_path.name}")
    return found[0]


def evaluate_items(rep: Report, name: str, kind: str, pred: list[dict], gold: list[dict], label: str) -> list[tuple]:
    pairs = pair_items(pred, gold)
    c = rep.c(name)
    c.tp += len(pairs)
    c.fp += len(pred) - len(pairs)
    c.fn += len(gold) - len(pairs)
    matched_g = {j for _, j in pairs}
    rep.misses += [f"{label}: missed {name[:-1]}: {g['text'][:90]}" for j, g in enumerate(gold) if j not in matched_g]
    matched_p = {i for i, _ in pairs}
    rep.misses += [f"{label}: extra {name[:-1]}: {p['text'][:90]}" for i, p in enumerate(pred) if i not in matched_p]
    who = "raised_by" if kind == "rec" else "addressee"
    for i, j in pairs:
        good = same_org(pred[i], gold[j], kind)
        rep.a(f"{name}.{who}").add(good)
        if not good:
            rep.misses += [f"{label}: {who} {pred[i].get(who)!r} ≠ gold {gold[j].get(who)!r}: {gold[j]['text'][:60]}"]
        rep.c("item_themes").add(set(pred[i].get("themes") or []), set(gold[j].get("themes") or []))
        if kind == "rec" and gold[j].get("response"):
            rep.a("recommendations.response").add(bool(pred[i].get("response")))
    return pairs


def evaluate(verbose: bool) -> dict:
    extractor = Extractor.from_data_dir()
    rep = Report()
    golds = sorted(GOLD.glob("*.gold.json"))
    texts, records = {}, {}
    started = time.perf_counter()
    for gold_path in golds:
        doc = read_document(source_for(gold_path))
        texts[gold_path.name] = doc
        records[gold_path.name] = extractor.extract(
            doc.text, title=doc.title, published_hint=doc.published_hint
        ).to_json()
    elapsed = time.perf_counter() - started
    all_pairs = {}
    for gold_path in golds:
        label = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = records[gold_path.name]
        gm, pm = gold["meeting"], pred["meeting"]
        rep.a("meeting.held_on").add(gm.get("held_on") == pm.get("held_on"))
        if gm.get("held_on") != pm.get("held_on"):
            rep.misses.append(f"{label}: held_on {pm.get('held_on')} ≠ gold {gm.get('held_on')}")
        for key in ("level", "kind"):
            if key in gm:
                rep.a(f"meeting.{key}").add(gm.get(key) == pm.get(key))
                if gm.get(key) != pm.get(key):
                    rep.misses.append(f"{label}: {key} {pm.get(key)} ≠ gold {gm.get(key)}")
        if "period" in gm:
            good = (gm.get("period") or {}).get("start") == (pm.get("period") or {}).get("start") and (
                gm.get("period") or {}
            ).get("end") == (pm.get("period") or {}).get("end")
            rep.a("meeting.period").add(good)
        rep.c("organisations").add(
            {o["org_id"] for o in pred["organisations"]}, {o["org_id"] for o in gold["organisations"]}
        )
        for role in ("chairs", "attendees"):
            rep.c(role).add({name_key(p["name"]) for p in pred[role]}, {name_key(p["name"]) for p in gold[role]})
            titles = {name_key(p["name"]): name_key(p.get("title")) for p in gold[role]}
            for p in pred[role]:
                if name_key(p["name"]) in titles:
                    rep.a(f"{role}.title").add(name_key(p.get("title")) == titles[name_key(p["name"])])
        rec_pairs = evaluate_items(
            rep, "recommendations", "rec", pred["recommendations"], gold["recommendations"], label
        )
        evaluate_items(rep, "directives", "dir", pred["directives"], gold["directives"], label)
        rep.c("meeting_themes").add(set(pred["themes"]), set(gold.get("themes") or []))
        all_pairs[label] = (rec_pairs, pred, gold)
    repeats = evaluate_repeats(all_pairs, extractor)
    return summarise(rep, repeats, len(golds), elapsed, verbose)


def evaluate_repeats(all_pairs: dict, extractor) -> dict:
    """Run the repeat linker over the predicted recommendations; score links against gold pairs."""
    path = GOLD / "repeats.json"
    if not path.exists():
        return {}
    spec = json.loads(path.read_text(encoding="utf-8"))
    gold_to_pred = {}
    cands = []
    for label, (pairs, pred, _) in all_pairs.items():
        held = pred["meeting"]["held_on"]
        for i, j in pairs:
            gold_to_pred[(label, j)] = (label, i)
        for i, r in enumerate(pred["recommendations"]):
            if held and r.get("raised_by_org_id"):
                import datetime as dt

                cands.append(
                    Candidate(
                        f"{label}#{i}",
                        r["text"],
                        dt.date.fromisoformat(held),
                        r["raised_by_org_id"],
                        pred["meeting"].get("locality_id"),
                        None,
                    )
                )
    links = find_links(cands, extractor.themes)

    def key(ref):
        label, idx = ref[0].removesuffix(".gold.json").rsplit(".", 1)[0], ref[1]
        mapped = gold_to_pred.get((label, idx))
        return f"{mapped[0]}#{mapped[1]}" if mapped else None

    pairs = [(key(p["later"]), key(p["earlier"])) for p in spec.get("repeats", [])]
    bad = {(key(p["later"]), key(p["earlier"])) for p in spec.get("not_repeats", [])}
    chain: dict[str, str] = {}  # gold pairs link neighbours in a chain; the linker links to the first

    def root(x: str) -> str:
        while chain.get(x, x) != x:
            x = chain[x]
        return x

    for later, earlier in pairs:
        if later and earlier:
            chain[root(later)] = root(earlier)
    labelled = {a for pair in [*pairs, *bad] for a in pair if a}
    predicted = {(k, v) for k, v in links.items() if k in labelled or v in labelled}
    correct = {(k, v) for k, v in predicted if k in chain and root(k) == root(v)}
    found = {later for later, _ in pairs if later and any(k == later for k, _ in correct)}
    precision = len(correct) / len(predicted) if predicted else 1.0
    recall = len(found) / len(pairs) if pairs else 1.0
    return {
        "links_predicted": len(predicted),
        "correct": len(correct),
        "precision": precision,
        "recall": recall,
        "gold_pairs": len(pairs),
        "not_repeat_pairs_linked": len(predicted & bad),
    }


def summarise(rep: Report, repeats: dict, n: int, elapsed: float, verbose: bool) -> dict:
    out = {"reports": n, "seconds": round(elapsed, 3), "reports_per_second": round(n / elapsed, 1) if elapsed else None}
    print(f"{n} gold reports; extraction {elapsed:.2f} s ({out['reports_per_second']} reports/s, one process)\n")
    print(f"{'field':34} {'P':>6} {'R':>6} {'F1':>6}   (tp/fp/fn)")
    for name, c in rep.counts.items():
        p, r, f = c.prf()
        out[name] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
        print(f"{name:34} {p:6.3f} {r:6.3f} {f:6.3f}   ({c.tp}/{c.fp}/{c.fn})")
    print(f"\n{'accuracy':34} {'value':>6}   (ok/n)")
    for name, a in rep.accs.items():
        out[name] = {"accuracy": round(a.value(), 3)}
        print(f"{name:34} {a.value():6.3f}   ({a.ok}/{a.n})")
    if repeats:
        out["repeat_links"] = repeats
        print(
            f"\nrepeat links: precision {repeats['precision']:.3f}, recall {repeats['recall']:.3f} "
            f"({repeats['correct']}/{repeats['links_predicted']} predicted, {repeats['gold_pairs']} gold pairs, "
            f"{repeats['not_repeat_pairs_linked']} near-misses linked)"
        )
    if verbose:
        print("\n" + "\n".join(rep.misses))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--gold", type=Path, help="folder of gold files (default tests/gold)")
    args = parser.parse_args()
    if args.gold:
        global GOLD
        GOLD = args.gold.resolve()
    result = evaluate(args.verbose)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
