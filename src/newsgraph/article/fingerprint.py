"""MinHash fingerprints of bodies, for finding syndicated near-copies across reports."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures are uint32


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The random permutations of a MinHash (the same for every MinHash with the default seed):
    drawn once, not once per document."""
    perms = MinHash(num_perm=num_perm, scheme=SCHEME).permutations
    return perms[0], perms[1]


def minhash(text: str, num_perm: int, size: int) -> MinHash:
    m = MinHash(num_perm=num_perm, scheme=SCHEME, permutations=_permutations(num_perm))
    grams = shingles(text, size)
    if grams:
        m.update_batch(list(grams))
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint32).copy()
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)
