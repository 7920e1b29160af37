#!/usr/bin/env python3
"""Does the trigger classifier earn its place? K-fold cross-validation over the training sentences
(src/newsgraph/events/training/), through the full pipeline.

usage: python benchmarks/events_classifier_cv.py [--folds K] [--threshold T ...] [--misses]

The training sentences were written for the classifier by writers who never saw the rules, with as
many different trigger words as they could find (about 700 distinct ones in 840 sentences), so they
are also an unseen test of the rules. For each fold the classifier is trained on the other folds and
the pipeline runs on this fold three ways: the rules alone (`[events] classifier = false`), the rules
with the fold's classifier, and the keyword baseline of benchmarks/events_eval.py. Reported as in
benchmarks/events_heldout.py: main-type accuracy and micro precision / recall / F1 over (text, type).
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from events_heldout import misses, report, scores  # noqa: E402

from newsgraph.events import train  # noqa: E402


def run(rows: list[dict], settings: object) -> list[dict]:
    from newsgraph.pipeline import process_record
    from newsgraph.records import RawInput

    out = []
    for row in rows:
        a = process_record(RawInput(source=f"cv-{row['id']}", kind="text", payload=row["text"].encode()), settings)  # type: ignore[arg-type]
        out.append({**row, "kind": "snippet", "found": [(e.type, e.confidence, e.sources[0][0]) for e in a.events]})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--threshold", type=float, nargs="*", default=[0.6])
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    from newsgraph.nlp import load_nlp
    from newsgraph.settings import load_settings

    settings = dataclasses.replace(load_settings(), min_body_chars=1)  # some training sentences are short
    paths = sorted(train.TRAINING.glob("*.jsonl"))
    rows = train.load_rows(paths)
    for i, r in enumerate(rows):
        r.setdefault("id", str(i))
    nlp = load_nlp(settings.nlp_model)
    docs = list(nlp.pipe([r["text"] for r in rows], batch_size=64))
    per_row = [train.instances(d, r) for d, r in zip(docs, rows, strict=True)]
    results: dict[str, list[dict]] = {"rules": []}
    results.update({f"rules+classifier@{t}": [] for t in args.threshold})
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            fit_rows = [p for i, ps in enumerate(per_row) if i % args.folds != k for p in ps]
            test = [r for i, r in enumerate(rows) if i % args.folds == k]
            model = train.fit(*train.featurise(fit_rows))
            path = Path(tmp) / f"fold{k}.npz"
            model.save(path)
            results["rules"] += run(test, dataclasses.replace(settings, events_classifier=False))
            for t in args.threshold:
                results[f"rules+classifier@{t}"] += run(test, dataclasses.replace(settings, events_model=str(path), events_threshold=t))
    for name, got in results.items():
        report(scores(got), f"{name}, {args.folds}-fold over {len(rows)} training sentences")
        print()
        if args.misses and name != "rules":
            for m in misses(got):
                print("  ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
