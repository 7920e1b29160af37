"""Text matching for evaluations, the same as the shared scorers use (benchmarks and quality gates):
quotes, straight and curly, fold alike; a found text matches a gold one by token F1."""
from __future__ import annotations

import re
import unicodedata

FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def norm(text: str | None) -> str:
    """Lower case, straight quotes, single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(FOLD).lower()
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", norm(text))


def token_f1(a: str | None, b: str | None) -> float:
    """Token-multiset F1 of two texts (0 where either is empty)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    common, pool = 0, list(tb)
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def pairwise(gold: dict[str, str], found: dict[str, str | None]) -> tuple[float, float, float]:
    """Precision, recall and F1 of a grouping over pairs of items: `gold` maps each item to its true
    group, `found` to the group it was put in (None: not found, so in no pair)."""
    items = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            same = gold[a] == gold[b]
            put = found.get(a) is not None and found.get(a) == found.get(b)
            tp += same and put
            fp += put and not same
            fn += same and not put
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
