"""Toponyms on held-out hand-written news passages (tests/fixtures/places_heldout.jsonl).

The passages were written, with every toponym's gold point, before the entity finder was run on
them; see benchmarks/places_heldout.py for the scoring. The floors sit just under what the finder
reaches, so a change that loses ground shows here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_benchmark

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.model
def test_heldout_place_floors() -> None:
    res = load_benchmark("places_heldout").run()
    misses = [f"{r['id']} {kind}: {item}" for r in res["rows"] for kind in ("missed", "wrong", "false")
              for item in r[kind]]
    print(f"places held out: recall {res['recall']:.3f} precision {res['precision']:.3f} "
          f"within-161km {res['accuracy']:.3f}", misses)
    assert res["passages"] >= 25
    assert res["recall"] >= 0.93, misses
    assert res["precision"] >= 0.98, misses
    assert res["accuracy"] >= 0.93, misses
