"""The event trigger classifier: the shipped model is the one its training sentences give, it loads
or fails with a code, the settings switch it, and it reads event words the lexicons do not know."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.events import train
from newsgraph.events.classifier import MODEL_PATH, NONE, TriggerModel, load_model
from newsgraph.settings import load_settings


def test_shipped_model_is_trained_on_the_current_sentences():
    paths = sorted(train.TRAINING.glob("*.jsonl"))
    assert len(paths) >= 2
    model = load_model(MODEL_PATH)
    assert model.data_sha256 == train.data_hash(paths), "retrain: python -m newsgraph.events.train"
    assert model.classes[-1] == NONE and len(model.classes) == 17
    assert model.modes is not None  # the mode model beside it
    assert {c.split(":")[0] for c in model.modes.classes} <= set(train.MODES)
    assert all(c.split(":")[1] in ("", *train.MODES[c.split(":")[0]]) for c in model.modes.classes)


def test_training_sentences_are_well_formed():
    rows = train.load_rows(sorted(train.TRAINING.glob("*.jsonl")))
    assert len(rows) >= 800
    per_type = {t: sum(1 for r in rows if r["types"] and r["types"][0] == t) for t in train.TYPES}
    assert min(per_type.values()) >= 40, per_type
    assert sum(1 for r in rows if not r["types"]) >= 100  # sentences with no event, negatives
    assert all(r["trigger"] for r in rows if r["types"] and "trigger" in r)


def test_bad_training_row_names_its_line(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Troops shelled the town.", "types": ["ASSAULT"], "trigger": "shelled"}\n'
                   '{"text": "Troops shelled the town.", "types": ["SHELLING"], "trigger": "shelled"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2: unknown type 'SHELLING'"):
        train.load_rows([bad])


def test_corrupt_model_file_is_a_coded_error(tmp_path: Path):
    broken = tmp_path / "model.npz"
    broken.write_bytes(b"not a numpy archive")
    with pytest.raises(NewsgraphError) as err:
        load_model(broken)
    assert "E503" in str(err.value) and str(broken) in str(err.value)


def test_save_and_load_round_trip(tmp_path: Path):
    model = TriggerModel(classes=("ASSAULT", NONE), index={"l=V:shell": 0, "cl=town": 1},
                         sparse=np.array([[2.0, -1.0], [0.5, 0.0]], dtype=np.float32),
                         dense=np.zeros((96, 2), dtype=np.float32), bias=np.array([0.0, 0.3], dtype=np.float32),
                         data_sha256="abc")
    model.save(tmp_path / "m.npz")
    back = load_model(tmp_path / "m.npz")
    assert back.classes == model.classes and back.index == model.index and back.data_sha256 == "abc"
    assert np.allclose(back.sparse, model.sparse, atol=1e-3) and np.allclose(back.bias, model.bias)


def test_settings_switch_the_classifier(tmp_path: Path):
    assert load_settings().events_classifier is True
    off = tmp_path / "off.toml"
    off.write_text("[events]\nclassifier = false\nthreshold = 0.7\n", encoding="utf-8")
    s = load_settings(off)
    assert s.events_classifier is False and s.events_threshold == 0.7
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[events]\nclassifier = "yes"\n', encoding="utf-8")
    with pytest.raises(NewsgraphError, match="E502"):
        load_settings(wrong)


def _events(text: str, **changes: object) -> list:
    from newsgraph.pipeline import process_record
    from newsgraph.records import RawInput

    settings = dataclasses.replace(load_settings(), **changes)  # type: ignore[arg-type]
    return list(process_record(RawInput(source="t", kind="text", payload=text.encode()), settings).events)


@pytest.mark.model
def test_classifier_reads_words_the_lexicons_do_not_know():
    """Sentences written for this test, each with a trigger that no lexicon lists: the rules alone
    find no event of that type there, the classifier does."""
    from newsgraph.events.triggers import known
    from newsgraph.nlp import load_nlp

    cases = [
        ("Customs officers hauled in three smugglers at the Torkham crossing on Friday.", "hauled", "COERCE", "arrest"),
        ("The court handed the former governor a 12-year term for graft.", "handed", "SANCTION", "convict"),
        ("The regulator yanked two newspapers from the kiosks.", "yanked", "COERCE", "censor"),
    ]
    nlp = load_nlp(load_settings().nlp_model)
    for text, word, want, mode in cases:
        tok = next(t for t in nlp(text) if t.text == word)
        assert not known(tok), word
        assert want not in {e.type for e in _events(text, events_classifier=False)}
        assert (want, mode) in {(e.type, e.mode) for e in _events(text)}, text


@pytest.mark.model
def test_classifier_events_rank_below_the_rules():
    """The classifier's events carry its probability, scaled under the rules' weights."""
    text = "Customs officers hauled in three smugglers at the Torkham crossing on Friday."
    found = [e for e in _events(text) if e.type == "COERCE"]
    assert found and all(e.confidence < 0.85 for e in found)


@pytest.mark.model
def test_the_lexicons_verdict_stands():
    """A lexicon word the rules refuse in its context is not handed to the classifier."""
    text = "The collapse of a newly built bridge in the western district killed seven people on Sunday."
    assert not any(e.type == "ASSAULT" for e in _events(text))
