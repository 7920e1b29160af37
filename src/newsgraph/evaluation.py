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
