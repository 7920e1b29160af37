#!/usr/bin/env python3
"""Quality of the plain-text cleaner (newsgraph.article.text.clean_text) on NAEB pages as plain text
and on the four seeds.

usage: python benchmarks/text_quality.py [--misses] [--split] [--limit N]

Prints body precision / recall / F1 (token 4-gram shingles, the benchmark's own measure, from
shared/tools/score_extraction.py), headline and published accuracy, and pages per second.
--split also reports files whose name starts with 0-7 and 8-f apart (a development / check split).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "tools"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from score_extraction import precision_recall  # noqa: E402

from newsgraph.article.text import clean_text  # noqa: E402

TEXTS = SHARED / "data" / "extraction" / "naeb-text"
GOLD = SHARED / "data" / "extraction" / "naeb" / "ground-truth.json"


def _norm(x: str | None) -> str:
    return re.sub(r"\W+", " ", (x or "").lower()).strip()


def score(files: list[Path], gold: dict) -> dict:
    ps, rs, rows = [], [], []
    heads = dates = dated = 0
    started = time.perf_counter()
    for f in files:
        item = gold[f.stem]
        out = clean_text(f.read_text(encoding="utf-8", errors="replace"))
        p, r = precision_recall(out.body, item.get("articleBody"))
        ps.append(p)
        rs.append(r)
        h_ok = _norm(item.get("title")) == _norm(out.headline)
        heads += h_ok
        d_ok = None
        if item.get("date") and item["date"] != "NaT":
            dated += 1
            d_ok = str(out.published or "")[:10] == item["date"][:10]
            dates += d_ok
        rows.append((2 * p * r / (p + r) if p + r else 0.0, f.stem, p, r, h_ok, d_ok, out, item))
    elapsed = time.perf_counter() - started
    n = len(files) or 1
    precision, recall = sum(ps) / n, sum(rs) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pages": len(files), "precision": precision, "recall": recall, "f1": f1, "headline": heads / n,
            "published": dates / (dated or 1), "pages_per_s": len(files) / elapsed if elapsed else 0.0, "rows": rows}


def report(name: str, res: dict) -> None:
    print(f"{name:10s} pages {res['pages']:4d}  body P {res['precision']:.3f} R {res['recall']:.3f} "
          f"F1 {res['f1']:.3f}  headline {res['headline']:.3f}  published {res['published']:.3f}  "
          f"{res['pages_per_s']:.0f} pages/s")


def seeds() -> None:
    gold_path = SHARED / "gold" / "seeds.json"
    if not gold_path.exists():
        return
    docs = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    fold = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
    for d in docs:
        out = clean_text((SHARED / "seeds" / d["file"]).read_text(encoding="utf-8"))
        body = re.sub(r"\s+", " ", out.body.translate(fold))
        problems = []
        for field in ("headline", "published", "dateline"):
            if (getattr(out, field) or None) != d.get(field):
                problems.append(f"{field}={getattr(out, field)!r} (gold {d.get(field)!r})")
        problems += [f"missing {s[:40]!r}" for s in d["body_includes"] if re.sub(r"\s+", " ", s.translate(fold)) not in body]
        problems += [f"kept {s[:40]!r}" for s in d["body_excludes"] if re.sub(r"\s+", " ", s.translate(fold)) in body]
        if len(out.comments) != len(d["comments"]) or any(
                not c.startswith(g[:30]) for c, g in zip(out.comments, d["comments"], strict=False)):
            problems.append(f"comments {len(out.comments)} (gold {len(d['comments'])})")
        print(f"seed {d['file']}: {'ok' if not problems else '; '.join(problems)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the worst pages, headline and date misses")
    parser.add_argument("--split", action="store_true", help="report the 0-7 / 8-f halves apart")
    parser.add_argument("--limit", type=int, default=15)
    args = parser.parse_args()
    if not GOLD.exists():
        print(f"no NAEB gold at {GOLD}", file=sys.stderr)
        return 2
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    files = sorted(f for f in TEXTS.glob("*.txt") if f.stem in gold)
    res = score(files, gold)
    report("naeb-text", res)
    if args.split:
        for name, digits in (("dev 0-7", "01234567"), ("check 8-f", "89abcdef")):
            report(name, score([f for f in files if f.name[0] in digits], gold))
    seeds()
    if args.misses:
        rows = sorted(res["rows"], key=lambda r: r[0])
        print("\nworst bodies:")
        for f1, key, p, r, *_ in rows[:args.limit]:
            print(f"  {key} F1 {f1:.2f} P {p:.2f} R {r:.2f}")
        print("\nheadline misses:")
        for row in [r for r in rows if not r[4]][:args.limit]:
            print(f"  {row[1]}: got {row[6].headline!r:.70} want {row[7].get('title')!r:.70}")
        print("\npublished misses:")
        for row in [r for r in rows if r[5] is False][:args.limit]:
            print(f"  {row[1]}: got {row[6].published!r} want {row[7].get('date')!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
