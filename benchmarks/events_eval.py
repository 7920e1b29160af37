#!/usr/bin/env python3
"""Figures of newsgraph.events.extract_events: the dev set, the seed reports, and speed.

usage: python benchmarks/events_eval.py [--misses] [--no-seeds] [--no-speed]

Dev set (tests/fixtures/events_dev.jsonl, sentences written for this project): per-type precision,
recall and F1 over (sentence, type) pairs, against a keyword baseline (a trigger word anywhere in the
sentence gives its type); mode and modality accuracy on matched events; precision of the top and
bottom thirds by confidence. Seeds: the events.* measures of shared/tools/score_seeds.py, computed the
same way from the pipeline's own findings. Speed: extract_events time relative to the earlier stages.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.events import extract_events  # noqa: E402
from newsgraph.events.lexicon import NOUNS, TYPES, VERBS  # noqa: E402
from newsgraph.records import Analysis, Article, RawInput  # noqa: E402
from newsgraph.settings import Settings, load_settings  # noqa: E402

DEV = ROOT / "tests" / "fixtures" / "events_dev.jsonl"


def analyse(text: str, settings: Settings) -> Analysis:
    """The earlier stages over a plain body (no extraction: dev sentences are shorter than a report)."""
    from newsgraph.entities.find import find_entities
    from newsgraph.pipeline import find_quotes, find_timexes, parse

    a = Analysis(raw=RawInput(source="dev", kind="text", payload=text), article=Article(id="dev", source="dev", body=text))
    for fn in (find_timexes, parse, find_quotes, find_entities):
        a = fn(a, settings)
    return a


def keyword_types(text: str) -> set[str]:
    """The baseline: any trigger word of the lexicon (verb or noun lemma as a word prefix) anywhere."""
    words = re.findall(r"[a-z]+", text.lower())
    out = set()
    for lemma, (typ, _, _) in {**NOUNS, **VERBS}.items():
        stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma
        if any(w == lemma or (w.startswith(stem) and len(w) - len(stem) <= 3) for w in words):
            out.add(typ)
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def dev_run(settings: Settings) -> list[dict]:
    rows = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        a = analyse(item["text"], settings)
        assert a.article is not None
        found = extract_events(a.parsed, a.article, a.timexes, a.entities, a.quotes, *trigger_model(settings))
        rows.append({**item, "found": found})
    return rows


def dev_scores(rows: list[dict]) -> dict:
    counts: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    base: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    mode_ok = mode_n = mod_ok = mod_n = att_ok = att_n = 0
    scored: list[tuple[float, bool]] = []
    misses: list[str] = []
    for row in rows:
        gold = {e["type"] for e in row["events"]}
        got = {e.type for e in row["found"]}
        for t in TYPES:
            c = counts[t]
            c["tp"] += t in gold and t in got
            c["fp"] += t not in gold and t in got
            c["fn"] += t in gold and t not in got
            b = base[t]
            kw = keyword_types(row["text"])
            b["tp"] += t in gold and t in kw
            b["fp"] += t not in gold and t in kw
            b["fn"] += t in gold and t not in kw
        for e in row["found"]:
            scored.append((e.confidence, e.type in gold))
        for g in row["events"]:
            match = [e for e in row["found"] if e.type == g["type"]]
            if not match:
                misses.append(f"missed {g['type']}: {row['text']}")
                continue
            if g.get("mode"):
                mode_n += 1
                ok = any(e.mode == g["mode"] for e in match)
                mode_ok += ok
                if not ok:
                    misses.append(f"mode {g['type']} {g['mode']} -> {[e.mode for e in match]}: {row['text']}")
            mod_n += 1
            ok = any(e.modality == g["modality"] for e in match)
            mod_ok += ok
            if not ok:
                misses.append(f"modality {g['type']} {g['modality']} -> {[e.modality for e in match]}: {row['text']}")
            if "attributed_to" in g:
                att_n += 1
                want = re.sub(r"^the ", "", g["attributed_to"].lower())
                ok = any(e.attributed_to and want in e.attributed_to.lower() for e in match)
                att_ok += ok
                if not ok:
                    misses.append(f"attribution {g['attributed_to']} -> {[e.attributed_to for e in match]}: {row['text']}")
        for e in row["found"]:
            if e.type not in gold:
                misses.append(f"extra {e.type}/{e.mode} ({e.confidence}): {row['text']}")
    scored.sort(key=lambda x: -x[0])
    k = len(scored) // 3
    top = [ok for _, ok in scored[:k]]
    bottom = [ok for _, ok in scored[-k:]] if k else []
    return {"types": counts, "baseline": base, "mode": (mode_ok, mode_n), "modality": (mod_ok, mod_n),
            "attribution": (att_ok, att_n), "top_third": sum(top) / len(top) if top else 1.0,
            "bottom_third": sum(bottom) / len(bottom) if bottom else 1.0, "misses": misses}


def seed_scores(settings: Settings) -> tuple[dict[str, list[int]], list[str], list[str]]:
    """events.* of score_seeds.py from the pipeline's own records (no export, no knowledge base)."""
    sys.path.insert(0, str(SHARED / "tools"))
    from score_seeds import norm, tokens  # noqa: PLC0415

    from newsgraph.entities.find import find_entities
    from newsgraph.pipeline import extract, find_quotes, find_timexes, fingerprint, parse, process_record, to_article

    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    stages = (extract, to_article, fingerprint, find_timexes, parse, find_quotes, find_entities)
    tally: dict[str, list[int]] = {}
    misses: list[str] = []
    invented: list[str] = []

    def add(name: str, ok: bool, what: str) -> None:
        hits, total = tally.setdefault(name, [0, 0])
        tally[name] = [hits + int(ok), total + 1]
        if not ok:
            misses.append(f"{name}: {what}")

    def named(found: str | None, want: str, aliases: set[str]) -> bool:
        return bool(found) and (norm(found) in aliases or norm(want) in norm(found))

    for gdoc in gold["documents"]:
        path = SHARED / "seeds" / gdoc["file"]
        a = process_record(RawInput(source=str(path), kind="text", payload=path.read_bytes()), settings, stages)
        assert a.article is not None
        body = a.article.body
        found = extract_events(a.parsed, a.article, a.timexes, a.entities, a.quotes, *trigger_model(settings))
        aliases: dict[str, set[str]] = {}
        for gent in gdoc["entities"]:
            aliases[gent["name"]] = {norm(m) for m in [gent["name"], *gent["mentions"]]}
        used: set[int] = set()
        for gev in gdoc["events"]:
            cands = [i for i, e in enumerate(found) if i not in used and e.type == gev["type"]]
            near = [i for i in cands if any(norm(gev["evidence"]) in norm(body[s:t]) for s, t in found[i].sources)]
            pick = (near or cands)[0] if (near or cands) else None
            add("events.found", pick is not None, f"{gdoc['file']}: {gev['type']} {gev['evidence'][:40]}")
            if pick is None:
                continue
            used.add(pick)
            e = found[pick]
            if gev.get("location"):
                add("events.location", named(e.location_name, gev["location"], aliases.get(gev["location"], set())), f"{gev['type']} @ {gev['location']} -> {e.location_name}")
            if "accepted_when" in gev:
                add("events.when", e.when in gev["accepted_when"], f"{gev['type']} {gev['accepted_when']} -> {e.when}")
            if gev.get("fatalities") is not None:
                add("events.fatalities", e.fatalities == gev["fatalities"], f"{gev['type']} -> {e.fatalities}")
            if gev.get("mode"):
                add("events.mode", e.mode == gev["mode"], f"{gev['type']} {gev['mode']} -> {e.mode}")
            if gev.get("actor"):
                ok = all(any(named(x, want, aliases.get(want, set())) for x in e.actor) for want in gev["actor"])
                add("events.actor", ok, f"{gev['type']} by {gev['actor']} -> {e.actor}")
            add("events.modality", e.modality == gev["modality"], f"{gev['type']} {gev['modality']} -> {e.modality}")
            if gev["modality"] == "future" and e.modality == "asserted":
                invented.append(f"{gdoc['file']}: pledged {gev['type']} coded as done")
            want, got = gev.get("attributed_to"), e.attributed_to
            if want is None:
                ok = got is None
            else:
                ok = named(got, want, aliases.get(want, set())) or any(w in norm(got).split() for w in tokens(want)[:1])
                if got is None:
                    invented.append(f"{gdoc['file']}: {gev['type']} resting on {want!r} coded as the report's fact")
            add("events.attribution", ok, f"{gev['type']} attributed to {want!r} -> {got!r}")
        allowed = {g["type"] for g in gdoc["events"]} | set(gdoc.get("optional_event_types", []))
        for i, e in enumerate(found):
            add("events.precision", i in used or e.type in allowed, f"{gdoc['file']}: unexpected {e.type} {body[e.sources[0][0]:e.sources[0][1]][:60]!r}")
        if len(found) > 3 * (len(gdoc["events"]) + len(gdoc.get("optional_event_types", []))):
            invented.append(f"{gdoc['file']}: {len(found)} events from one short report")
    return tally, misses, invented


def trigger_model(settings: Settings) -> tuple[object, float]:
    """The classifier and threshold the pipeline's find_events would use."""
    from newsgraph.events.classifier import default_model

    if not settings.events_classifier:
        return None, settings.events_threshold
    return (default_model(settings.events_model) if settings.events_model else default_model()), settings.events_threshold


def speed(settings: Settings, rounds: int = 3) -> tuple[float, float]:
    """Seconds for the earlier stages and for extract_events over the seeds (model already loaded)."""
    from newsgraph.pipeline import _stages, process_record

    stages = tuple(s for s in _stages() if s.__name__ not in ("find_events", "release"))
    paths = sorted((SHARED / "seeds").glob("*.txt"))
    raws = [RawInput(source=str(p), kind="text", payload=p.read_bytes()) for p in paths]
    process_record(raws[0], settings, stages)  # warm up
    before = events = 0.0
    for _ in range(rounds):
        for raw in raws:
            t0 = time.perf_counter()
            a = process_record(raw, settings, stages)
            t1 = time.perf_counter()
            assert a.article is not None
            extract_events(a.parsed, a.article, a.timexes, a.entities, a.quotes, *trigger_model(settings))
            events += time.perf_counter() - t1
            before += t1 - t0
    return before, events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    settings = load_settings()
    s = dev_scores(dev_run(settings))
    print(f"dev set: {DEV.name}")
    print(f"{'type':10} {'P':>5} {'R':>5} {'F1':>5}   baseline {'P':>5} {'R':>5} {'F1':>5}")
    tot: Counter[str] = Counter()
    btot: Counter[str] = Counter()
    for t in TYPES:
        c, b = s["types"][t], s["baseline"][t]
        tot.update(c)
        btot.update(b)
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        bp, br, bf = prf(b["tp"], b["fp"], b["fn"])
        print(f"{t:10} {p:5.2f} {r:5.2f} {f:5.2f}   baseline {bp:5.2f} {br:5.2f} {bf:5.2f}")
    p, r, f = prf(tot["tp"], tot["fp"], tot["fn"])
    bp, br, bf = prf(btot["tp"], btot["fp"], btot["fn"])
    print(f"{'micro':10} {p:5.2f} {r:5.2f} {f:5.2f}   baseline {bp:5.2f} {br:5.2f} {bf:5.2f}")
    for name in ("mode", "modality", "attribution"):
        ok, n = s[name]
        print(f"{name} {ok / n if n else 1:.2f} ({ok}/{n})")
    print(f"confidence thirds: top precision {s['top_third']:.2f}, bottom precision {s['bottom_third']:.2f}")
    if args.misses:
        for m in s["misses"]:
            print("  dev", m)
    if not args.no_seeds and SHARED.exists():
        tally, misses, invented = seed_scores(settings)
        for name in sorted(tally):
            hits, total = tally[name]
            print(f"{name} {hits / total:.2f} ({hits}/{total})")
        print(f"events invented {len(invented)}")
        if args.misses:
            for m in misses + invented:
                print("  seeds", m)
    if not args.no_speed and SHARED.exists():
        before, events = speed(settings)
        print(f"speed: earlier stages {before:.2f}s, events {events:.3f}s (+{100 * events / before:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
