"""A trigger classifier that reads an event type off a word and its parse context where the trigger
lexicons know no rule for it ('the court handed him a life term', 'police hauled in 30 suspects').

A multinomial logistic regression over sparse parse features (the word, its lemma and suffix, its
dependents and their prepositions, its head, the lemmas under it) and the model's own contextual token
vector (`doc.tensor`), trained by `newsgraph.events.train` on sentences written for newsgraph
(`events/training/`), never on the held-out batches. Its weights ship with the package
(`events/trigger_model.npz`); inference is numpy alone. Classes: the 16 PLOVER types and NONE.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph.errors import Errors, NewsgraphError

NONE = "NONE"
MODEL_PATH = Path(__file__).with_name("trigger_model.npz")
# words that never carry an event of their own: reporting, copulas, light verbs and the like
NEVER = frozenset("""say tell add state note claim report quote cite be have do get make go come become seem appear
    include involve remain continue begin start keep use know think believe expect see look want need
    take give put set""".split())
CANDIDATE_DEPS = frozenset("ROOT conj ccomp xcomp advcl relcl acl pcomp dobj nsubj nsubjpass pobj attr appos".split())
CHILD_DEPS = frozenset("dobj nsubj nsubjpass prt agent attr acomp oprd dative xcomp ccomp npadvmod advmod".split())
TENSOR_SCALE = 0.5


def is_candidate(tok: Any) -> bool:
    """Whether a token may carry an event: a full verb, or a noun in an argument position."""
    if tok.is_stop or not tok.is_alpha or len(tok.text) < 3:
        return False
    if tok.pos_ == "VERB":
        return tok.lemma_.lower() not in NEVER and tok.dep_ not in ("aux", "auxpass", "amod", "compound")
    return tok.pos_ == "NOUN" and tok.dep_ in CANDIDATE_DEPS


def features(tok: Any) -> list[str]:
    """Sparse features of a candidate token: what it is, what hangs on it, what it hangs on."""
    lemma = tok.lemma_.lower()
    kind = "V" if tok.pos_ == "VERB" else "N"
    out = [f"l={kind}:{lemma}", f"w={tok.lower_}", f"s3={kind}:{lemma[-3:]}", f"pd={kind}:{tok.dep_}", f"tag={tok.tag_}"]
    for c in tok.children:
        dep = c.dep_
        cl = c.lemma_.lower()
        if dep == "prep":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            out.append(f"p={c.lower_}")
            for g in pobj:
                out.append(f"pp={c.lower_}:{g.lemma_.lower()}")
                out.append(f"pl={g.lemma_.lower()}")
                if g.ent_type_:
                    out.append(f"pe={c.lower_}:{g.ent_type_}")
        elif dep in CHILD_DEPS:
            out.append(f"c={dep}:{cl}")
            out.append(f"cl={cl}")
            if c.ent_type_:
                out.append(f"ce={dep}:{c.ent_type_}")
            if dep == "prt":
                out.append(f"lp={lemma}:{c.lower_}")
            if dep in ("dobj", "nsubjpass", "attr"):
                out.append(f"lo={lemma}:{cl}")
                out += [f"om={g.lemma_.lower()}" for g in c.children if g.dep_ in ("amod", "compound")]
        elif dep in ("amod", "compound", "nmod", "poss"):
            out.append(f"m={cl}")
        elif dep == "neg":
            out.append("neg")
    head = tok.head
    if head.i != tok.i:
        out.append(f"h={tok.dep_}:{head.lemma_.lower()}")
        if tok.dep_ == "pobj":
            out.append(f"hp={head.lower_}:{head.head.lemma_.lower()}")
    seen = 0
    for t in tok.subtree:
        if t.i != tok.i and t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and not t.is_stop:
            out.append(f"t={t.ent_type_ or t.lemma_.lower()}")
            seen += 1
            if seen >= 12:
                break
    return out


@dataclass(frozen=True, slots=True)
class TriggerModel:
    """Weights of the classifier: one row per known feature, one column per class."""

    classes: tuple[str, ...]
    index: dict[str, int]
    sparse: Any  # (features, classes) float32
    dense: Any  # (tensor width, classes) float32
    bias: Any  # (classes,) float32
    data_sha256: str = ""  # of the training files it was fitted on (tests check the shipped model is current)
    modes: TriggerModel | None = None  # classes 'TYPE:mode' ('TYPE:' for none): the mode of an event it reads

    def mode(self, tok: Any, typ: str) -> str | None:
        """The most likely PLOVER mode of an event of type `typ` on `tok`, or None."""
        if self.modes is None:
            return None
        p = self.modes.scores(tok)
        cands = [i for i, c in enumerate(self.modes.classes) if c.split(":", 1)[0] == typ]
        if not cands:
            return None
        best = max(cands, key=lambda i: p[i])
        return self.modes.classes[best].split(":", 1)[1] or None

    def scores(self, tok: Any) -> Any:
        idx = [self.index[f] for f in features(tok) if f in self.index]
        z = self.bias + (self.sparse[idx].sum(axis=0) if idx else 0.0)
        vec = token_vector(tok, self.dense.shape[0])
        if vec is not None:
            z = z + vec @ self.dense
        z = z - z.max()
        p = np.exp(z)
        return p / p.sum()

    def predict(self, tok: Any) -> tuple[str, float]:
        """The most likely event type of `tok` other than NONE, and its probability."""
        p = self.scores(tok)
        none = self.classes.index(NONE)
        p2 = p.copy()
        p2[none] = -1.0
        best = int(p2.argmax())
        return self.classes[best], float(p[best])

    def save(self, path: Path) -> None:
        """One .npz file; the mode model, where there is one, beside it (`NAME_modes.npz`)."""
        names = np.array(sorted(self.index, key=self.index.__getitem__))
        np.savez_compressed(path, classes=np.array(self.classes), names=names, sparse=self.sparse.astype(np.float16),
                            dense=self.dense.astype(np.float32), bias=self.bias.astype(np.float32),
                            data_sha256=np.array(self.data_sha256))
        if self.modes is not None:
            self.modes.save(modes_path(Path(path)))


def modes_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".npz") + "_modes.npz")


def token_vector(tok: Any, width: int) -> Any | None:
    """The parser's contextual vector of the token, unit length, scaled; None where the Doc has none."""
    tensor = getattr(tok.doc, "tensor", None)
    if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[1] != width or tensor.shape[0] != len(tok.doc):
        return None
    v = np.asarray(tensor[tok.i], dtype=np.float32)
    n = float(np.linalg.norm(v))
    return v * (TENSOR_SCALE / n) if n > 0 else v


def load_model(path: Path) -> TriggerModel:
    """The model at `path`, with its mode model where one lies beside it."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["names"]]
            modes = load_model(modes_path(path)) if modes_path(path).exists() else None
            return TriggerModel(classes=tuple(str(c) for c in data["classes"]), index={n: i for i, n in enumerate(names)},
                                sparse=data["sparse"].astype(np.float32), dense=data["dense"].astype(np.float32),
                                bias=data["bias"].astype(np.float32),
                                data_sha256=str(data["data_sha256"]) if "data_sha256" in data else "", modes=modes)
    except (OSError, KeyError, ValueError) as exc:
        raise NewsgraphError(Errors.E503, path=str(path), reason=str(exc)) from exc


@lru_cache(maxsize=2)
def default_model(path: str = str(MODEL_PATH)) -> TriggerModel | None:
    """The shipped model, loaded once per process; None where the package was built without one."""
    return load_model(Path(path)) if Path(path).exists() else None
