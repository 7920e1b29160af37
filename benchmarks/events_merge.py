#!/usr/bin/env python3
"""Cross-report event merging on stories told by several reports, against a same-day-same-place key.

usage: python benchmarks/events_merge.py

tests/fixtures/event_stories.jsonl: short reports written here, grouped in stories; each report lists
its gold readings (`event`: which real event, `type`, `evidence`: words of the sentence). Some events
are told by several reports (a bombing, its toll revised, then the arrests over it), and the stories
hold the hard negatives: two attacks in one city on one day, the same toll on the same day in another
province, the same protest two weeks later. Each report is ingested into one knowledge base; a gold
reading's line is the exported event of its type with a source in its report holding the evidence.

Reported: pairwise precision / recall / F1 over pairs of gold readings of different reports (one real
event, one line), for newsgraph's merge, for no merging (each report's event its own line, as GDELT's
duplicates), and for the usual dedup key (type, modality, day, place name) over each report's events.
The reports were written by the people who wrote the merge rules: a check, not a held-out figure.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.evaluation import norm, pairwise  # noqa: E402

STORIES = ROOT / "tests" / "fixtures" / "event_stories.jsonl"


def build(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    """Ingest the stories into a knowledge base in `folder`: (merged events, each report's events,
    file -> document id)."""
    import newsgraph
    from newsgraph.store.findings import report_events

    stories = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    for s in stories:
        (folder / s["file"]).write_text(s["text"], encoding="utf-8")
    with newsgraph.open(folder / "kb.db") as kb:
        kb.ingest([str(folder / s["file"]) for s in stories], isolate=False)
        docs = {Path(d.source).name: d.id for d in kb.documents()}
        merged = kb.events(include_copies=True)
        per_report = list(report_events(kb.conn))
    return merged, per_report, docs


def line_of(rows: list[dict[str, Any]], doc: str, type_: str, evidence: str) -> str | None:
    for row in rows:
        if row["type"] == type_ and any(s["doc"] == doc and norm(evidence) in norm(s["text"]) for s in row["sources"]):
            return str(row["id"])
    return None


def score(folder: Path) -> dict[str, tuple[float, float, float]]:
    merged, per_report, docs = build(folder)
    stories = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold: dict[str, str] = {}
    ours: dict[str, str | None] = {}
    alone: dict[str, str | None] = {}
    keyed: dict[str, str | None] = {}
    key_of = {r["id"]: (r["type"], r["modality"], (r["when"] or "")[:10] or r["id"],
                        ((r["location"] or {}).get("name") or r["id"]).lower()) for r in per_report}
    for s in stories:
        doc = docs[s["file"]]
        for g in s["gold"]:
            item = f"{s['file']}:{g['type']}:{g['evidence']}"
            gold[item] = f"{s['story']}:{g['event']}"
            ours[item] = line_of(merged, doc, g["type"], g["evidence"])
            alone[item] = line_of(per_report, doc, g["type"], g["evidence"])
            keyed[item] = str(key_of[alone[item]]) if alone[item] else None
    return {"newsgraph": pairwise(gold, ours), "no merging": pairwise(gold, alone),
            "same day and place": pairwise(gold, keyed), "_found": (sum(v is not None for v in ours.values()),
                                                                     len(ours), 0.0)}


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = score(Path(tmp))
    found, total, _ = figures.pop("_found")
    print(f"event stories: {total} gold readings, {found:.0f} found by the extractor")
    for name, (p, r, f) in figures.items():
        print(f"{name:<22} pairwise P {p:.2f} R {r:.2f} F1 {f:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
