"""Docs/s and words/s of the entity stage vs bare nlp.pipe of the same model, in the same run.

usage: python benchmarks/entities_speed.py [REPEAT]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from newsgraph.entities.find import entities_of, resources
from newsgraph.settings import load_settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    settings = load_settings()
    res = resources(settings.nlp_model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())] * repeat
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _ in res.nlp.pipe(texts):
        pass
    bare = time.perf_counter() - started
    started = time.perf_counter()
    for t in texts:
        entities_of(t, settings)
    ours = time.perf_counter() - started
    print(f"bare nlp.pipe: {len(texts) / bare:.1f} docs/s {words / bare:.0f} words/s")
    print(f"find entities: {len(texts) / ours:.1f} docs/s {words / ours:.0f} words/s (ratio {bare / ours:.2f})")


if __name__ == "__main__":
    main()
