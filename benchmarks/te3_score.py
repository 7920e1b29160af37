"""Score `newsgraph.timex.tag` on the TempEval-3 platinum set (TimeML news documents).

Each document's DCT TIMEX3 is its publication date; the gold TIMEX3s inside <TEXT> are scored.
Definitions follow TempEval-3 (UzZaman et al. 2013):

* strict extraction: a system span matches a gold span with exactly the same offsets;
* relaxed extraction: the spans overlap (one-to-one matching);
* value F1 / type F1: P = relaxed matches with an equal attribute / system timexes,
  R = the same / gold timexes; type accuracy = equal types / relaxed matches.

Usage: python benchmarks/te3_score.py [DIR] [--misses] [--no-speed]
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from newsgraph.timex import tag

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "timex" / "te3-platinum"

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_SENT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


@dataclass
class Gold:
    text: str
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    dct: str | None
    text: str
    gold: list[Gold]


def parse_tml(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if m:
        dct = dict(_ATTR.findall(m.group(1))).get("value")
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    out: list[str] = []
    pos = 0
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for tm in _TAG.finditer(body):
        piece = html.unescape(body[pos:tm.start()])
        out.append(piece)
        length += len(piece)
        pos = tm.end()
        closing, name = tm.group(1), tm.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tm.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Gold("", start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    return Doc(path.stem, dct, text, gold)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _match(gold: list[Gold], system: list) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: exact spans first, then the largest overlaps."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                exact = int(g.start == s.start and g.end == s.end)
                pairs.append((exact, ov, gi * 100000 + si))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    result = []
    for _, _, key in pairs:
        gi, si = divmod(key, 100000)
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        result.append((gi, si))
    return result


def evaluate(docs: list[Doc], misses: bool = False) -> dict[str, float]:
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    for doc in docs:
        system = tag(doc.text, doc.dct)
        n_gold += len(doc.gold)
        n_sys += len(system)
        pairs = _match(doc.gold, system)
        matched_g = {g for g, _ in pairs}
        matched_s = {s for _, s in pairs}
        for gi, si in pairs:
            g, s = doc.gold[gi], system[si]
            relaxed += 1
            strict += int(g.start == s.start and g.end == s.end)
            value_ok += int(g.value == s.value)
            type_ok += int(g.type == s.type)
            if misses and (g.value != s.value or g.start != s.start or g.end != s.end):
                print(f"WRONG  {doc.name}: gold {g.text!r} {g.type} {g.value} | sys {s.text!r} {s.type} {s.value}")
        if misses:
            for gi, g in enumerate(doc.gold):
                if gi not in matched_g:
                    ctx = doc.text[max(0, g.start - 40):g.end + 30].replace("\n", " ")
                    print(f"MISSED {doc.name}: {g.text!r} {g.type} {g.value}  ...{ctx}...")
            for si, s in enumerate(system):
                if si not in matched_s:
                    ctx = doc.text[max(0, s.start - 40):s.end + 30].replace("\n", " ")
                    print(f"EXTRA  {doc.name}: {s.text!r} {s.type} {s.value}  ...{ctx}...")
    sp, sr = strict / max(n_sys, 1), strict / max(n_gold, 1)
    rp, rr = relaxed / max(n_sys, 1), relaxed / max(n_gold, 1)
    vp, vr = value_ok / max(n_sys, 1), value_ok / max(n_gold, 1)
    tp, tr = type_ok / max(n_sys, 1), type_ok / max(n_gold, 1)
    return {
        "gold": n_gold, "system": n_sys,
        "strict_p": sp, "strict_r": sr, "strict_f1": _f1(sp, sr),
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": _f1(rp, rr),
        "value_p": vp, "value_r": vr, "value_f1": _f1(vp, vr),
        "type_f1": _f1(tp, tr), "type_accuracy": type_ok / max(relaxed, 1),
    }


def load(directory: Path) -> list[Doc]:
    return [parse_tml(p) for p in sorted(directory.glob("*.tml"))]


def speed(docs: list[Doc], min_seconds: float = 2.0) -> tuple[int, float]:
    """Sentences per second of `tag` on one core, each sentence tagged with its document's date."""
    sentences = [(s, d.dct) for d in docs for s in _SENT.split(d.text) if s.strip()]
    n = 0
    t0 = time.perf_counter()
    while True:
        for s, dct in sentences:
            tag(s, dct)
        n += len(sentences)
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            return len(sentences), n / elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--misses", action="store_true", help="list wrong, missed and extra timexes")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = ap.parse_args(argv)
    if not args.directory.is_dir():
        print(f"no such directory: {args.directory}", file=sys.stderr)
        return 2
    docs = load(args.directory)
    r = evaluate(docs, misses=args.misses)
    print(f"documents {len(docs)}, gold timexes {r['gold']}, system timexes {r['system']}")
    print(f"extraction strict:  P {r['strict_p']:.3f}  R {r['strict_r']:.3f}  F1 {r['strict_f1']:.3f}")
    print(f"extraction relaxed: P {r['relaxed_p']:.3f}  R {r['relaxed_r']:.3f}  F1 {r['relaxed_f1']:.3f}")
    print(f"value:              P {r['value_p']:.3f}  R {r['value_r']:.3f}  F1 {r['value_f1']:.3f}")
    print(f"type:               F1 {r['type_f1']:.3f}  accuracy {r['type_accuracy']:.3f}")
    if not args.no_speed:
        n, rate = speed(docs)
        print(f"speed: {rate:,.0f} sentences/s ({n} sentences, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
