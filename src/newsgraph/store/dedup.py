"""Near-duplicate index over stored fingerprints (MinHash LSH): syndicated copies of one report."""
from __future__ import annotations

import sqlite3

from datasketch import MinHashLSH

from newsgraph.article.fingerprint import from_bytes


class NearDuplicates:
    """Finds, for a new body's MinHash, the stored original it copies (estimated Jaccard ≥ threshold)."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.originals: dict[str, str] = {}  # id -> the id of the original it copies (itself if none)
        self.hashes: dict[str, bytes] = {}

    @classmethod
    def load(cls, conn: sqlite3.Connection, threshold: float, num_perm: int) -> NearDuplicates:
        index = cls(threshold, num_perm)
        for row in conn.execute("SELECT id, duplicate_of, minhash FROM documents WHERE minhash IS NOT NULL ORDER BY seq"):
            index.add(row["id"], row["minhash"], row["duplicate_of"])
        return index

    def add(self, doc_id: str, signature: bytes, duplicate_of: str | None) -> None:
        m = from_bytes(signature)
        if len(m.hashvalues) != self.num_perm or doc_id in self.hashes:
            return
        self.lsh.insert(doc_id, m)
        self.hashes[doc_id] = signature
        self.originals[doc_id] = duplicate_of or doc_id

    def original_of(self, signature: bytes) -> str | None:
        """The id of the earliest stored report this one is a near-copy of, or None."""
        m = from_bytes(signature)
        if len(m.hashvalues) != self.num_perm:
            return None
        best: tuple[float, str] | None = None
        for candidate in self.lsh.query(m):
            similarity = m.jaccard(from_bytes(self.hashes[candidate]))
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        return self.originals[best[1]] if best else None
