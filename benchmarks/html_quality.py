#!/usr/bin/env python3
"""Quality of newsgraph's HTML extractor against bare trafilatura on the Zyte benchmark or NAEB.

usage: html_quality.py [--set zyte|naeb] [--misses] [--every N] [--skip-bare]

Prints body precision/recall/F1 (token 4-gram shingles, averaged over pages: the benchmarks' own
measure, from shared/tools/score_extraction.py), headline and published accuracy (NAEB), pages/s,
for `extract_html` and for bare `trafilatura.extract` (include_comments=False: the body alone, as
extract_html's body; headline and date from `trafilatura.extract_metadata`) on the same pages,
over all pages and over the two halves of the development split (page ids starting 0-7 / 8-f).
"""
from __future__ import annotations

import argparse
import gzip
import json
import lzma
import re
import sys
import time
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

from newsgraph.article.html import extract_html
from newsgraph.errors import Rejected

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "tools"))
from score_extraction import precision_recall  # noqa: E402

DATA = SHARED / "data" / "extraction"


def norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def load(path: Path) -> str:
    opener = gzip.open if path.suffix == ".gz" else lzma.open if path.suffix == ".xz" else open
    with opener(path, "rb") as handle:
        return decode_file(handle.read())


class Tally:
    def __init__(self) -> None:
        self.p: list[float] = []
        self.r: list[float] = []
        self.headlines = 0
        self.dates = 0
        self.dated = 0
        self.seconds = 0.0

    def add(self, body: str | None, headline: str | None, published: str | None, gold: dict) -> tuple[float, float]:
        p, r = precision_recall(body, gold.get("articleBody"))
        self.p.append(p)
        self.r.append(r)
        if "title" in gold:
            self.headlines += norm(gold.get("title")) == norm(headline)
        if gold.get("date") and gold["date"] != "NaT":
            self.dated += 1
            self.dates += str(published or "")[:10] == gold["date"][:10]
        return p, r

    def line(self, name: str, naeb: bool) -> str:
        n = len(self.p)
        if not n:
            return f"{name:<28} no pages"
        precision, recall = sum(self.p) / n, sum(self.r) / n
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out = f"{name:<28} n={n:<4} body P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
        if naeb:
            out += f"  headline {self.headlines / n:.3f}  published {self.dates / max(self.dated, 1):.3f}"
        if self.seconds:
            out += f"  {n / self.seconds:.1f} pages/s"
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["zyte", "naeb"], default="zyte")
    parser.add_argument("--misses", action="store_true", help="list the worst pages and headline/date misses")
    parser.add_argument("--every", type=int, default=1, help="only every Nth page (a deterministic sample)")
    parser.add_argument("--skip-bare", action="store_true", help="do not run bare trafilatura")
    args = parser.parse_args()
    folder = DATA / args.set
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    paths = {re.sub(r"\.html?(\.(gz|xz))?$", "", p.name): p for p in sorted((folder / "html").iterdir())}
    keys = [k for k in sorted(gold) if k in paths][:: args.every]
    naeb = args.set == "naeb"
    ours = {"all": Tally(), "dev 0-7": Tally(), "check 8-f": Tally()}
    bare = {"all": Tally(), "dev 0-7": Tally(), "check 8-f": Tally()}
    worst, misses = [], []
    for key in keys:
        html = load(paths[key])
        half = "dev 0-7" if key[0] in "01234567" else "check 8-f"
        start = time.perf_counter()
        try:
            got = extract_html(html)
            body, headline, published = got.body, got.headline, got.published
        except Rejected as error:
            body = headline = published = None
            misses.append(f"    rejected: {key} {error}")
        spent = time.perf_counter() - start
        for name in ("all", half):
            ours[name].seconds += spent
            p, r = ours[name].add(body, headline, published, gold[key])
        worst.append((2 * p * r / (p + r) if p + r else 0.0, key, p, r))
        if naeb and norm(headline) != norm(gold[key].get("title")):
            misses.append(f"    headline: {key} got {headline!r} want {gold[key].get('title')!r}")
        if naeb and gold[key].get("date") not in (None, "NaT") and str(published or "")[:10] != gold[key]["date"][:10]:
            misses.append(f"    published: {key} got {published!r} want {gold[key]['date']!r}")
        if args.skip_bare:
            continue
        start = time.perf_counter()
        try:
            text = trafilatura.extract(html, include_comments=False)  # the body alone, as ours
            meta = trafilatura.extract_metadata(html) if naeb else None
        except Exception:  # noqa: BLE001 - the baseline may fail where ours rejects
            text, meta = None, None
        spent = time.perf_counter() - start
        for name in ("all", half):
            bare[name].seconds += spent
            bare[name].add(text, meta.title if meta else None, meta.date if meta else None, gold[key])
    missing = sum(1 for k in gold if k not in paths)
    note = f" ({missing} gold pages have no HTML; shared/tools/score_extraction.py counts them as misses)" if missing else ""
    print(f"{args.set}: {len(keys)} pages{note}")
    for name, tally in ours.items():
        print(tally.line(f"newsgraph {name}", naeb))
    if not args.skip_bare:
        for name, tally in bare.items():
            print(tally.line(f"trafilatura {name}", naeb))
    if args.misses:
        for score, key, p, r in sorted(worst)[:15]:
            print(f"    worst: {key} F1 {score:.2f} (P {p:.2f} R {r:.2f})")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
