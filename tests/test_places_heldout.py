"""Toponyms on held-out hand-written news passages (tests/fixtures/places_heldout.jsonl).

The passages were written, with every toponym's gold point, before the entity finder was run on
them; see benchmarks/places_heldout.py for the scoring. The floors sit just under what the finder
reaches, so a change that loses ground shows here.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("places_heldout", ROOT / "benchmarks" / "places_heldout.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.model
def test_heldout_place_floors() -> None:
    res = _bench().run()
    misses = [f"{r['id']} {kind}: {item}" for r in res["rows"] for kind in ("missed", "wrong", "false")
              for item in r[kind]]
    print(f"places held out: recall {res['recall']:.3f} precision {res['precision']:.3f} "
          f"within-161km {res['accuracy']:.3f}", misses)
    assert res["passages"] >= 25
    assert res["recall"] >= 0.93, misses
    assert res["precision"] >= 0.98, misses
    assert res["accuracy"] >= 0.93, misses
