#!/usr/bin/env python3
"""Toponym figures of newsgraph.entities.find.entities_of on held-out hand-written news passages.

usage: python benchmarks/places_heldout.py [--misses] [--json] [--fixture PATH]

tests/fixtures/places_heldout.jsonl holds one passage a line: {id, published, text, places: [{name,
lat, lon, country, kind}]} with every toponym of the passage (kind city, admin1, country or feature).
The passages and their gold were written before newsgraph was run on them. The dateline is read
from the text with newsgraph.article.dateline.find_dateline, as the pipeline does.

Scoring: each case-insensitive, whole-word occurrence of a gold name is a gold span. A place
entity (type GPE or LOC, or one with a `place`) is matched to the gold name whose span its mention
overlaps most (each mention on its own). recall = gold names found / gold names; precision = place entities matched to a
gold name / place entities. A found gold name is right when its place lies within 161 km of the
gold point (city), 500 km (admin1, feature), or in the gold country (country).
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
FIXTURE = ROOT / "tests" / "fixtures" / "places_heldout.jsonl"
TOLERANCE_KM = {"city": 161.0, "admin1": 500.0, "feature": 500.0, "country": 1000.0}
PLACE_TYPES = ("GPE", "LOC")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def gold_spans(text: str, places: list[dict]) -> list[tuple[int, int, int]]:
    """(start, end, index into places) for every whole-word occurrence of a gold name."""
    spans = []
    for i, g in enumerate(places):
        for m in re.finditer(r"(?<!\w)" + re.escape(g["name"]) + r"(?!\w)", text, re.IGNORECASE):
            spans.append((m.start(), m.end(), i))
    return spans


def right(place: Any, gold: dict) -> bool:
    if place is None:
        return False
    if gold["kind"] == "country" and gold["country"]:
        return bool(place.country == gold["country"])
    if place.lat is None or place.lon is None:
        return False
    return km(place.lat, place.lon, gold["lat"], gold["lon"]) <= TOLERANCE_KM[gold["kind"]]


def score_passage(case: dict, found: Any) -> dict:
    text, places = case["text"], case["places"]
    spans = gold_spans(text, places)
    hit: dict[int, Any] = {}
    found_ents: list[str] = []
    false: list[str] = []
    for e in found:
        if e.type not in PLACE_TYPES and e.place is None:
            continue
        matched = set()
        for m in e.mentions:
            if m.kind != "name":
                continue
            best, best_overlap = None, 0
            for s, t, i in spans:
                overlap = min(t, m.end) - max(s, m.start)
                if overlap > best_overlap:
                    best, best_overlap = i, overlap
            if best is not None:
                matched.add(best)
        if not matched:
            false.append(e.name)
            continue
        found_ents.append(e.name)
        for best in matched:
            if best not in hit or (hit[best] is None and e.place is not None):
                hit[best] = e.place
    out = {"id": case["id"], "gold": len(places), "found": len(hit), "right": 0, "entities": 0, "false": false,
           "missed": [], "wrong": []}
    out["entities"] = len(found_ents) + len(false)
    out["matched"] = len(found_ents)
    for i, g in enumerate(places):
        if i not in hit:
            out["missed"].append(g["name"])
            continue
        p = hit[i]
        if right(p, g):
            out["right"] += 1
        else:
            where = "no place" if p is None else f"{p.name} {p.country} {p.lat},{p.lon} ({p.precision})"
            away = ""
            if p is not None and p.lat is not None and p.lon is not None:
                away = f" {km(p.lat, p.lon, g['lat'], g['lon']):.0f} km off"
            out["wrong"].append(f"{g['name']} [{g['kind']} {g['country']}] -> {where}{away}")
    return out


def run(fixture: Path = FIXTURE) -> dict:
    from newsgraph.article.dateline import find_dateline
    from newsgraph.entities.find import entities_of
    from newsgraph.settings import load_settings

    settings = load_settings()
    cases = [json.loads(line) for line in fixture.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []
    for case in cases:
        found = entities_of(case["text"], settings, published=case.get("published"),
                            dateline=find_dateline(case["text"]))
        rows.append(score_passage(case, found))
    gold = sum(r["gold"] for r in rows)
    hit = sum(r["found"] for r in rows)
    ents = sum(r["entities"] for r in rows)
    matched = sum(r["matched"] for r in rows)
    ok = sum(r["right"] for r in rows)
    return {"passages": len(rows), "gold": gold, "recall": hit / max(gold, 1),
            "precision": matched / max(ents, 1), "accuracy": ok / max(hit, 1), "right_of_gold": ok / max(gold, 1),
            "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true", help="list missed, wrong and false toponyms")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--fixture", type=Path, default=FIXTURE)
    args = ap.parse_args()
    res = run(args.fixture)
    if args.json:
        print(json.dumps({k: v for k, v in res.items() if k != "rows"}, indent=1))
    else:
        print(f"{res['passages']} passages, {res['gold']} gold toponyms: recall {res['recall']:.3f} "
              f"precision {res['precision']:.3f} within-161km {res['accuracy']:.3f} "
              f"(right of all gold {res['right_of_gold']:.3f})")
    if args.misses:
        for r in res["rows"]:
            for kind in ("missed", "wrong", "false"):
                for item in r[kind]:
                    print(f"  {r['id']} {kind}: {item}")


if __name__ == "__main__":
    main()
